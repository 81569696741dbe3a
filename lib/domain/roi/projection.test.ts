// The projection's band: simulated whole paths, the cap applied to every draw, percentiles of the
// totals — and a calibration study of how often the band of the total holds the simulated truth.
import { describe, expect, it } from "vitest";
import { line, usd } from "@/tests/fixtures/roiLines";
import { addDays } from "../calendar/weeks";
import { createRng } from "../stats/random";
import { computeProgramRoi } from "./program";
import type { ProgramRoiInput } from "./types";

const weeks = (n: number) => Array.from({ length: n }, (_, i) => addDays("2025-11-03", 7 * i));

/** A cost-saving line isolated by a control group: £1,000 a month per unit of improvement. */
function program(participant: number[], control: number[], pre: number, seed = 1, draws = 2_000): ProgramRoiInput {
  const w = weeks(participant.length);
  return {
    startDate: w[pre]!,
    // The Wednesday after the last week: that week is complete.
    today: addDays(w.at(-1)!, 9),
    ...usd,
    rangeSeed: seed,
    draws,
    costs: [{ id: "c", category: "DELIVERY", description: "", incurredOn: w[pre]!, amount: 20_000, hours: null, hourlyRate: null, cohorts: 1 }],
    benefits: [
      line({
        kind: "COST_SAVING",
        parameters: { kind: "COST_SAVING", volumePerMonth: 1000, costPerUnit: 1 },
        isolationMethod: "CONTROL_GROUP",
        series: { weeks: w, participant, control, scope: "teams" },
      }),
    ],
  };
}

describe("the projection of four quarters", () => {
  // Participants improve by 2 at the start and keep climbing 0.2 a week; the control stays put.
  const rng = createRng(77);
  const control = Array.from({ length: 26 }, () => 20 + rng.normal(0, 0.5));
  const climbing = control.map((c, i) => c + 10 + (i >= 13 ? 2 + 0.2 * (i - 13) : 0) + rng.normal(0, 0.5));

  it("never claims more than the improvement isolated so far, in any draw: a climbing trend cannot lift the band", () => {
    const r = computeProgramRoi(program(climbing, control, 13));
    const p = r.projection;
    const perUnit = 1000;
    // The upper edge of every month's band is below the money of the interval's upper end.
    for (const m of p.months) expect(m.hi).toBeLessThanOrEqual(r.lines[0]!.isolation.interval!.high * perUnit + 1e-6);
    // And the point never exceeds the claimed improvement's money.
    for (const m of p.months) expect(m.benefits).toBeLessThanOrEqual(r.lines[0]!.monthlyAttributed + 1e-9);
  });

  it("states the band of the total, not a sum of monthly bounds", () => {
    const p = computeProgramRoi(program(climbing, control, 13)).projection;
    const last = p.months.at(-1)!;
    // A quarter's band is the spread of the quarter's simulated sums: never wider than its months' bands added up.
    for (const [q, quarter] of p.quarters.entries()) {
      const months = p.months.slice(3 * q, 3 * q + 3);
      expect(quarter.hi - quarter.lo).toBeLessThanOrEqual(months.reduce((s, m) => s + m.hi - m.lo, 0) + 1e-6);
      expect(quarter.lo).toBeLessThanOrEqual(quarter.benefits);
    }
    expect(last.cumulativeLo).toBeLessThanOrEqual(last.cumulativeBenefits);
    expect(last.cumulativeHi).toBeGreaterThanOrEqual(last.cumulativeBenefits);
    expect(p.roiLo!).toBeLessThanOrEqual(p.roiPercent!);
    expect(p.roiHi!).toBeGreaterThanOrEqual(p.roiPercent!);
  });

  it("gives the same band for the same seed", () => {
    expect(computeProgramRoi(program(climbing, control, 13, 5)).projection).toEqual(computeProgramRoi(program(climbing, control, 13, 5)).projection);
  });
});

describe("calibration: how often the projection's 80% band holds the simulated truth", () => {
  // 300 programs whose participants improve by a true 1.5 at the start (weekly scatter 1, a shared
  // weekly shock, no trend), 13 weeks before and 13 after. The truth is what the program is
  // worth if that effect persists: £1,500 a month for every month to the end of the projection.
  // Monte Carlo error of a share near 0.8 over 300 programs: √(0.8 × 0.2 / 300) = 0.023; the
  // tolerance is three of those either side.
  it("holds the true total about 80% of the time (±7 points)", () => {
    const rng = createRng(2026);
    const programs = 300;
    let held = 0;
    for (let k = 0; k < programs; k++) {
      const shock = Array.from({ length: 26 }, () => rng.normal(0, 1));
      const control = shock.map((s) => 40 + s + rng.normal(0, 1));
      const participant = shock.map((s, i) => 50 + s + rng.normal(0, 1) + (i >= 13 ? 1.5 : 0));
      const r = computeProgramRoi(program(participant, control, 13, k + 1, 400));
      const last = r.projection.months.at(-1)!;
      const truth = 1.5 * 1000 * (r.benefitMonths.length + r.projection.months.length);
      if (truth >= last.cumulativeLo && truth <= last.cumulativeHi) held++;
    }
    const coverage = held / programs;
    expect(coverage).toBeGreaterThanOrEqual(0.73);
    expect(coverage).toBeLessThanOrEqual(0.87);
  }, 30_000);
});
