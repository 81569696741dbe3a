import { describe, expect, it } from "vitest";
import { line, series, usd } from "@/tests/fixtures/roiLines";
import { computeProgramRoi } from "./program";
import { analyzeLeadLag } from "../stats/leadLag";
import { whatIfLine } from "./whatIf";

describe("the lead-measure what-if", () => {
  // 40 weeks: the lag moves 2 per unit of lead the same week, plus a little noise.
  const lead = Array.from({ length: 40 }, (_, i) => 20 + ((i * 7) % 11));
  const lag = lead.map((l, i) => 50 + 2 * l + ((i * 3) % 5) * 0.01);
  const base = computeProgramRoi({
    startDate: "2026-01-19",
    today: "2026-04-10",
    ...usd,
    rangeSeed: 1,
    draws: 100,
    costs: [{ id: "c", category: "DELIVERY", description: "", incurredOn: "2026-01-19", amount: 1000, hours: null, hourlyRate: null, cohorts: 1 }],
    benefits: [line({ kind: "REVENUE", parameters: { kind: "REVENUE" }, estimateShare: 1, estimateConfidence: 1, isolationMethod: "ESTIMATE", series: series([10, 10, 12, 12, 12, 12]) })],
  }).lines[0]!;

  it("follows the fitted slope where the lead predicts the lag: slope × x% × mean weekly lead of the last 13 weeks", () => {
    const w = whatIfLine(base, lead, lag, 10, usd);
    expect(w.available).toBe(true);
    if (!w.available) return;
    const meanLead = lead.slice(-13).reduce((s, v) => s + v, 0) / 13;
    expect(w.slope).toBeCloseTo(2, 2);
    expect(w.lagChange).toBeCloseTo(w.slope * 0.1 * meanLead, 9);
    // Revenue: the benefit moves by the lag change itself (the line claims all of its change).
    expect(w.monthlyBenefitChange).toBeCloseTo(w.lagChange, 9);
    // The slope's 95% interval carries through to the lag change and the money.
    const a = analyzeLeadLag({ lead, lag, direction: "HIGHER_IS_BETTER" });
    const [lo, hi] = a.best!.hac!.ci95;
    expect(w.lagChangeRange[0]).toBeCloseTo(lo * 0.1 * meanLead, 9);
    expect(w.lagChangeRange[1]).toBeCloseTo(hi * 0.1 * meanLead, 9);
    expect(w.monthlyBenefitChangeRange).toEqual(w.lagChangeRange.map((x) => expect.closeTo(x, 9)));
    expect(w.formula).toMatch(/^slope 2(\.\d+)? \(95% range [\d.]+ to [\d.]+\) × 10% × /);
  });

  it("leaves the weeks before the lead was tracked out of its current level", () => {
    const tracked = [...Array<null>(20).fill(null), ...lead.slice(20)];
    const w = whatIfLine(base, tracked, lag, 10, usd);
    if (!w.available) throw new Error(w.reason);
    expect(w.meanWeeklyLead).toBeCloseTo(lead.slice(-13).reduce((s, v) => s + v, 0) / 13, 9);
    const few = whatIfLine(base, [...Array<null>(33).fill(null), ...lead.slice(33)], lag, 10, usd);
    expect(few).toMatchObject({ available: false, reason: expect.stringMatching(/Not enough data/) });
  });

  it("says so when the lead does not predict the lag", () => {
    const w = whatIfLine(base, lead.slice(0, 5), lag.slice(0, 5), 10, usd);
    expect(w).toMatchObject({ available: false });
    if (!w.available) expect(w.reason).toMatch(/Not enough data/);
  });
});
