// The Monte Carlo range of the ROI to date: each line's value, isolation, margin and confidence
// drawn from triangular inputs around what was measured (roiRange in formulas.ts draws them).
import type { Forecast } from "../stats/forecast";
import { roiRange, type CostLine, type UncertainBenefit } from "./formulas";
import { monthlyMoney } from "./pricing";
import type { LineResult, ProgramRoiCore, ProgramRoiInput } from "./types";

/** Half the 80% interval one week ahead: the uncertainty of the lag's level, in measure units. */
function levelUncertainty(f: Forecast | undefined): number | null {
  if (!f || f.kind !== "forecast") return null;
  const p = f.points[0]!;
  return Number.isFinite(p.hi80 - p.lo80) ? (p.hi80 - p.lo80) / 2 : null;
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const tri = (low: number, mode: number, high: number) => ({ low: Math.min(low, mode), mode, high: Math.max(high, mode) });

export function programRoiRange(input: ProgramRoiInput, lines: LineResult[], costs: CostLine[], forecasts: Map<string, Forecast>, months: number): NonNullable<ProgramRoiCore["range"]> {
  const fmt = { locale: input.locale, currency: input.currency };
  const inputs: UncertainBenefit[] = lines.map((l) => {
    const spec = input.benefits.find((b) => b.id === l.id)!;
    const iso = l.isolation;
    const money = (imp: number) => monthlyMoney(l.parameters, imp, l.lagMeasure?.unit ?? "", fmt).value * months;
    let value;
    let isolation;
    if (l.kind === "MANUAL") {
      value = tri(l.value, l.value, l.value);
      isolation = tri(1, 1, 1);
    } else {
      // Value at the largest credible improvement (± the lag's level uncertainty); isolation as
      // the share of it: low = conservative, mode = chosen, high = 1.
      const hw = levelUncertainty(forecasts.get(spec.id)) ?? 0;
      const top = iso.high;
      value = tri(money(Math.max(0, top - hw)), money(top), money(top + hw));
      isolation = top > 0 ? tri(iso.low / top, iso.improvement / top, 1) : tri(0, 0, 0);
    }
    return {
      name: l.name,
      value,
      isolation,
      margin: tri(clamp01(l.margin - 0.05), l.margin, clamp01(l.margin + 0.05)),
      confidence: tri(clamp01(l.confidence - 0.1), l.confidence, clamp01(l.confidence + 0.1)),
    };
  });
  const r = roiRange(costs, inputs, { seed: input.rangeSeed, draws: input.draws ?? 10_000, months: Math.max(1, months) });
  return {
    ...r,
    inputs,
    note: "ROI % to date over triangular inputs: isolation from the smallest to the largest credible improvement, confidence ± 0.1, margin ± 0.05, and the lag's level ± half its forecast 80% interval.",
  };
}
