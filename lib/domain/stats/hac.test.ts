import { describe, expect, it } from "vitest";
import reference from "@/tests/fixtures/hac.json";
import { hacSlope, neweyWestLags } from "./hac";
import { ols } from "./ols";

describe("Newey–West (HAC) inference for a slope", () => {
  it(`matches statsmodels to 1e-6 (${reference.cases.length} cases, scripts/reference/hac.py)`, () => {
    for (const c of reference.cases) {
      const h = hacSlope(c.x, c.y, c.maxLags)!;
      expect(ols(c.x, c.y)!.slope).toBeCloseTo(c.slope, 9);
      expect(Math.abs(h.se - c.se)).toBeLessThan(1e-6);
      expect(Math.abs(h.ci95[0] - c.ci95[0]!)).toBeLessThan(1e-6);
      expect(Math.abs(h.ci95[1] - c.ci95[1]!)).toBeLessThan(1e-6);
      expect(Math.abs(h.p - c.p)).toBeLessThan(1e-6);
      if (c.defaultMaxLags) expect(hacSlope(c.x, c.y)!.maxLags).toBe(c.maxLags);
    }
  });

  it("uses the Newey–West lag rule: 2 lags for half a year of weekly changes, 3 for a year", () => {
    expect(neweyWestLags(25)).toBe(2);
    expect(neweyWestLags(51)).toBe(3);
  });

  it("cannot fit a constant lead series or fewer than three points", () => {
    expect(hacSlope([2, 2, 2, 2], [1, 2, 3, 4])).toBeNull();
    expect(hacSlope([1, 2], [1, 2])).toBeNull();
  });
});
