import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstDifference, ols, tCritical, tSurvival, twoSidedP } from "./ols";

describe("ordinary least squares", () => {
  it("matches a fit derived by hand", () => {
    // x = 1..5, y = 2,1,4,3,5: Sxx = 10, Sxy = 8, Syy = 10 → slope 0.8, intercept 0.6, r 0.8,
    // SSE = 10 − 0.8·8 = 3.6, s = √(3.6/3), SE = s/√10 = 0.34641, t = 2.3094 on 3 df.
    const fit = ols([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])!;
    expect(fit.slope).toBeCloseTo(0.8, 12);
    expect(fit.intercept).toBeCloseTo(0.6, 12);
    expect(fit.r).toBeCloseTo(0.8, 12);
    expect(fit.r2).toBeCloseTo(0.64, 12);
    expect(fit.slopeSE).toBeCloseTo(0.34641016, 7);
    // p and the interval as computed independently (scipy.stats.linregress, t.ppf).
    expect(fit.p).toBeCloseTo(0.104088039, 7);
    expect(fit.ci95[0]).toBeCloseTo(-0.302431739, 7);
    expect(fit.ci95[1]).toBeCloseTo(1.902431739, 7);
  });

  it("matches an independent computation for a strong positive relationship", () => {
    const fit = ols([1, 2, 3, 4, 5, 6, 7, 8], [2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1])!;
    expect(fit.slope).toBeCloseTo(1.997619048, 8);
    expect(fit.r).toBeCloseTo(0.999419475, 8);
    expect(fit.p! / 4.888933612552941e-10).toBeCloseTo(1, 4);
    expect(fit.ci95[0]).toBeCloseTo(1.929593811, 7);
    expect(fit.ci95[1]).toBeCloseTo(2.065644284, 7);
  });

  it("finds a negative relationship", () => {
    const fit = ols([3, 1, 4, 1, 5, 9, 2, 6, 5, 3], [10, 12, 9, 13, 8, 2, 12, 6, 7, 10])!;
    expect(fit.slope).toBeCloseTo(-1.33151184, 7);
    expect(fit.r).toBeCloseTo(-0.992048852, 8);
    expect(fit.slopeSE).toBeCloseTo(0.059721662, 8);
    expect(fit.p! / 1.731998697679856e-8).toBeCloseTo(1, 4);
  });

  it("reports a perfect correlation with p = 0 and a zero-width interval", () => {
    const fit = ols([1, 2, 3, 4], [3, 5, 7, 9])!;
    expect(fit).toMatchObject({ slope: 2, intercept: 1, r: 1, p: 0, slopeSE: 0, ci95: [2, 2] });
  });

  it("cannot fit a constant lead series or fewer than three points", () => {
    expect(ols([2, 2, 2, 2], [1, 2, 3, 4])).toBeNull();
    expect(ols([1, 2], [1, 2])).toBeNull();
  });

  it("gives no correlation or p-value for a constant result, and a flat slope", () => {
    const fit = ols([1, 2, 3, 4], [5, 5, 5, 5])!;
    expect(fit).toMatchObject({ slope: 0, r: null, p: null });
  });

  it("is unchanged in r and p when the lead is rescaled, while the slope scales inversely", () => {
    const series = fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 5, maxLength: 30 });
    fc.assert(
      fc.property(series, series, fc.double({ min: 0.01, max: 1000, noNaN: true }), (xs, ys, k) => {
        const n = Math.min(xs.length, ys.length);
        const x = xs.slice(0, n);
        const y = ys.slice(0, n);
        const a = ols(x, y);
        const b = ols(x.map((v) => v * k), y);
        if (!a || !b || a.r == null || a.p == null || b.p == null) return;
        expect(b.slope).toBeCloseTo(a.slope / k, 6);
        expect(b.r!).toBeCloseTo(a.r, 9);
        expect(b.p).toBeCloseTo(a.p, 9);
      }),
    );
  });

  it("keeps r within [−1, 1] and p within [0, 1]", () => {
    const series = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 40 });
    fc.assert(
      fc.property(series, series, (xs, ys) => {
        const n = Math.min(xs.length, ys.length);
        const fit = ols(xs.slice(0, n), ys.slice(0, n));
        if (!fit) return;
        if (fit.r != null) expect(Math.abs(fit.r)).toBeLessThanOrEqual(1);
        if (fit.p != null) expect(fit.p >= 0 && fit.p <= 1).toBe(true);
        expect(fit.ci95[0]).toBeLessThanOrEqual(fit.ci95[1]);
      }),
    );
  });
});

describe("the t distribution", () => {
  it("gives the familiar critical values", () => {
    expect(tCritical(0.95, 10)).toBeCloseTo(2.228138852, 8);
    expect(tCritical(0.8, 5)).toBeCloseTo(1.475884049, 8);
    expect(tCritical(0.95, 1e6)).toBeCloseTo(1.959963985, 5);
  });

  it("gives two-sided p-values", () => {
    expect(twoSidedP(0, 8)).toBeCloseTo(1, 12);
    expect(twoSidedP(2.306004135, 8)).toBeCloseTo(0.05, 8);
    expect(twoSidedP(-2.306004135, 8)).toBeCloseTo(0.05, 8);
  });

  it("keeps the digits of very small p-values instead of rounding them to 0", () => {
    // scipy.stats.t.sf (SciPy 1.10): [t, df, upper tail].
    const reference: [number, number, number][] = [
      [10, 50, 8.038667344167695e-14],
      [15, 24, 5.4283482950214207e-14],
      [40, 20, 7.287348277155344e-21],
      [60, 100, 1.5688071595706816e-80],
      [8, 3, 0.0020382887938927333],
      [1.5, 1, 0.1871670418109988],
      [-12, 30, 0.999999999999721],
    ];
    for (const [t, df, sf] of reference) {
      expect(Math.abs(tSurvival(t, df) / sf - 1)).toBeLessThan(1e-9);
      if (t > 0) expect(Math.abs(twoSidedP(t, df) / (2 * sf) - 1)).toBeLessThan(1e-9);
    }
    expect(twoSidedP(60, 100)).toBeGreaterThan(0);
  });
});

describe("first differences", () => {
  it("leaves a gap wherever a week or the week before is missing", () => {
    expect(firstDifference([1, 3, null, 4, 6, 10])).toEqual([null, 2, null, null, 2, 4]);
  });
});
