import { describe, expect, it } from "vitest";
import {
  benefitMonthsOf,
  computeProgramRoi,
  firstProgramWeek,
  isolateLine,
  monthlyMoney,
  trainingBudget,
  whatIfLine,
  type BenefitSpec,
  type LineSeries,
  type ProgramRoiInput,
} from "./program";

// Six Monday-weeks from 5 Jan 2026; a program starting Monday 19 Jan has two weeks before it.
const WEEKS = ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02", "2026-02-09"];
const usd = { locale: "en-US", currency: "USD" };

const line = (over: Partial<BenefitSpec> & { series: LineSeries | null }): BenefitSpec => ({
  id: "b1",
  name: "Line",
  kind: "REVENUE",
  parameters: { kind: "REVENUE" },
  margin: 1,
  confidence: 1,
  isolationMethod: "CONSERVATIVE",
  estimateShare: null,
  estimateConfidence: null,
  evidence: "",
  lag: { id: "l1", name: "Measure", unit: "pts", direction: "HIGHER_IS_BETTER" },
  ...over,
});
const series = (participant: (number | null)[], control: (number | null)[] | null = null, weeks = WEEKS): LineSeries => ({ weeks, participant, control, scope: "teams" });

describe("which weeks belong to the program", () => {
  it("counts the week holding the start date as the program's first", () => {
    expect(firstProgramWeek(WEEKS, "2026-01-19")).toBe(2);
    expect(firstProgramWeek(WEEKS, "2026-01-21")).toBe(2);
    expect(firstProgramWeek(WEEKS, "2026-03-01")).toBe(6);
  });
});

describe("isolating the program's share of a lag measure's movement", () => {
  // Program 11 → 16 (pre 10, 12; post 15, 17, 16); control 20 → 22: DiD = 5 − 2 = 3.
  const did = series([10, 12, 15, 17, null, 16], [20, 20, 21, 23, null, 22]);

  it("control group: the participants' change minus the control teams' change", () => {
    const iso = isolateLine(line({ isolationMethod: "CONTROL_GROUP", series: did }), "2026-01-19");
    expect(iso.methods[0]!.value).toBeCloseTo(3, 12);
    expect(iso.methods[0]!.detail).toContain("(16 − 11) − (22 − 20) = 3");
    expect(iso).toMatchObject({ usedMethod: "CONTROL_GROUP", rawChange: 5 });
    expect(iso.improvement).toBeCloseTo(3, 12);
  });

  it("reads a lower-is-better measure the right way: rising values are a worse result, never claimed", () => {
    const iso = isolateLine(line({ isolationMethod: "CONTROL_GROUP", series: did, lag: { id: "l", name: "Handle time", unit: "min", direction: "LOWER_IS_BETTER" } }), "2026-01-19");
    expect(iso.methods[0]!.value).toBeCloseTo(-3, 12);
    expect(iso.improvement).toBe(0);
    expect(iso.note).toMatch(/wrong way/);
  });

  it("needs two weeks on each side for both groups", () => {
    const iso = isolateLine(line({ isolationMethod: "CONTROL_GROUP", series: series([10, 12, 15, 17, null, 16], [null, 20, 21, 23, null, 22]) }), "2026-01-19");
    expect(iso.methods[0]).toMatchObject({ value: null });
    expect(iso.methods[0]!.detail).toMatch(/^no data: needs 2 weeks .*control 1\/3/);
    expect(iso.improvement).toBe(0);
  });

  // Pre 10, 11, 12 (trend 10 + 1/week) projects 13 and 14 for weeks 3 and 4; observed 14 and 16.
  const trend = series([10, 11, 12, 14, 16, null]);

  it("trend line: observed post-start mean minus the pre-program trend projected over the same weeks", () => {
    const iso = isolateLine(line({ isolationMethod: "TREND_LINE", series: trend }), "2026-01-26");
    expect(iso.methods[1]!.value).toBeCloseTo(15 - 13.5, 12);
    expect(iso.methods[1]!.detail).toContain("projects 13.5; observed 15 over 2 weeks");
  });

  it("trend line needs three weekly values before the start", () => {
    const iso = isolateLine(line({ isolationMethod: "TREND_LINE", series: trend }), "2026-01-19");
    expect(iso.methods[1]).toMatchObject({ value: null });
    expect(iso.improvement).toBe(0);
  });

  it("estimate: the observed change × the share attributed × the confidence in it", () => {
    const iso = isolateLine(line({ isolationMethod: "ESTIMATE", estimateShare: 0.5, estimateConfidence: 0.8, series: trend }), "2026-01-26");
    // Observed change: (14 + 16)/2 − (10 + 11 + 12)/3 = 15 − 11 = 4; × 0.5 × 0.8 = 1.6.
    expect(iso.rawChange).toBeCloseTo(4, 12);
    expect(iso.improvement).toBeCloseTo(1.6, 12);
  });

  it("conservative (the default): the smallest credible value wins, and the range keeps the largest", () => {
    const iso = isolateLine(line({ estimateShare: 0.5, estimateConfidence: 0.8, series: trend }), "2026-01-26");
    expect(iso.usedMethod).toBe("TREND_LINE");
    expect(iso.improvement).toBeCloseTo(1.5, 12);
    expect(iso.low).toBeCloseTo(1.5, 12);
    expect(iso.high).toBeCloseTo(1.6, 12);
  });

  it("claims nothing without data, and says so", () => {
    const iso = isolateLine(line({ series: series([null, null, 15, 16, 17, 18]) }), "2026-01-19");
    expect(iso.improvement).toBe(0);
    expect(iso.usedMethod).toBeNull();
    expect(iso.methods.every((m) => m.value === null && m.detail.startsWith("no data"))).toBe(true);
    expect(iso.note).toBe("No method has data: no benefit is claimed.");
  });
});

describe("pricing an improvement per month", () => {
  it("retention: customers × points ÷ 100 × value per customer per month, with the formula", () => {
    const m = monthlyMoney({ kind: "RETENTION", customerBase: 1200, valuePerCustomer: 35 }, 2.1, "%", usd);
    expect(m.value).toBeCloseTo(882, 9);
    expect(m.formula).toBe("1,200 customers × 2.1 pts ÷ 100 × $35.00 = $882.00 / month");
  });

  it("retention from CLV inputs: CLV = 420 × 0.86 / (1 + 0.08 − 0.86) − 150 = 1,491.82, ÷ 12 per month", () => {
    const m = monthlyMoney({ kind: "RETENTION", customerBase: 2400, clvMargin: 420, clvRetention: 0.86, clvDiscountRate: 0.08, clvAcquisitionCost: 150 }, 1.25, "%", usd);
    // 2,400 × 1.25 / 100 = 30 customers × 1,491.8181… / 12 = 3,729.545…
    expect(m.value).toBeCloseTo((30 * (361.2 / 0.22 - 150)) / 12, 9);
    expect(m.formula).toContain("CLV 420 × 0.86/(1 + 0.08 − 0.86) − 150 = 1491.82; ÷ 12");
  });

  it("revenue: the change is money per month", () => {
    expect(monthlyMoney({ kind: "REVENUE" }, 500, "$", usd).value).toBe(500);
  });

  it("cost saving: 2 minutes × 5,000 contacts × $0.80 = $8,000 a month", () => {
    const m = monthlyMoney({ kind: "COST_SAVING", volumePerMonth: 5000, costPerUnit: 0.8 }, 2, "minutes", usd);
    expect(m.value).toBeCloseTo(8000, 9);
    expect(m.formula).toBe("2 minutes saved × 5,000 per month × $0.80 = $8,000.00 / month");
  });

  it("manual: the stated monthly value", () => {
    expect(monthlyMoney({ kind: "MANUAL", monthlyValue: 900 }, 0, "", usd)).toMatchObject({ value: 900 });
  });
});

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

  it("benefits accrue in each elapsed month after the start month, not the current one", () => {
    expect(benefitMonthsOf("2026-01-19", "2026-04-10")).toEqual(["2026-02", "2026-03"]);
    expect(benefitMonthsOf("2026-04-01", "2026-04-30")).toEqual([]);
  });

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

describe("the training budget helper", () => {
  it("1.75% of a $48,000 salary is $840 a person; ten people $8,400 against $10,000 planned", () => {
    const b = trainingBudget({ inflationRate: 0.0175, averageSalary: 48_000, headcount: 10, plannedCosts: 10_000, ...usd })!;
    expect(b.perPerson).toBeCloseTo(840, 9);
    expect(b.total).toBeCloseTo(8400, 9);
    expect(b.difference).toBeCloseTo(-1600, 9);
    expect(b.text).toContain("$1,600.00 over budget");
  });
  it("needs an average salary", () => {
    expect(trainingBudget({ inflationRate: 0.0175, averageSalary: null, headcount: 10, plannedCosts: 1, ...usd })).toBeNull();
  });
});

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
  });

  it("says so when the lead does not predict the lag", () => {
    const w = whatIfLine(base, lead.slice(0, 5), lag.slice(0, 5), 10, usd);
    expect(w).toMatchObject({ available: false });
    if (!w.available) expect(w.reason).toMatch(/Not enough data/);
  });
});
