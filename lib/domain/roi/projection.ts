// The projection: four quarters of benefits after the current month, and how sure we are of them.
// A line priced from a lag measure follows a linear trend fitted to the lag's last 26 weeks, at the
// share of the change it claims, never above the improvement it has isolated so far; a line whose
// lag cannot be projected continues at its current value; a manual value continues unchanged.
//
// The band is simulated, not added up: each of the draws takes every line's isolated improvement
// from its sampling distribution (range.ts), a whole path of its lag (the trend's intercept, slope
// and scatter drawn from their sampling distributions, then each month's mean of weekly values),
// applies the cap to that draw, and adds the months up. The 80% band of any month, quarter or
// total is the 10th–90th percentile of that quantity over the draws. The to-date benefits are
// drawn too, so the band of the ROI after four quarters is the band of the whole total.
import { addMonths, monthOf, monthsBetween } from "../calendar/months";
import { formatNumber } from "../format";
import { ols, type Ols } from "../stats/ols";
import { chiSquare, createRng, type Rng } from "../stats/random";
import { pick } from "./formulas";
import { claimedShare, firstProgramWeek, mean, present } from "./isolation";
import { lineDraws, type LineDraws } from "./range";
import type { LineResult, MonthPoint, ProgramRoiCore, ProgramRoiInput, Projection, ProjectionMonth, ProjectionQuarter } from "./types";

export const PROJECTION_MONTHS = 12;
/** Simulated paths; 4,000 put the 10th and 90th percentiles within about ±1% of the band's width. */
export const PROJECTION_DRAWS = 4_000;
/** The lag's trend is fitted on its last weeks, as its forecast is (lib/domain/stats/forecast.ts). */
export const TREND_WINDOW = 26;
const WEEKS_PER_MONTH = 52 / 12;

/** A line's lag trend: the fit and, for each projected month, its mean x and number of weeks. */
type Trend = { fit: Ols; sign: number; preLevel: number; iso: LineResult["isolation"]; monthX: number[]; monthWeeks: number[] };

/** Draws the mean lag level of every projected month along one simulated path of the trend. */
function pathLevels(t: Trend, rng: Rng): number[] {
  const { fit } = t;
  const df = fit.n - 2;
  // σ from its scaled inverse-χ² distribution; then, given σ, the level at mean x and the slope
  // (independent there) and each month's mean of its weeks' scatter.
  const sigma = fit.residualSE * Math.sqrt(df / chiSquare(rng, df));
  const level = fit.intercept + fit.slope * fit.meanX + rng.normal(0, sigma / Math.sqrt(fit.n));
  const slope = fit.slope + rng.normal(0, sigma / Math.sqrt(fit.sxx));
  return t.monthX.map((x, j) => level + slope * (x - fit.meanX) + rng.normal(0, sigma / Math.sqrt(t.monthWeeks[j]!)));
}

export function projectionOf(input: ProgramRoiInput, lines: LineResult[], totals: ProgramRoiCore["totals"], months: MonthPoint[]): Projection {
  const current = monthOf(input.today);
  const future = monthsBetween(addMonths(current, 1), addMonths(current, PROJECTION_MONTHS));
  const monthsSoFar = lines[0]?.months ?? 0;
  const draws = lineDraws(input, lines);
  const lineNotes: Projection["lines"] = [];
  const n = (v: number, d = 3) => formatNumber(v, input.locale, d);

  // Each line's plan: a trend to follow, or its current value continuing.
  const trends: (Trend | null)[] = lines.map((l) => {
    const spec = input.benefits.find((b) => b.id === l.id)!;
    const flat = (note: string) => {
      lineNotes.push({ id: l.id, name: l.name, method: "flat", note });
      return null;
    };
    if (!spec.series || !spec.lag) return flat("Manual value: continues unchanged.");
    const series = spec.series.participant;
    const from = Math.max(0, series.length - TREND_WINDOW);
    const recent = present(series, from, series.length);
    const fit = ols(recent.map((p) => p.x), recent.map((p) => p.y));
    if (!fit) return flat(`No trend to follow (${recent.length} weeks with values; it needs 3): the current monthly benefit continues, its isolated improvement drawn from its sampling distribution.`);
    const pre = present(series, 0, firstProgramWeek(spec.series.weeks, input.startDate));
    if (!pre.length) return flat("No pre-program level to measure the trend against: the current monthly benefit continues.");
    const preLevel = mean(pre.map((p) => p.y));
    const share = claimedShare(l.isolation);
    // Month j holds the weeks after the series' last one (the current week) that fall in it.
    const edge = (j: number) => Math.round(j * WEEKS_PER_MONTH);
    const monthWeeks = future.map((_, j) => edge(j + 1) - edge(j));
    const monthX = future.map((_, j) => series.length - 1 + (edge(j) + 1 + edge(j + 1)) / 2);
    lineNotes.push({
      id: l.id,
      name: l.name,
      method: "forecast",
      note: `Follows the trend of ${spec.lag.name} (${fit.slope >= 0 ? "+" : "−"}${n(Math.abs(fit.slope))}/week over the last ${fit.n} weeks) against the pre-program level ${n(preLevel)}, claiming ${n(share * 100, 1)}% of the change and never more than the improvement isolated so far (${n(l.isolation.improvement)}); the band simulates the trend's and the improvement's uncertainty.`,
    });
    return { fit, sign: spec.lag.direction === "LOWER_IS_BETTER" ? -1 : 1, preLevel, iso: l.isolation, monthX, monthWeeks };
  });

  // A month's attributed money for a line at a lag level: the share of the change that the
  // isolated improvement is of the observed one, capped by that improvement (the point's, or a draw's).
  const atLevel = (i: number, t: Trend, level: number, improvement: number) =>
    draws[i]!.money(Math.min(improvement, claimedShare(t.iso, improvement) * Math.max(0, t.sign * (level - t.preLevel)))) * lines[i]!.margin * lines[i]!.confidence;
  const attributed = (d: LineDraws, i: number, improvement: number) => d.money(improvement) * lines[i]!.margin * lines[i]!.confidence;

  // The point projection: the fitted trend, capped by the claimed improvement.
  const point = future.map((_, j) =>
    lines.reduce((s, l, i) => {
      const t = trends[i];
      if (!t) return s + l.monthlyAttributed;
      return s + atLevel(i, t, t.fit.intercept + t.fit.slope * t.monthX[j]!, l.isolation.improvement);
    }, 0),
  );

  // The simulated paths.
  const D = Math.min(PROJECTION_DRAWS, Math.max(200, input.draws ?? PROJECTION_DRAWS));
  const rng = createRng((input.rangeSeed ^ 0x5eed) >>> 0);
  const monthly = future.map(() => new Float64Array(D));
  const toDate = new Float64Array(D);
  for (let d = 0; d < D; d++) {
    const perMonth = future.map(() => 0);
    let past = 0;
    lines.forEach((l, i) => {
      const ld = draws[i]!;
      if (ld.manual) {
        past += l.monthlyAttributed * monthsSoFar;
        perMonth.forEach((_, j) => (perMonth[j]! += l.monthlyAttributed));
        return;
      }
      const effect = ld.improvement(rng);
      const now = attributed(ld, i, effect);
      past += now * monthsSoFar;
      const t = trends[i];
      if (!t) perMonth.forEach((_, j) => (perMonth[j]! += now));
      else pathLevels(t, rng).forEach((level, j) => (perMonth[j]! += atLevel(i, t, level, effect)));
    });
    toDate[d] = past;
    perMonth.forEach((v, j) => (monthly[j]![d] = v));
  }
  const band = (xs: Float64Array) => {
    const sorted = Array.from(xs).sort((a, b) => a - b);
    return { lo: pick(sorted, 10), hi: pick(sorted, 90) };
  };
  const running = Float64Array.from(toDate);
  const costsSoFar = months.at(-1)?.cumulativeCosts ?? 0;
  let cb = totals.benefits;
  const projMonths: ProjectionMonth[] = future.map((month, j) => {
    cb += point[j]!;
    for (let d = 0; d < D; d++) running[d]! += monthly[j]![d]!;
    const m = band(monthly[j]!);
    const c = band(running);
    return { month, benefits: point[j]!, lo: m.lo, hi: m.hi, cumulativeBenefits: cb, cumulativeLo: c.lo, cumulativeHi: c.hi, cumulativeCosts: costsSoFar };
  });
  const roiOf = (benefits: number) => (costsSoFar > 0 ? ((benefits - costsSoFar) / costsSoFar) * 100 : null);
  const quarters: ProjectionQuarter[] = [0, 1, 2, 3].map((q) => {
    const slice = projMonths.slice(q * 3, q * 3 + 3);
    const sums = new Float64Array(D);
    for (let d = 0; d < D; d++) sums[d] = monthly[q * 3]![d]! + monthly[q * 3 + 1]![d]! + monthly[q * 3 + 2]![d]!;
    const b = band(sums);
    return {
      label: `Q${q + 1}`,
      from: slice[0]!.month,
      to: slice[2]!.month,
      benefits: slice.reduce((s, m) => s + m.benefits, 0),
      lo: b.lo,
      hi: b.hi,
      cumulativeRoiPercent: roiOf(slice[2]!.cumulativeBenefits),
    };
  });
  const last = projMonths.at(-1)!;
  return { months: projMonths, quarters, lines: lineNotes, draws: D, roiPercent: roiOf(last.cumulativeBenefits), roiLo: roiOf(last.cumulativeLo), roiHi: roiOf(last.cumulativeHi) };
}
