import { describe, expect, it } from "vitest";
import { toMeasure } from "./forecastBacktest";
import { fitModel, FORECAST_MODELS } from "./forecastModels";
import { scaleFor, UNBOUNDED } from "./forecastRange";
import { createRng } from "./random";

const series = [10, 11, 13, 12, 14, 15, 15, 17, 18, 18];
const weeks = series.map((_, i) => i);
const asIs = scaleFor(UNBOUNDED, series);

describe("the linear trend", () => {
  it("projects the trend with prediction intervals computed independently (scipy)", () => {
    const fit = fitModel("linear-trend", weeks, series)!;
    const next = fit.predict(10);
    // scipy: mean 19.3333, 80% [18.2964, 20.3703], 95% [17.6214, 21.0452]
    expect(next.centre).toBeCloseTo(19.333333333, 8);
    expect(toMeasure(next, asIs, 0.8)).toMatchObject({ lo: expect.closeTo(18.296381533, 7), hi: expect.closeTo(20.370285134, 7) });
    expect(toMeasure(next, asIs, 0.95)).toMatchObject({ lo: expect.closeTo(17.621428314, 7), hi: expect.closeTo(21.045238353, 7) });
    const far = fit.predict(22);
    expect(far.centre).toBeCloseTo(30.315151515, 7);
    expect(toMeasure(far, asIs, 0.95).lo).toBeCloseTo(27.214290982, 7);
  });

  it("keeps each value's place in time when weeks are missing: a perfect line has no scatter", () => {
    const fit = fitModel("linear-trend", [0, 2, 4, 6], [10, 12, 14, 16])!;
    expect(fit.predict(7).centre).toBeCloseTo(17, 12);
    expect(fit.predict(7).se).toBeCloseTo(0, 9);
  });
});

describe("the random walk with drift", () => {
  it("starts from the last value, moves by the average step, and widens with the horizon (scipy)", () => {
    const fit = fitModel("random-walk", weeks, series)!;
    // drift (18 − 10) / 9; σ² from the 9 steps about it with 8 degrees of freedom; Var = σ²·h·(1 + h/9)
    const next = fit.predict(10);
    expect(next.centre).toBeCloseTo(18.888888889, 8);
    expect(next.se).toBeCloseTo(1.111111111, 8);
    expect(toMeasure(next, asIs, 0.8)).toMatchObject({ lo: expect.closeTo(17.336871878, 7), hi: expect.closeTo(20.440905900, 7) });
    const far = fit.predict(22);
    expect(far.centre).toBeCloseTo(29.555555556, 7);
    expect(toMeasure(far, asIs, 0.95)).toMatchObject({ lo: expect.closeTo(15.853031006, 7), hi: expect.closeTo(43.258080106, 7) });
  });

  it("counts a gap of g weeks as g weekly steps", () => {
    // Every value 2 above the last, whether one week or two apart: the drift is the same per week.
    const fit = fitModel("random-walk", [0, 1, 3, 4, 6], [0, 1, 3, 4, 6])!;
    expect(fit.predict(8).centre).toBeCloseTo(8, 12);
    expect(fit.predict(8).se).toBeCloseTo(0, 12);
  });

  it("needs three weeks with values, like the trend", () => {
    expect(fitModel("random-walk", [0, 1], [5, 6])).toBeNull();
    expect(fitModel("linear-trend", [0, 1], [5, 6])).toBeNull();
  });
});

describe("simulated paths", () => {
  const ahead = [10, 13, 22];
  const pathsOf = (model: (typeof FORECAST_MODELS)[number]) => {
    const fit = fitModel(model, weeks, series)!;
    const rng = createRng(7);
    return { fit, paths: Array.from({ length: 20_000 }, () => fit.drawPath(rng, ahead)) };
  };
  const correlation = (a: number[], b: number[]) => {
    const ma = a.reduce((s, x) => s + x, 0) / a.length;
    const mb = b.reduce((s, x) => s + x, 0) / b.length;
    let ab = 0;
    let aa = 0;
    let bb = 0;
    a.forEach((x, i) => {
      ab += (x - ma) * (b[i]! - mb);
      aa += (x - ma) ** 2;
      bb += (b[i]! - mb) ** 2;
    });
    return ab / Math.sqrt(aa * bb);
  };

  it.each(FORECAST_MODELS)("draw each week of a %s from its prediction: 80% of them inside its 80% range, half below its centre", (model) => {
    const { fit, paths } = pathsOf(model);
    ahead.forEach((w, k) => {
      const r = toMeasure(fit.predict(w), asIs, 0.8);
      const xs = paths.map((p) => p[k]!);
      // Monte Carlo error of a share over 20,000 draws: at most √(0.25 / 20,000) = 0.0035.
      expect(xs.filter((x) => x >= r.lo && x <= r.hi).length / xs.length).toBeCloseTo(0.8, 1.5);
      expect(xs.filter((x) => x < r.centre).length / xs.length).toBeCloseTo(0.5, 1.5);
    });
  });

  it("share one draw of the parameters along a path, as one future does: the weeks' correlation is the model's", () => {
    // Given σ, Cov(week a, week b) / σ²: the trend's 1/n + (a − x̄)(b − x̄)/Sxx (plus 1 when a = b);
    // the random walk's shared steps min(ha, hb) plus the drift's ha·hb/span. Drawing σ scales both alike.
    const n = series.length;
    const meanX = (n - 1) / 2;
    const sxx = weeks.reduce((s, w) => s + (w - meanX) ** 2, 0);
    const trend = (a: number, b: number) => 1 / n + ((a - meanX) * (b - meanX)) / sxx + (a === b ? 1 : 0);
    const span = n - 1;
    const walk = (a: number, b: number) => Math.min(a, b) - span + ((a - span) * (b - span)) / span;
    for (const [model, cov] of [
      ["linear-trend", trend],
      ["random-walk", walk],
    ] as const) {
      const { paths } = pathsOf(model);
      const expected = cov(10, 22) / Math.sqrt(cov(10, 10) * cov(22, 22));
      expect(correlation(paths.map((p) => p[0]!), paths.map((p) => p[2]!))).toBeCloseTo(expected, 1.5);
    }
  });

  it("refuses weeks before the last fitted one", () => {
    expect(() => fitModel("random-walk", weeks, series)!.drawPath(createRng(1), [5])).toThrow();
  });
});
