// The projection: four quarters of benefits after the current month, each line following its lag
// measure's forecast (OLS trend, 80% interval) at the share of the change it claims, never above
// the improvement measured so far; a line without a forecast continues at its current value.
import { forecastLag, type Forecast } from "../stats/forecast";
import { addMonths, monthOf, monthsBetween } from "../calendar/months";
import { formatNumber } from "../format";
import { claimedShare, firstProgramWeek, mean, present } from "./isolation";
import { monthlyMoney } from "./pricing";
import type { BenefitSpec, LineResult, MonthPoint, ProgramRoiCore, ProgramRoiInput, Projection, ProjectionMonth, ProjectionQuarter } from "./types";

export const PROJECTION_MONTHS = 12;
const WEEKS_PER_MONTH = 52 / 12;

/** Forecasts of each line's lag (participant series) far enough ahead for the projection. */
export function lineForecasts(benefits: readonly BenefitSpec[]): Map<string, Forecast> {
  const forecasts = new Map<string, Forecast>();
  for (const b of benefits) if (b.series) forecasts.set(b.id, forecastLag(b.series.participant, Math.ceil(PROJECTION_MONTHS * WEEKS_PER_MONTH) + 1));
  return forecasts;
}

export function projectionOf(input: ProgramRoiInput, lines: LineResult[], forecasts: Map<string, Forecast>, totals: ProgramRoiCore["totals"], months: MonthPoint[]): Projection {
  const fmt = { locale: input.locale, currency: input.currency };
  const current = monthOf(input.today);
  const future = monthsBetween(addMonths(current, 1), addMonths(current, PROJECTION_MONTHS));
  const lineNotes: Projection["lines"] = [];
  // Per line, per projected month: [lo, mid, hi] attributed money.
  const perLine = lines.map((l) => {
    const spec = input.benefits.find((b) => b.id === l.id)!;
    const f = forecasts.get(l.id);
    const flat = () => future.map(() => [l.monthlyAttributed, l.monthlyAttributed, l.monthlyAttributed] as const);
    if (!spec.series || !spec.lag || !f || f.kind !== "forecast") {
      lineNotes.push({ id: l.id, name: l.name, method: "flat", note: spec.lag ? `No forecast (${f && f.kind === "insufficient" ? f.reason : "no series"}): the current monthly benefit continues.` : "Manual value: continues unchanged." });
      return flat();
    }
    const sign = spec.lag.direction === "LOWER_IS_BETTER" ? -1 : 1;
    const start = firstProgramWeek(spec.series.weeks, input.startDate);
    const pre = present(spec.series.participant, 0, start);
    if (!pre.length) {
      lineNotes.push({ id: l.id, name: l.name, method: "flat", note: "No pre-program level to measure the forecast against: the current monthly benefit continues." });
      return flat();
    }
    const preLevel = mean(pre.map((p) => p.y));
    const share = claimedShare(l.isolation);
    // Conservative: a linear trend extrapolated for a year would keep growing, so the projection
    // never claims more than the largest improvement measured; it falls when the forecast falls.
    const cap = Math.max(l.isolation.improvement, l.isolation.high);
    const money = (improvement: number) => monthlyMoney(l.parameters, Math.max(0, improvement), spec.lag!.unit, fmt).value * l.margin * l.confidence;
    lineNotes.push({
      id: l.id,
      name: l.name,
      method: "forecast",
      note: `Forecast of ${spec.lag.name} (trend ${f.slopePerWeek >= 0 ? "+" : "−"}${formatNumber(Math.abs(f.slopePerWeek), input.locale, 3)}/week, n = ${f.n}) against the pre-program level ${formatNumber(preLevel, input.locale, 3)}, claiming ${formatNumber(share * 100, input.locale, 1)}% of the change, at most the ${formatNumber(cap, input.locale, 3)} measured.`,
    });
    // The forecast steps are weeks after the series' last week (the current one): the middle of month j.
    return future.map((_, j) => {
      const p = f.points[Math.min(f.points.length - 1, Math.max(0, Math.round((j + 0.5) * WEEKS_PER_MONTH) - 1))]!;
      // The band: the claimed share of half the forecast's 80% interval either side of the level.
      const mid = Math.min(cap, share * Math.max(0, sign * (p.mean - preLevel)));
      const spread = (share * (p.hi80 - p.lo80)) / 2;
      return [money(mid - spread), money(mid), money(mid + spread)] as const;
    });
  });
  const futureCosts = 0; // every dated cost is already in the ledger's months
  const costsSoFar = months.at(-1)?.cumulativeCosts ?? 0;
  let cb = totals.benefits;
  let lo = totals.benefits;
  let hi = totals.benefits;
  const projMonths: ProjectionMonth[] = future.map((month, j) => {
    const b = perLine.reduce((s, l) => s + l[j]![1], 0);
    const bl = perLine.reduce((s, l) => s + l[j]![0], 0);
    const bh = perLine.reduce((s, l) => s + l[j]![2], 0);
    cb += b;
    lo += bl;
    hi += bh;
    return { month, benefits: b, lo: bl, hi: bh, cumulativeBenefits: cb, cumulativeLo: lo, cumulativeHi: hi, cumulativeCosts: costsSoFar + futureCosts };
  });
  const roiOf = (benefits: number) => (costsSoFar > 0 ? ((benefits - costsSoFar) / costsSoFar) * 100 : null);
  const quarters: ProjectionQuarter[] = [0, 1, 2, 3].map((q) => {
    const slice = projMonths.slice(q * 3, q * 3 + 3);
    return {
      label: `Q${q + 1}`,
      from: slice[0]!.month,
      to: slice[2]!.month,
      benefits: slice.reduce((s, m) => s + m.benefits, 0),
      lo: slice.reduce((s, m) => s + m.lo, 0),
      hi: slice.reduce((s, m) => s + m.hi, 0),
      cumulativeRoiPercent: roiOf(slice[2]!.cumulativeBenefits),
    };
  });
  const last = projMonths.at(-1)!;
  return { months: projMonths, quarters, lines: lineNotes, roiPercent: roiOf(last.cumulativeBenefits), roiLo: roiOf(last.cumulativeLo), roiHi: roiOf(last.cumulativeHi) };
}
