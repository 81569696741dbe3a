import { describe, expect, it } from "vitest";
import { analyzeLeadLag, judgeAcrossPairs, verdictOf } from "./leadLag";
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
    expect(result.verdict.text).toMatch(/^Predictive in the data so far \(p = 0\.001 across the 9 lags tested, n = 36, strongest 3 weeks later\)/);
    expect(result.verdict.text).toMatch(/cuts the one-week-ahead error by \d+% \(30 weeks tested\)/);
    expect(result.verdict.text).not.toMatch(/causes|caused|prove/i);
    expect(result.evidence!.forecast!.errorReduction).toBeGreaterThan(0.3);
    expect(result.best!.ci95![0]).toBeGreaterThan(0);
    expect(result.best!.hac!.ci95[0]).toBeGreaterThan(0);
  });

  it("says 'in the same week' for a relationship with no delay", () => {
    const { lead, lag } = coupled(40, 0, 0.5, 0.4, 5);
    const result = analyzeLeadLag({ lead, lag, direction: "HIGHER_IS_BETTER" });
    expect(result.verdict.kind).toBe("predictive");
    expect(result.verdict.text).toMatch(/strongest in the same week\)/);
    expect(result.verdict.text).toMatch(/knowing the same week's activity cuts the error in the week's change by \d+%/);
  });

  it("gives the same p for the same data, and a p no smaller than 1 / (permutations + 1)", () => {
    const { lead, lag } = coupled(30, 2, 0.2, 1, 21);
    const a = analyzeLeadLag({ lead, lag, direction: "HIGHER_IS_BETTER" });
    const b = analyzeLeadLag({ lead, lag, direction: "HIGHER_IS_BETTER" });
    expect(b.evidence!.pFamily).toBe(a.evidence!.pFamily);
    expect(analyzeLeadLag({ lead, lag, direction: "HIGHER_IS_BETTER", permutations: 19 }).evidence!.pFamily).toBeGreaterThanOrEqual(1 / 20);
  });

  it("corrects for the lags tried: the family-wise p is larger than the strongest lag's own p", () => {
    const a = coupled(40, 0, 0, 1, 31);
    const b = coupled(40, 0, 0, 1, 32);
    const e = analyzeLeadLag({ lead: a.lead, lag: b.lag, direction: "HIGHER_IS_BETTER" }).evidence!;
    expect(e.lagsTested).toBe(9);
    expect(e.pFamily).toBeGreaterThan(e.pRaw);
  });

  it("is not predictive when knowing the lead does not improve one-week-ahead forecasts", () => {
    const evidence = { k: 2, n: 30, slope: 0.4, pRaw: 0.001, pFamily: 0.01, permutations: 999, lagsTested: 9, forecast: { origins: 24, errorReduction: -0.03 } };
    const v = verdictOf(evidence, 1);
    expect(v.kind).toBe("weak");
    expect(v.text).toBe(
      "Weak evidence (p = 0.010 across the 9 lags tested, n = 30, strongest 2 weeks later): a pattern beyond chance, but using it did not reduce the one-week-ahead error (24 weeks tested), so it does not predict yet.",
    );
    expect(verdictOf({ ...evidence, forecast: { origins: 24, errorReduction: 0.12 } }, 1).text).toMatch(/using it cuts the one-week-ahead error by 12% \(24 weeks tested\)/);
  });

  it("among several pairs, judges each by its q-value and shows it beside the p-value", () => {
    const evidence = { k: 1, n: 40, slope: 0.4, pRaw: 0.004, pFamily: 0.02, permutations: 999, lagsTested: 9, forecast: { origins: 33, errorReduction: 0.1 } };
    expect(verdictOf(evidence, 1).kind).toBe("predictive");
    const among = verdictOf(evidence, 1, { q: 0.16, pairs: 8 });
    expect(among.kind).toBe("none");
    expect(among.text).toMatch(/^No evidence \(p = 0\.020 across the 9 lags tested, q = 0\.160 across 8 pairs, n = 40, strongest 1 week later\)/);
  });

  it("treats weeks before the lead was tracked as missing, not as zero activity", () => {
    const { lead, lag } = coupled(40, 1, 0.5, 0.4, 9);
    const tracked = lead.map((v, i) => (i < 10 ? null : v));
    const result = analyzeLeadLag({ lead: tracked, lag, direction: "HIGHER_IS_BETTER" });
    expect(result.fits[0]!.n).toBe(29);
    expect(result.verdict.kind).toBe("predictive");
    const zeros = analyzeLeadLag({ lead: lead.map((v, i) => (i < 10 ? 0 : v)), lag, direction: "HIGHER_IS_BETTER" });
    expect(zeros.fits[0]!.n).toBe(39);
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
    expect(result.verdict.text).toMatch(/^(No|Weak) evidence \(p = 0\.\d{3} across the 9 lags tested/);
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

describe("verdicts across the pairs a report shows", () => {
  it("adjusts each pair's p for the number of pairs, so a borderline pair among many is no longer called", () => {
    const pair = (pFamily: number) => {
      const evidence = { k: 1, n: 40, slope: 0.4, pRaw: pFamily / 5, pFamily, permutations: 999, lagsTested: 9, forecast: { origins: 33, errorReduction: 0.1 } };
      return { evidence, expectedSign: 1 as const, verdict: verdictOf(evidence, 1) };
    };
    const insufficient = { evidence: null, expectedSign: 1 as const, verdict: { kind: "insufficient" as const, text: "Not enough data yet." } };
    const judged = judgeAcrossPairs([pair(0.001), pair(0.04), pair(0.5), pair(0.7), insufficient]);
    expect(judged.map((j) => j.verdict.kind)).toEqual(["predictive", "weak", "none", "none", "insufficient"]);
    expect(judged.map((j) => j.q)).toEqual([0.004, 0.08, 0.6666666666666666, 0.7, null]);
    expect(judged[0]!.verdict.text).toMatch(/q = 0\.004 across 4 pairs/);
  });
});
