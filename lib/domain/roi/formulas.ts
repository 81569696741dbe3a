// The ROI arithmetic of the Phillips ROI Methodology, in one place for the calculator, the
// programs and the narrative. BCR and ROI are different numbers and always labelled:
//   BCR   = benefits / costs                  (2.0 means two dollars back per dollar spent)
//   ROI % = (benefits − costs) / costs × 100  (BCR 2.0 ⇔ ROI 100%)
//   payback (months) = costs / monthly benefits, only when paid back within the months counted
// A benefit line counts only the share of its value that is profit, attributable to the
// program, and believed: attributed = value × margin × isolation × confidence × (1 + adjustment).
import { createRng } from "../stats/random";
import { paybackWithinMonths } from "./payback";

export type CostLine = { category: string; amount: number };
export type BenefitLine = {
  name: string;
  /** Money per period (the period is `months` long). */
  value: number;
  /** Share of the value that is profit, 0..1. */
  margin?: number;
  /** Share attributable to the program, 0..1. */
  isolation?: number;
  /** Confidence in the estimate, 0..1. */
  confidence?: number;
  /** A relative correction, e.g. −0.097 for seasonality. */
  adjustment?: number;
};

export type RoiInput = { costs: readonly CostLine[]; benefits: readonly BenefitLine[]; months?: number };

export type RoiResult = {
  benefits: number;
  costs: number;
  netBenefit: number;
  /** Benefit-cost ratio: benefits ÷ costs. */
  bcr: number;
  /** Return on investment in percent: (benefits − costs) ÷ costs × 100. */
  roiPercent: number;
  /** Months until the benefits have paid the costs; null unless they do within the months counted (payback.ts). */
  paybackMonths: number | null;
  lines: { name: string; value: number; attributed: number }[];
};

export function attributedValue(line: BenefitLine): number {
  return line.value * (line.margin ?? 1) * (line.isolation ?? 1) * (line.confidence ?? 1) * (1 + (line.adjustment ?? 0));
}

/** Evaluates costs against benefits. Costs must total more than zero (validated by the schemas). */
export function evaluateRoi(input: RoiInput): RoiResult {
  const costs = input.costs.reduce((s, c) => s + c.amount, 0);
  if (!(costs > 0)) throw new Error("ROI needs costs greater than zero");
  const months = input.months ?? 12;
  const lines = input.benefits.map((b) => ({ name: b.name, value: b.value, attributed: attributedValue(b) }));
  const benefits = lines.reduce((s, l) => s + l.attributed, 0);
  return {
    benefits,
    costs,
    netBenefit: benefits - costs,
    bcr: benefits / costs,
    roiPercent: ((benefits - costs) / costs) * 100,
    paybackMonths: paybackWithinMonths(costs, benefits, months),
    lines,
  };
}

/**
 * Customer lifetime value = margin × r / (1 + i − r) − acquisition cost, for a yearly margin per
 * customer, retention rate r and discount rate i.
 */
export function customerLifetimeValue(p: { margin: number; retention: number; discountRate: number; acquisitionCost?: number }): number {
  const { margin, retention: r, discountRate: i } = p;
  if (!(r >= 0 && r < 1)) throw new Error("retention must be in [0, 1)");
  if (!(i >= 0)) throw new Error("discount rate must be ≥ 0");
  return (margin * r) / (1 + i - r) - (p.acquisitionCost ?? 0);
}

/** The training budget per person the seed article suggests: the inflation rate × salary. */
export function trainingBudgetPerPerson(inflationRate: number, salary: number): number {
  return inflationRate * salary;
}

// ---- Isolation: how much of an improvement the program may claim ------------------------------

/** Difference-in-differences: the program teams' change minus the control teams' change. */
export function differenceInDifferences(p: { programBefore: number; programAfter: number; controlBefore: number; controlAfter: number }): number {
  return p.programAfter - p.programBefore - (p.controlAfter - p.controlBefore);
}

/**
 * The smallest credible improvement wins; none → nothing is claimed, and a program never
 * claims a negative benefit (a worse result is reported, not priced as a loss of the program).
 */
export function conservativeImprovement(candidates: readonly (number | null | undefined)[]): number {
  const credible = candidates.filter((c): c is number => c != null && Number.isFinite(c));
  if (credible.length === 0) return 0;
  return Math.max(0, Math.min(...credible));
}

// ---- Ranges: Monte Carlo over the uncertain inputs --------------------------------------------

/** A triangular distribution: the least, most likely and greatest value. */
export type Triangular = { low: number; mode: number; high: number };

export function sampleTriangular(t: Triangular, u: number): number {
  const { low, mode, high } = t;
  if (high <= low) return mode;
  const f = (mode - low) / (high - low);
  return u < f ? low + Math.sqrt(u * (high - low) * (mode - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}

export type UncertainBenefit = {
  name: string;
  value: Triangular;
  margin: Triangular;
  isolation: Triangular;
  confidence: Triangular;
  adjustment?: number;
};

export type RoiRange = { draws: number; seed: number; p10: number; p50: number; p90: number; mean: number };

export const pick = (sorted: readonly number[], p: number) => {
  // Nearest-rank on the sorted draws: reproducible and free of interpolation choices.
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
};

/** P10 / P50 / P90 of ROI % over `draws` draws; the same seed always gives the same range. */
export function roiRange(costs: readonly CostLine[], benefits: readonly UncertainBenefit[], opts: { draws?: number; seed: number; months?: number }): RoiRange {
  const draws = opts.draws ?? 10_000;
  const rng = createRng(opts.seed);
  const totalCost = costs.reduce((s, c) => s + c.amount, 0);
  if (!(totalCost > 0)) throw new Error("ROI needs costs greater than zero");
  const rois = new Float64Array(draws);
  let sum = 0;
  for (let d = 0; d < draws; d++) {
    let b = 0;
    for (const line of benefits) {
      b += attributedValue({
        name: line.name,
        value: sampleTriangular(line.value, rng.next()),
        margin: sampleTriangular(line.margin, rng.next()),
        isolation: sampleTriangular(line.isolation, rng.next()),
        confidence: sampleTriangular(line.confidence, rng.next()),
        adjustment: line.adjustment,
      });
    }
    const roi = ((b - totalCost) / totalCost) * 100;
    rois[d] = roi;
    sum += roi;
  }
  const sorted = Array.from(rois).sort((a, b) => a - b);
  return { draws, seed: opts.seed, p10: pick(sorted, 10), p50: pick(sorted, 50), p90: pick(sorted, 90), mean: sum / draws };
}

/** Evaluates the uncertain lines at one end of their ranges: "low" is the conservative case. */
export function scenario(costs: readonly CostLine[], benefits: readonly UncertainBenefit[], at: "low" | "mode" | "high", months?: number): RoiResult {
  return evaluateRoi({
    costs,
    months,
    benefits: benefits.map((b) => ({
      name: b.name,
      value: b.value[at],
      margin: b.margin[at],
      isolation: b.isolation[at],
      confidence: b.confidence[at],
      adjustment: b.adjustment,
    })),
  });
}
