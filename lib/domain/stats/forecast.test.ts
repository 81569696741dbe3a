import { describe, expect, it } from "vitest";
import { forecastLag } from "./forecast";

describe("lag forecast", () => {
  const series = [10, 11, 13, 12, 14, 15, 15, 17, 18, 18];

  it("projects the linear trend with prediction intervals computed independently", () => {
    const f = forecastLag(series, 13);
    if (f.kind !== "forecast") throw new Error("expected a forecast");
    expect(f.n).toBe(10);
    expect(f.slopePerWeek).toBeCloseTo(0.915151515, 8);
    const next = f.points[0]!;
    // scipy: mean 19.3333, 80% [18.2964, 20.3703], 95% [17.6214, 21.0452]
    expect(next.mean).toBeCloseTo(19.333333333, 8);
    expect(next.lo80).toBeCloseTo(18.296381533, 7);
    expect(next.hi80).toBeCloseTo(20.370285134, 7);
    expect(next.lo95).toBeCloseTo(17.621428314, 7);
    expect(next.hi95).toBeCloseTo(21.045238353, 7);
    expect(f.points).toHaveLength(13);
    expect(f.points[12]!.mean).toBeCloseTo(30.315151515, 7);
    expect(f.points[12]!.lo95).toBeCloseTo(27.214290982, 7);
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

  it("uses weeks with observations only, keeping their place in time", () => {
    const gappy = [10, null, 12, null, 14, null, 16];
    const f = forecastLag(gappy, 2);
    if (f.kind !== "forecast") throw new Error("expected a forecast");
    expect(f.n).toBe(4);
    expect(f.slopePerWeek).toBeCloseTo(1, 12);
    expect(f.points[0]!.mean).toBeCloseTo(17, 12); // the week after the last
    expect(f.points[0]!.hi95 - f.points[0]!.lo95).toBeCloseTo(0, 9); // a perfect line has no scatter
  });

  it("uses only the last 26 weeks", () => {
    const old = Array.from({ length: 30 }, () => 100);
    const recent = Array.from({ length: 26 }, (_, i) => i);
    const f = forecastLag([...old, ...recent], 1);
    if (f.kind !== "forecast") throw new Error("expected a forecast");
    expect(f.n).toBe(26);
    expect(f.slopePerWeek).toBeCloseTo(1, 12);
  });

  it("says plainly when there is not enough data", () => {
    expect(forecastLag([5, null, 6], 4)).toMatchObject({ kind: "insufficient", n: 2 });
    expect(forecastLag([], 4)).toMatchObject({ kind: "insufficient", n: 0 });
  });
});
