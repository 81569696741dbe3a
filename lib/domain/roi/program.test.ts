import { describe, expect, it } from "vitest";
import { line, usd } from "@/tests/fixtures/roiLines";
import { computeProgramRoi } from "./program";
import type { ProgramRoiInput } from "./types";

describe("accrual by month, totals and payback", () => {
  const input: ProgramRoiInput = {
    startDate: "2026-01-19",
    today: "2026-04-10",
    ...usd,
    rangeSeed: 7,
    draws: 2000,
    costs: [
      { id: "c1", category: "NEEDS_ASSESSMENT", description: "", incurredOn: "2025-12-20", amount: 1000, hours: null, hourlyRate: null, cohorts: 1 },
      { id: "c2", category: "DELIVERY", description: "", incurredOn: "2026-01-19", amount: 2000, hours: null, hourlyRate: null, cohorts: 1 },
    ],
    benefits: [line({ kind: "MANUAL", parameters: { kind: "MANUAL", monthlyValue: 2000 }, margin: 0.75, lag: null, series: null, evidence: "CRM" })],
  };

  it("accrues costs when incurred and benefits monthly: $3,000 against $3,000 is BCR 1, ROI 0%, payback 2 months", () => {
    const r = computeProgramRoi(input);
    expect(r.months.map((m) => [m.month, m.costs, m.benefits])).toEqual([
      ["2025-12", 1000, 0],
      ["2026-01", 2000, 0],
      ["2026-02", 0, 1500],
      ["2026-03", 0, 1500],
      ["2026-04", 0, 0],
    ]);
    expect(r.totals).toEqual({ costs: 3000, benefits: 3000, netBenefit: 0 });
    expect(r.roi).toMatchObject({ bcr: 1, roiPercent: 0, paybackMonths: 2 });
    expect(r.breakEvenMonth).toBe("2026-03");
    expect(r.lines[0]!.formula).toBe("manual value $2,000.00 / month; × margin 0.75 × confidence 1 = $1,500.00 / month");
  });

  it("gives the same range for the same seed, and P10 ≤ P50 ≤ P90", () => {
    const a = computeProgramRoi(input).range!;
    expect(computeProgramRoi(input).range).toEqual(a);
    expect(a.p10).toBeLessThanOrEqual(a.p50);
    expect(a.p50).toBeLessThanOrEqual(a.p90);
  });

  it("has no ROI without costs, and says why", () => {
    const r = computeProgramRoi({ ...input, costs: [] });
    expect(r.roi).toBeNull();
    expect(r.range).toBeNull();
    expect(r.roiNote).toMatch(/costs/);
  });

  it("projects four quarters; a manual line continues unchanged", () => {
    const p = computeProgramRoi(input).projection;
    expect(p.quarters.map((q) => [q.label, q.from, q.to, q.benefits])).toEqual([
      ["Q1", "2026-05", "2026-07", 4500],
      ["Q2", "2026-08", "2026-10", 4500],
      ["Q3", "2026-11", "2027-01", 4500],
      ["Q4", "2027-02", "2027-04", 4500],
    ]);
    // (3,000 + 12 × 1,500 − 3,000) / 3,000 = 600%.
    expect(p.roiPercent).toBeCloseTo(600, 9);
  });
});
