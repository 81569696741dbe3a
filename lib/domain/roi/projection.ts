// The projection: four quarters of benefits after the current month, and how sure we are of them.
// A line priced from a lag measure follows the model the lag's forecast would choose, fitted at
// the lag's own cadence — its last 26 weeks, or for a lag measured monthly (quarterly) its last
// 26 months (quarters), as its forecast is (lib/domain/stats/forecast.ts: a linear trend or a
// random walk with drift, whichever forecast the past periods better, on a scale that keeps the
// measure inside its range) — at the share of the change it claims, never above the improvement
// it has isolated so far. A line whose lag has too few values for a forecast (fewer than 8 weeks,
// or months) continues at its current value; a manual value continues unchanged.
//
// The band is simulated, not added up: each of the draws takes every line's isolated improvement
// from its sampling distribution (range.ts), a whole path of its lag from the chosen model (σ,
// then the level and slope or drift, drawn from their sampling distributions, then each period's
// error: FittedModel.drawPath) — week by week, or month by month (a quarterly lag: quarter by
// quarter, each of its months at its quarter's level) — transformed back to the measure's scale,
// takes each month's mean of its weeks, applies the cap to that draw, and adds the months up. The
// 80% band of any month, quarter or total is the 10th–90th percentile of that quantity over the
// draws. The to-date benefits are drawn too, so the band of the ROI after four quarters is the
// band of the whole total.
import { addMonths, firstDayOfMonth, monthOf, monthsBetween, type YearMonth } from "../calendar/months";
import type { IsoDate } from "../calendar/weeks";
import { formatNumber } from "../format";
import { chooseForecastModel, heldText, modelText, notEnoughWeeksText, type ChosenModel, type ForecastUnit } from "../stats/forecast";
import { UNBOUNDED, type MeasureRange } from "../stats/forecastRange";
import { createRng, type Rng } from "../stats/random";
import { pick } from "./formulas";
import { claimedShare, firstProgramWeek, mean, present } from "./isolation";
import { lineDraws, type LineDraws } from "./range";
import type { LineResult, MonthPoint, PeriodSeries, ProgramRoiCore, ProgramRoiInput, Projection, ProjectionMonth, ProjectionQuarter } from "./types";

export const PROJECTION_MONTHS = 12;
/** Simulated paths; 4,000 put the 10th and 90th percentiles within about ±1% of the band's width. */
export const PROJECTION_DRAWS = 4_000;
const WEEKS_PER_MONTH = 52 / 12;

/**
 * A lag's plan: its forecast's model, fitted on `unit`s (weeks, months or quarters) up to series
 * index `last`; the steps (series indices, increasing) a path is drawn at; and for each projected
 * month, the places in `steps` of its periods (its weeks; its month; its quarter).
 */
export type LagPlan = { chosen: ChosenModel; unit: ForecastUnit; last: number; steps: number[]; monthSteps: number[][] };
/** A line's plan: its lag's, and what the lag's level is worth against (the pre-program level, the isolation). */
type LinePlan = LagPlan & { sign: number; preLevel: number; iso: LineResult["isolation"] };
type NoPlan = { reason: string; n: number };

/**
 * The lag's mean level in each projected month on the measure's scale, given a path on the
 * modelling scale (`path[k]`: the value at `steps[k]`).
 */
export function monthLevels(p: LagPlan, path: readonly number[]): number[] {
  const { from } = p.chosen.scale;
  return p.monthSteps.map((ks) => ks.reduce((sum, k) => sum + from(path[k]!), 0) / ks.length);
}

/**
 * The plan of a line's weekly lag: its forecast model fitted to the last FORECAST_WINDOW weeks of
 * `series`, and the weeks of each of `months` projected months after the series' last week
 * (the current week); or why there is none.
 */
export function lagPlan(series: readonly (number | null)[], range = UNBOUNDED, months = PROJECTION_MONTHS): LagPlan | NoPlan {
  const chosen = chooseForecastModel(series, range);
  if (chosen.kind === "insufficient") return chosen;
  // Month j holds the weeks after the current one that fall in it.
  const edge = (j: number) => Math.round(j * WEEKS_PER_MONTH);
  const last = series.length - 1;
  const monthSteps = Array.from({ length: months }, (_, j) => Array.from({ length: edge(j + 1) - edge(j) }, (_, k) => edge(j) + k));
  return { chosen, unit: "week", last, steps: Array.from({ length: edge(months) }, (_, k) => last + 1 + k), monthSteps };
}

const MONTHS_PER: Record<PeriodSeries["unit"], number> = { month: 1, quarter: 3 };

/**
 * The plan of a line's monthly (quarterly) lag: its forecast model fitted to the last
 * FORECAST_WINDOW periods of `series`, one step a month (a quarter) from the series' last period,
 * for each of `months` projected months from `firstMonth`; or why there is none. A projected month
 * in the period under way, when that has a value already, takes the model's level for that period.
 */
export function periodPlan(series: PeriodSeries, range: MeasureRange, firstMonth: YearMonth, months = PROJECTION_MONTHS): LagPlan | NoPlan {
  const chosen = chooseForecastModel(series.participant, range, series.unit);
  if (chosen.kind === "insufficient") return chosen;
  const last = series.starts.length - 1;
  const lastMonth = monthOf(series.starts[last]!);
  // The series index of the period month j falls in.
  const stepOf = (j: number) => last + Math.floor((monthsBetween(lastMonth, addMonths(firstMonth, j)).length - 1) / MONTHS_PER[series.unit]);
  const perMonth = Array.from({ length: months }, (_, j) => stepOf(j));
  const steps = [...new Set(perMonth)];
  return { chosen, unit: series.unit, last, steps, monthSteps: perMonth.map((s) => [steps.indexOf(s)]) };
}

/** The first period of `series` that belongs to the program: the one holding its start date. */
export function firstProgramPeriod(series: PeriodSeries, startDate: IsoDate): number {
  const i = series.starts.findIndex((p) => firstDayOfMonth(addMonths(monthOf(p), MONTHS_PER[series.unit])) > startDate);
  return i < 0 ? series.starts.length : i;
}

/** The monthly levels of the forecast's centre (its median each period). */
export const centreLevels = (p: LagPlan) => monthLevels(p, p.steps.map((w) => p.chosen.fit.predict(w).centre));

/** The monthly levels of one simulated path of the lag. */
export const drawnLevels = (p: LagPlan, rng: Rng) => monthLevels(p, p.chosen.fit.drawPath(rng, p.steps));

export function projectionOf(input: ProgramRoiInput, lines: LineResult[], totals: ProgramRoiCore["totals"], months: MonthPoint[]): Projection {
  const current = monthOf(input.today);
  const future = monthsBetween(addMonths(current, 1), addMonths(current, PROJECTION_MONTHS));
  const monthsSoFar = lines[0]?.months ?? 0;
  const draws = lineDraws(input, lines);
  const lineNotes: Projection["lines"] = [];
  const n = (v: number, d = 3) => formatNumber(v, input.locale, d);

  // Each line's plan: its lag's forecast model to follow, or its current value continuing.
  const plans: (LinePlan | null)[] = lines.map((l) => {
    const spec = input.benefits.find((b) => b.id === l.id)!;
    const flat = (note: string) => {
      lineNotes.push({ id: l.id, name: l.name, method: "flat", note });
      return null;
    };
    if (!spec.series || !spec.lag) return flat("Manual value: continues unchanged.");
    const periods = spec.series.periods;
    const unit: ForecastUnit = periods?.unit ?? "week";
    const plan = periods ? periodPlan(periods, spec.lag.range, future[0]!) : lagPlan(spec.series.participant, spec.lag.range);
    if ("reason" in plan)
      return flat(`No forecast of ${spec.lag.name} to follow (${notEnoughWeeksText(plan.n, unit)}): the current monthly benefit continues, its isolated improvement drawn from its sampling distribution.`);
    const pre = periods
      ? present(periods.participant, 0, firstProgramPeriod(periods, input.startDate))
      : present(spec.series.participant, 0, firstProgramWeek(spec.series.weeks, input.startDate));
    if (!pre.length) return flat("No pre-program level to measure the forecast against: the current monthly benefit continues.");
    const preLevel = mean(pre.map((p) => p.y));
    const share = claimedShare(l.isolation);
    const { chosen } = plan;
    // The centre's average change per period, from the last one fitted to the projection's last.
    const end = plan.steps.at(-1)!;
    const centreAt = (w: number) => chosen.scale.from(chosen.fit.predict(w).centre);
    const perStep = (centreAt(end) - centreAt(plan.last)) / (end - plan.last);
    const cadence = unit === "week" ? "" : ` ${unit} by ${unit}`;
    lineNotes.push({
      id: l.id,
      name: l.name,
      method: "forecast",
      note: `Follows ${spec.lag.name}'s ${modelText(chosen.fit.model, chosen.scale.name)}${cadence} (chosen by backtest, as its forecast is: ${heldText(chosen.backtest, unit)}; ${chosen.n} ${unit}s with values), ${perStep >= 0 ? "+" : "−"}${n(Math.abs(perStep))}/${unit} on average over the year ahead, against the pre-program level ${n(preLevel)}, claiming ${n(share * 100, 1)}% of the change and never more than the improvement isolated so far (${n(l.isolation.improvement)}); the band simulates the model's and the improvement's uncertainty.`,
    });
    return { ...plan, sign: spec.lag.direction === "LOWER_IS_BETTER" ? -1 : 1, preLevel, iso: l.isolation };
  });

  // A month's attributed money for a line at a lag level: the share of the change that the
  // isolated improvement is of the observed one, capped by that improvement (the point's, or a draw's).
  const atLevel = (i: number, t: LinePlan, level: number, improvement: number) =>
    draws[i]!.money(Math.min(improvement, claimedShare(t.iso, improvement) * Math.max(0, t.sign * (level - t.preLevel)))) * lines[i]!.margin * lines[i]!.confidence;
  const attributed = (d: LineDraws, i: number, improvement: number) => d.money(improvement) * lines[i]!.margin * lines[i]!.confidence;

  // The point projection: the forecast's centre, capped by the claimed improvement.
  const centres = plans.map((t) => t && centreLevels(t));
  const point = future.map((_, j) =>
    lines.reduce((s, l, i) => {
      const t = plans[i];
      if (!t) return s + l.monthlyAttributed;
      return s + atLevel(i, t, centres[i]![j]!, l.isolation.improvement);
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
      const t = plans[i];
      if (!t) perMonth.forEach((_, j) => (perMonth[j]! += now));
      else drawnLevels(t, rng).forEach((level, j) => (perMonth[j]! += atLevel(i, t, level, effect)));
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
