// npx tsx bench/roi.ts: how long one Monte Carlo ROI range of 10,000 draws takes (pure, no I/O),
// for a program shaped like the demo's (three benefit lines, eight cost lines), and the whole
// pure computation around it (isolation, accrual, range, forecast projection).
import { computeProgramRoi } from "@/lib/domain/roi/program";
import type { BenefitSpec, ProgramRoiInput } from "@/lib/domain/roi/types";
import { roiRange } from "@/lib/domain/roi/formulas";
import type { Direction } from "@/lib/domain/status";
import type { MeasureRange } from "@/lib/domain/stats/forecastRange";
import { addDays } from "@/lib/domain/calendar/weeks";
import { percentile, timeRuns } from "./timing";

const weeks = Array.from({ length: 40 }, (_, i) => addDays("2025-09-01", 7 * i));
const wave = (base: number, step: number, i: number) => base + (i >= 26 ? step : 0) + Math.sin(i) * 0.3;
const lag = (name: string, direction: Direction, range: MeasureRange) => ({ id: name, name, unit: "", direction, range });
const benefit = (over: Partial<BenefitSpec>): BenefitSpec => ({
  id: "b",
  name: "b",
  kind: "REVENUE",
  parameters: { kind: "REVENUE" },
  margin: 0.9,
  confidence: 0.8,
  isolationMethod: "CONSERVATIVE",
  estimateShare: 0.6,
  estimateConfidence: 0.8,
  evidence: "",
  lag: null,
  series: null,
  ...over,
});
const input: ProgramRoiInput = {
  startDate: weeks[26]!,
  today: addDays(weeks[39]!, 3),
  locale: "en-GB",
  currency: "GBP",
  rangeSeed: 20240601,
  costs: ["NEEDS_ASSESSMENT", "DESIGN_DEVELOPMENT", "DELIVERY", "PARTICIPANT_TIME", "TECHNOLOGY", "SUPPORT", "OVERHEAD", "EVALUATION"].map((category, i) => ({
    id: category,
    category,
    description: "",
    incurredOn: weeks[24 + i]!,
    amount: 3000,
    hours: null,
    hourlyRate: null,
    cohorts: 1,
  })),
  benefits: [
    benefit({
      id: "retention",
      kind: "RETENTION",
      parameters: { kind: "RETENTION", customerBase: 2400, clvMargin: 420, clvRetention: 0.86, clvDiscountRate: 0.08, clvAcquisitionCost: 150 },
      lag: lag("retention", "HIGHER_IS_BETTER", { low: 0, high: 100 }),
      series: { weeks, participant: weeks.map((_, i) => wave(86, 1.5, i)), control: weeks.map((_, i) => wave(86, 0.4, i + 2)), scope: "teams" },
    }),
    benefit({
      id: "resolution",
      kind: "COST_SAVING",
      parameters: { kind: "COST_SAVING", volumePerMonth: 3000, costPerUnit: 1.5 },
      lag: lag("resolution", "LOWER_IS_BETTER", { low: 0, high: null }),
      series: { weeks, participant: weeks.map((_, i) => wave(18, -2, i)), control: weeks.map((_, i) => wave(47, -0.5, i + 1)), scope: "teams" },
    }),
    benefit({ id: "referrals", kind: "MANUAL", parameters: { kind: "MANUAL", monthlyValue: 900 } }),
  ],
};

async function time(runs: number, fn: () => unknown) {
  const samples = await timeRuns(runs, fn);
  return { p50: percentile(samples, 50), max: samples.at(-1)! };
}

const core = computeProgramRoi(input);
const costs = input.costs.map((c) => ({ category: c.category, amount: c.amount }));
const range = await time(20, () => roiRange(costs, core.range!.inputs, { seed: 20240601, draws: 10_000 }));
const whole = await time(20, () => computeProgramRoi(input));
const fmt = (n: number) => `${n.toFixed(1)} ms`;
console.log(`ROI range, 10,000 draws × ${core.range!.inputs.length} lines: p50 ${fmt(range.p50)}, max ${fmt(range.max)} (P10/P50/P90 ${core.range!.p10.toFixed(1)}% / ${core.range!.p50.toFixed(1)}% / ${core.range!.p90.toFixed(1)}%)`);
console.log(`Whole program computation (isolation, accrual, range, projection): p50 ${fmt(whole.p50)}, max ${fmt(whole.max)}`);
