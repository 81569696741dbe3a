// The Monte Carlo range of the ROI to date. Each draw takes every measured line's isolated
// improvement from its sampling distribution — a t distribution around the estimate with the
// method's standard error and degrees of freedom (under "conservative", the smallest of the
// methods' draws), a draw below zero claiming nothing — and margin and confidence from triangular
// ranges around the line's (± 0.05, ± 0.1). Seeded, so the same program gives the same range.
import { createRng, studentT, type Rng } from "../stats/random";
import { pick, sampleTriangular, type CostLine, type Triangular, type UncertainBenefit } from "./formulas";
import { monthlyMoney } from "./pricing";
import type { LineIsolation, LineResult, ProgramRoiCore, ProgramRoiInput } from "./types";

/**
 * A sampler of the line's isolated improvement (measure units, ≥ 0): each method with data drawn
 * from its sampling distribution; the claimed method's draw, or under "conservative" the
 * smallest; never negative, as the point value is never negative.
 */
export function improvementSampler(iso: LineIsolation): (rng: Rng) => number {
  const methods = iso.methods.filter((m) => m.value != null && (iso.chosen === "CONSERVATIVE" || m.method === iso.chosen));
  if (!methods.length) return () => 0;
  return (rng) => {
    let least = Infinity;
    for (const m of methods) least = Math.min(least, m.interval && m.interval.se > 0 ? m.value! + m.interval.se * studentT(rng, m.interval.df) : m.value!);
    return Math.max(0, least);
  };
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const tri = (low: number, mode: number, high: number): Triangular => ({ low: Math.min(low, mode), mode, high: Math.max(high, mode) });

export type LineDraws = {
  /** Money per month before margin and confidence at an improvement (a manual line: its value). */
  money: (improvement: number) => number;
  improvement: (rng: Rng) => number;
  manual: boolean;
};

/** How to draw each line's monthly value: its money per improvement and its improvement sampler. */
export function lineDraws(input: ProgramRoiInput, lines: readonly LineResult[]): LineDraws[] {
  const fmt = { locale: input.locale, currency: input.currency };
  return lines.map((l) => {
    if (l.kind === "MANUAL") return { money: () => l.monthlyValue, improvement: () => 0, manual: true };
    // Money is linear in the improvement for every priced kind: price one unit once (pricing
    // formats its formula, too slow to repeat for every draw).
    const perUnit = monthlyMoney(l.parameters, 1, l.lagMeasure?.unit ?? "", fmt).value;
    return { money: (imp: number) => imp * perUnit, improvement: improvementSampler(l.isolation), manual: false };
  });
}

export function programRoiRange(input: ProgramRoiInput, lines: LineResult[], costs: CostLine[], months: number): NonNullable<ProgramRoiCore["range"]> {
  const draws = input.draws ?? 10_000;
  const periods = Math.max(1, months);
  const sampled = lineDraws(input, lines);
  const margins = lines.map((l) => tri(clamp01(l.margin - 0.05), l.margin, clamp01(l.margin + 0.05)));
  const confidences = lines.map((l) => tri(clamp01(l.confidence - 0.1), l.confidence, clamp01(l.confidence + 0.1)));
  const totalCost = costs.reduce((s, c) => s + c.amount, 0);
  const rng = createRng(input.rangeSeed);
  const rois = new Float64Array(draws);
  let sum = 0;
  for (let d = 0; d < draws; d++) {
    let b = 0;
    sampled.forEach((s, i) => {
      const value = s.money(s.improvement(rng)) * periods;
      b += value * sampleTriangular(margins[i]!, rng.next()) * sampleTriangular(confidences[i]!, rng.next());
    });
    rois[d] = ((b - totalCost) / totalCost) * 100;
    sum += rois[d]!;
  }
  const sorted = Array.from(rois).sort((a, b) => a - b);
  // The inputs as triangles, for reading and the benchmark: value from the smallest credible
  // improvement (the interval's lower end, ≥ 0) through the claimed one to the interval's upper end.
  const inputs: UncertainBenefit[] = lines.map((l, i) => {
    const money = (imp: number) => sampled[i]!.money(Math.max(0, imp)) * periods;
    const value = l.kind === "MANUAL" ? tri(l.value, l.value, l.value) : tri(money(l.isolation.low), money(l.isolation.improvement), money(l.isolation.high));
    return { name: l.name, value, isolation: tri(1, 1, 1), margin: margins[i]!, confidence: confidences[i]! };
  });
  return {
    draws,
    seed: input.rangeSeed,
    p10: pick(sorted, 10),
    p50: pick(sorted, 50),
    p90: pick(sorted, 90),
    mean: sum / draws,
    inputs,
    note: "ROI % to date over draws of every input: each line's isolated improvement from its sampling distribution (the estimate ± its standard error, t distribution; a draw below zero claims nothing), margin ± 0.05 and confidence ± 0.1 (triangular).",
  };
}
