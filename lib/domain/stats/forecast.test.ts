import { describe, expect, it } from "vitest";
import { forecastLag, forecastMethodText, MIN_FORECAST_N } from "./forecast";
import { fitModel } from "./forecastModels";
import { createRng } from "./random";

const inRange = (v: number, lo: number, hi: number) => v >= lo && v <= hi;

describe("lag forecast", () => {
  const series = [10, 11, 13, 12, 14, 15, 15, 17, 18, 18];

  it("uses the model whose past one-week-ahead forecasts erred least, and says how often its 80% range held", () => {
    const f = forecastLag(series, 13);
    if (f.kind !== "forecast") throw new Error("expected a forecast");
    expect(f.n).toBe(10);
    // Five origins (weeks 6–10), each forecast from the weeks before it by both models.
    expect(f.backtest.weeks).toBe(5);
    // Unbounded: two candidates, the values as they are; the chosen one erred least.
    const [best, other] = f.backtest.candidates;
    expect(f.backtest.candidates).toHaveLength(2);
    expect(best).toEqual({ model: f.model, scale: "linear", meanAbsError: f.backtest.meanAbsError });
    expect(other!.model).not.toBe(f.model);
    expect(other!.meanAbsError).toBeGreaterThanOrEqual(best!.meanAbsError);
    expect(f.backtest.held80).toBeGreaterThanOrEqual(0);
    expect(f.backtest.held80).toBeLessThanOrEqual(5);
    // On the measure's own scale the chosen model's forecast is its own prediction.
    const own = fitModel(f.model, series.map((_, i) => i), series)!.predict(10);
    expect(f.points[0]!.mean).toBeCloseTo(own.centre, 9);
    expect(forecastMethodText(f)).toBe(`${f.model === "linear-trend" ? "linear trend" : "random walk with drift"}; the 80% range held in ${f.backtest.held80} of 5 past weeks`);
    expect(forecastMethodText({ model: "random-walk", scale: "log", backtest: { weeks: 11, held80: 9 } })).toBe("random walk with drift on the log scale; the 80% range held in 9 of 11 past weeks");
  });

  it("counts the backtest's misses: the range holds a smooth past, misses a sudden jump", () => {
    const steady = [20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31];
    const f = forecastLag(steady, 1);
    if (f.kind !== "forecast") throw new Error("expected a forecast");
    expect(f.backtest).toMatchObject({ weeks: 7, held80: 7 });
    const jumpy = forecastLag([...steady.slice(0, 8), 60, 32, 33, 34], 1);
    if (jumpy.kind !== "forecast") throw new Error("expected a forecast");
    expect(jumpy.backtest.held80).toBeLessThan(jumpy.backtest.weeks);
  });

  it("chooses the random walk for a wandering series and the trend for a steady one", () => {
    const rng = createRng(5);
    let level = 50;
    const walk = Array.from({ length: 26 }, () => (level += rng.normal(0, 3)));
    const trend = Array.from({ length: 26 }, (_, i) => 50 + 0.5 * i + rng.normal(0, 1));
    expect(forecastLag(walk, 4)).toMatchObject({ kind: "forecast", model: "random-walk" });
    expect(forecastLag(trend, 4)).toMatchObject({ kind: "forecast", model: "linear-trend" });
  });

  it("widens the band the further it looks, and keeps 80% inside 95%", () => {
    const f = forecastLag(series, 13);
    if (f.kind !== "forecast") throw new Error("expected a forecast");
    for (let i = 1; i < f.points.length; i++) {
      const a = f.points[i - 1]!;
      const b = f.points[i]!;
      expect(b.hi95 - b.lo95).toBeGreaterThan(a.hi95 - a.lo95);
      expect(b.lo95).toBeLessThan(b.lo80);
      expect(b.hi80).toBeLessThan(b.hi95);
    }
  });

  it("keeps a CSAT near 100% below 100%, however far it looks", () => {
    const csat = [95, 96.5, 97, 96, 98, 97.5, 98.5, 99, 98, 99.5, 100, 99];
    const f = forecastLag(csat, 26, { low: 0, high: 100 });
    if (f.kind !== "forecast") throw new Error("expected a forecast");
    expect(f.scale).toBe("logit");
    for (const p of f.points) for (const v of [p.lo95, p.lo80, p.mean, p.hi80, p.hi95]) expect(inRange(v, 0, 100)).toBe(true);
    // The same numbers as a straight line on the raw scale cross 100%.
    const raw = forecastLag(csat, 26);
    if (raw.kind !== "forecast") throw new Error("expected a forecast");
    expect(raw.points.at(-1)!.hi95).toBeGreaterThan(100);
  });

  it("keeps a falling resolution time above zero, and an NPS within −100…100", () => {
    const hours = [26, 24, 21, 19, 17, 15, 13, 11, 10, 8, 7, 6];
    const f = forecastLag(hours, 26, { low: 0, high: null });
    if (f.kind !== "forecast") throw new Error("expected a forecast");
    // A time may be modelled on the log scale or as it is, cut at zero: four candidates.
    expect(f.backtest.candidates).toHaveLength(4);
    for (const p of f.points) expect(p.lo95).toBeGreaterThanOrEqual(0);
    expect(f.slopePerWeek).toBeLessThan(0);
    const nps = forecastLag([-60, -70, -75, -72, -80, -85, -83, -88, -90, -92], 26, { low: -100, high: 100 });
    if (nps.kind !== "forecast") throw new Error("expected a forecast");
    for (const p of nps.points) expect(p.lo95).toBeGreaterThanOrEqual(-100);
  });

  it("forecasts a time falling by the same amount every week as a straight line, not a curve", () => {
    const hours = Array.from({ length: 26 }, (_, i) => 30 - 0.5 * i);
    const f = forecastLag(hours, 13, { low: 0, high: null });
    if (f.kind !== "forecast") throw new Error("expected a forecast");
    expect(f).toMatchObject({ model: "linear-trend", scale: "linear", backtest: { weeks: 21, held80: 21 } });
    expect(f.points.at(-1)!.mean).toBeCloseTo(11, 9);
    // Cut at zero: 40 weeks on, the line would be at −2.5 hours.
    const far = forecastLag(hours, 40, { low: 0, high: null });
    if (far.kind !== "forecast") throw new Error("expected a forecast");
    expect(far.points.at(-1)!.mean).toBe(0);
  });

  it("uses weeks with observations only, keeping their place in time", () => {
    const gappy = [10, null, 12, null, 14, null, 16, null, 18, null, 20, null, 22, null, 24];
    const f = forecastLag(gappy, 2);
    if (f.kind !== "forecast") throw new Error("expected a forecast");
    expect(f.n).toBe(8);
    expect(f.slopePerWeek).toBeCloseTo(1, 9);
    expect(f.points[0]!.mean).toBeCloseTo(25, 9); // the week after the last
    expect(f.points[0]!.hi95 - f.points[0]!.lo95).toBeCloseTo(0, 9); // a perfect line has no scatter
  });

  it("uses only the last 26 weeks", () => {
    const old = Array.from({ length: 30 }, () => 100);
    const recent = Array.from({ length: 26 }, (_, i) => i);
    const f = forecastLag([...old, ...recent], 1);
    if (f.kind !== "forecast") throw new Error("expected a forecast");
    expect(f.n).toBe(26);
    expect(f.slopePerWeek).toBeCloseTo(1, 9);
  });

  it(`gives no range below ${MIN_FORECAST_N} weeks with values, and says how many there are`, () => {
    expect(forecastLag([21, null, 27, null, 32], 4, { low: -100, high: 100 })).toEqual({ kind: "insufficient", n: 3, reason: "not enough weeks for a range yet: 3 of 8." });
    expect(forecastLag([1, 2, 3, 4, 5, 6, 7], 4)).toMatchObject({ kind: "insufficient", n: 7 });
    expect(forecastLag([1, 2, 3, 4, 5, 6, 7, 8], 4)).toMatchObject({ kind: "forecast", n: 8 });
    expect(forecastLag([], 4)).toMatchObject({ kind: "insufficient", n: 0 });
  });
});
