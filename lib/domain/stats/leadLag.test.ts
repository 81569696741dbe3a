import { describe, expect, it } from "vitest";
import { analyzeLeadLag } from "./leadLag";
import { ols } from "./ols";
import { createRng } from "./random";

/** A lag that follows the lead's changes `k` weeks later, with deterministic noise. */
function coupled(weeks: number, k: number, gain: number, noise: number, seed = 1) {
  const rng = createRng(seed);
  const lead: number[] = [];
  let level = 20;
  for (let i = 0; i < weeks; i++) {
    level += rng.normal(0, 3);
    lead.push(Math.round(level));
  }
  const lag: number[] = [];
  let value = 70;
  for (let i = 0; i < weeks; i++) {
    const driver = i - k >= 1 ? lead[i - k]! - lead[i - k - 1]! : 0;
    value += gain * driver + rng.normal(0, noise);
    lag.push(value);
  }
  return { lead, lag };
}

describe("lead → lag analysis", () => {
  it("regresses Δlag(t) on Δlead(t−k) over the weeks where both exist", () => {
    const lead = [1, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 12];
    const lag = [50, 51, null, 53, 52, 56, 55, 57, null, 60, 59, 62];
    const result = analyzeLeadLag({ lead, lag, direction: "HIGHER_IS_BETTER", maxLagWeeks: 2 });
    // k = 1 by hand: pairs (Δlead[t−1], Δlag[t]) for t = 2…11 where both differences exist.
    const dLead = [null, 2, -1, 3, -1, 3, -1, 3, -1, 3, -1, 2];
    const dLag = [null, 1, null, null, -1, 4, -1, 2, null, null, -1, 3];
    const x: number[] = [];
    const y: number[] = [];
    for (let t = 1; t < 12; t++) {
      if (dLead[t - 1] != null && dLag[t] != null) {
        x.push(dLead[t - 1]!);
        y.push(dLag[t]!);
      }
    }
    const k1 = result.fits[1]!;
    expect(k1.n).toBe(x.length);
    expect(k1.slope).toBeCloseTo(ols(x, y)!.slope, 12);
    expect(result.fits.map((f) => f.k)).toEqual([0, 1, 2]);
  });

  it("finds a relationship that really is there, at the right lag, and says so without claiming cause", () => {
    const { lead, lag } = coupled(40, 3, 0.5, 0.4);
    const result = analyzeLeadLag({ lead, lag, direction: "HIGHER_IS_BETTER" });
    expect(result.best?.k).toBe(3);
    expect(result.verdict.kind).toBe("predictive");
    expect(result.verdict.text).toMatch(/^Predictive \(p < 0\.001, n = \d+, strongest at 3 weeks later; 9 lags tested\)/);
    expect(result.verdict.text).not.toMatch(/causes|caused/i);
    expect(result.best!.ci95![0]).toBeGreaterThan(0);
  });

  it("checks the sign against the lag's direction: for a lower-is-better lag, more activity should lower it", () => {
    const { lead, lag } = coupled(40, 2, -0.5, 0.4, 7);
    expect(analyzeLeadLag({ lead, lag, direction: "LOWER_IS_BETTER" }).verdict.kind).toBe("predictive");
    expect(analyzeLeadLag({ lead, lag, direction: "HIGHER_IS_BETTER" }).verdict.kind).toBe("opposite");
  });

  it("reports no evidence for unrelated series", () => {
    const a = coupled(40, 0, 0, 1, 11);
    const b = coupled(40, 0, 0, 1, 12);
    const result = analyzeLeadLag({ lead: a.lead, lag: b.lag, direction: "HIGHER_IS_BETTER" });
    expect(["none", "weak"]).toContain(result.verdict.kind);
  });

  it("says there is not enough data below 8 paired changes", () => {
    const result = analyzeLeadLag({ lead: [1, 2, 3, 5, 4, 6, 7, 8], lag: [1, 2, 3, 4, 5, 6, 7, 8], direction: "HIGHER_IS_BETTER" });
    expect(result.best).toBeNull();
    expect(result.verdict).toEqual({
      kind: "insufficient",
      text: "Not enough data yet (n < 8): at most 7 week-to-week changes where both measures were recorded.",
    });
  });

  it("handles a constant lead (nothing to learn) and a constant lag", () => {
    const flat = Array.from({ length: 20 }, () => 5);
    const moving = Array.from({ length: 20 }, (_, i) => i * (i % 3));
    for (const [lead, lag] of [
      [flat, moving],
      [moving, flat],
    ]) {
      const v = analyzeLeadLag({ lead: lead!, lag: lag!, direction: "HIGHER_IS_BETTER" }).verdict;
      expect(v.kind).toBe("insufficient");
      expect(v.text).toMatch(/did not change from week to week/);
    }
  });

  it("scaling the lead series scales the slope inversely and keeps r and p", () => {
    const { lead, lag } = coupled(30, 1, 0.4, 0.5, 3);
    const a = analyzeLeadLag({ lead, lag, direction: "HIGHER_IS_BETTER" });
    const b = analyzeLeadLag({ lead: lead.map((v) => v * 10), lag, direction: "HIGHER_IS_BETTER" });
    a.fits.forEach((fa, i) => {
      const fb = b.fits[i]!;
      if (fa.slope == null) return;
      expect(fb.slope!).toBeCloseTo(fa.slope / 10, 9);
      expect(fb.r!).toBeCloseTo(fa.r!, 9);
      expect(fb.p!).toBeCloseTo(fa.p!, 9);
    });
  });
});
