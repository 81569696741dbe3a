import "server-only";
// Lead → lag analytics and lag forecasts for the trends page and GET /api/v1/analytics/*:
// validate → authorize → resolve the measures and team in the caller's organization (anything
// else is a 404) → load weekly series in SQL → run the pure statistics → plain JSON numbers.
import * as clock from "@/lib/clock";
import type { TenantContext } from "@/lib/auth/tenant";
import { requireAnalyticsAccess } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { FORECAST_WINDOW, forecastLag, forecastMethodText, MIN_FORECAST_N } from "@/lib/domain/stats/forecast";
import type { ForecastModel } from "@/lib/domain/stats/forecastModels";
import { measureRange, type MeasureRange, type ScaleName } from "@/lib/domain/stats/forecastRange";
import {
  analyzeLeadLag,
  DEFAULT_MAX_LAG_MONTHS,
  DEFAULT_MAX_LAG_QUARTERS,
  judgeAcrossPairs,
  MIN_N,
  type Direction,
  type LagFit,
  type SeriesUnit,
  type VerdictKind,
} from "@/lib/domain/stats/leadLag";
import { addMonths, monthOf } from "@/lib/domain/calendar/months";
import { addDays, fromUtcDate, localDay, weekStart, type IsoDate } from "@/lib/domain/calendar/weeks";
import { notFound, parseOrThrow, validationError } from "@/lib/errors";
import { lagMonthlySeries } from "@/lib/queries/lagMonthlySeries";
import { leadMonthlySeries } from "@/lib/queries/leadMonthlySeries";
import { lagWeeklySeries } from "@/lib/queries/lagWeeklySeries";
import { leadWeeklySeries, type WeeklyValue } from "@/lib/queries/leadWeeklySeries";
import { forecastQuerySchema, leadLagQuerySchema, type ForecastQuery, type LeadLagQuery } from "@/lib/schemas/analytics";

/** The forecast's history: the weeks forecastLag fits its trend on. */
export const FORECAST_HISTORY_WEEKS = 26;

export type LagMeasureInfo = {
  id: string;
  name: string;
  unit: string;
  direction: Direction;
  /** Null: an organization-wide measure. */
  teamId: string | null;
  baseline: { value: number; date: IsoDate };
  target: { value: number; date: IsoDate };
};

/** Whose lag values were used: the team's own, or the organization's (a team that records none). */
export type LagValuesOf = "team" | "organization";

export type Fit = Omit<LagFit, "ci95"> & { ci95: [number, number] | null; enoughData: boolean };

/** What the verdict rests on (null without a lag that has enough data). */
export type LeadLagEvidence = {
  k: number;
  n: number;
  slope: number;
  /** The strongest lag's own p-value, before any correction. */
  pRaw: number;
  /** Family-wise p across the lags tested (permutation test of max |t|). */
  pFamily: number;
  /** Benjamini–Hochberg q across the pairs shown together; equals pFamily for a pair shown alone. */
  q: number;
  /** Pairs q was adjusted across (1: this pair alone). */
  pairs: number;
  permutations: number;
  lagsTested: number;
  /** Rolling-origin one-step-ahead check; null with too few weeks. */
  forecast: { origins: number; errorReduction: number } | null;
};

/** The series' step: the lag measure's own cadence (its observations are weekly, monthly or quarterly). */
export type SeriesCadence = "weekly" | "monthly" | "quarterly";
export const cadenceOf = (c: string): SeriesCadence => (c === "MONTHLY" ? "monthly" : c === "QUARTERLY" ? "quarterly" : "weekly");
export const CADENCE_UNIT: Record<SeriesCadence, SeriesUnit> = { weekly: "week", monthly: "month", quarterly: "quarter" };
/** Months (quarters) of history a monthly (quarterly) lag is analysed over: the lead's untracked ones are left out anyway. */
export const ANALYSIS_MONTHS = 36;
export const ANALYSIS_QUARTERS = 16;

export type LeadLagAnalysis = {
  leadMeasure: { id: string; name: string; unit: string };
  lagMeasure: LagMeasureInfo;
  /** The team analysed; null for the whole organization. */
  teamId: string | null;
  lagValuesOf: LagValuesOf;
  /** True when the lag measure names this lead measure as one of its drivers. */
  declaredDriver: boolean;
  window: { firstWeek: IsoDate; lastWeek: IsoDate; weeks: number; weekStartsOn: number };
  /** The series' step; a monthly lag measure is analysed on months (the window's last complete months). */
  cadence: SeriesCadence;
  /** The periods analysed: weeks, or months (quarters) for a monthly (quarterly) lag measure. */
  periods: { first: IsoDate; last: IsoDate; count: number };
  maxLagWeeks: number;
  /** The longest lag tried, in the series' periods (maxLagWeeks for a weekly series). */
  maxLag: number;
  minN: number;
  /**
   * The series analysed, oldest first, one point per period (week or month): lead = total (0
   * without entries; null before the measure was tracked), lag = mean (null without a value).
   */
  series: { periodStart: IsoDate; lead: number | null; lag: number | null }[];
  fits: Fit[];
  bestK: number | null;
  evidence: LeadLagEvidence | null;
  verdict: { kind: VerdictKind; text: string };
  /** +1 when more of the lead should raise the lag (higher is better), −1 when it should lower it. */
  expectedSign: 1 | -1;
};

/**
 * One forecast step: a week, or a month (quarter) for a monthly (quarterly) measure. `periodStart`
 * is the step's first day; `weekStart` the week the step ends in (the step itself for a weekly
 * measure), where weekly charts place it.
 */
export type ForecastPointJson = { periodStart: IsoDate; weekStart: IsoDate; step: number; mean: number; lo80: number; hi80: number; lo95: number; hi95: number };

export type LagForecast = {
  lagMeasure: LagMeasureInfo;
  teamId: string | null;
  lagValuesOf: LagValuesOf;
  /** The last FORECAST_HISTORY_WEEKS weekly means, oldest first, ending with the week of `to`. */
  history: WeeklyValue[];
  /** The forecast's step: the lag measure's cadence (a monthly measure is forecast month by month). */
  cadence: SeriesCadence;
  /** The values the forecast was fitted on, one per step, oldest first: `history` for a weekly measure, else the last complete months (quarters). */
  fittedOn: { periodStart: IsoDate; value: number | null }[];
  forecast: {
    kind: "forecast" | "insufficient";
    /** Steps (weeks, or months for a monthly measure) with a value that the trend was fitted on. */
    n: number;
    /** Average change per week of the central forecast, from the last step fitted to the last one forecast. */
    slopePerWeek: number | null;
    reason: string | null;
    /** Steps with a value a forecast needs. */
    minN: number;
    /** The model the backtest chose; null without a forecast. */
    model: ForecastModel | null;
    /** "linear trend; the 80% range held in 9 of 11 past weeks"; null without a forecast. */
    method: string | null;
    /** The scale the model was fitted on: logit (bounded), log (non-negative) or linear. */
    scale: ScaleName | null;
    /** The values the forecast is kept within; null sides are unbounded. */
    range: MeasureRange;
    /** Rolling-origin one-week-ahead backtest of the chosen model and scale, and every candidate's error, best first. */
    backtest: { weeks: number; held80: number; meanAbsError: number | null; candidates: { model: ForecastModel; scale: ScaleName; meanAbsError: number | null }[] } | null;
    points: ForecastPointJson[];
  };
};

// ---------------------------------------------------------------------------------------------

/** JSON has no NaN or Infinity: anything not finite is reported as null. */
const num = (x: number | null | undefined): number | null => (x != null && Number.isFinite(x) ? x : null);

/** The last week of a window: the week of `to`, never later than the current week. */
function lastWeekOf(ctx: TenantContext, to: IsoDate | undefined, now: Date): IsoDate {
  const { timeZone, weekStartsOn } = ctx.organization;
  const current = weekStart(localDay(now, timeZone), weekStartsOn);
  const wanted = to ? weekStart(to, weekStartsOn) : current;
  return wanted < current ? wanted : current;
}

/** The lag measure's row in the caller's organization; another organization's id finds nothing. */
const lagMeasureRow = (db: Db, organizationId: string, id: string) => db.lagMeasure.findUnique({ where: { organizationId_id: { organizationId, id } } });

function lagInfoOf(m: NonNullable<Awaited<ReturnType<typeof lagMeasureRow>>>): LagMeasureInfo {
  return {
    id: m.id,
    name: m.name,
    unit: m.unit,
    direction: m.direction,
    teamId: m.teamId,
    baseline: { value: m.baselineValue, date: fromUtcDate(m.baselineDate) },
    target: { value: m.targetValue, date: fromUtcDate(m.targetDate) },
  };
}

/**
 * The team to analyse. A team's own lag measure is always analysed for its team (its values are
 * recorded for that team only); asking for another team is a contradiction, not a 404.
 */
async function resolveTeam(db: Db, organizationId: string, lag: LagMeasureInfo, teamId: string | undefined): Promise<string | null> {
  if (teamId) {
    const team = await db.team.findUnique({ where: { organizationId_id: { organizationId, id: teamId } }, select: { id: true } });
    if (!team) throw notFound("Team not found.");
  }
  if (lag.teamId && teamId && teamId !== lag.teamId) {
    throw validationError({ teamId: ["This lag measure belongs to another team: omit teamId or give that team's id."] });
  }
  return lag.teamId ?? teamId ?? null;
}

/**
 * The lag's values for the scope, loaded by `load` (for a team, or the organization with null). A
 * team without values of its own for an organization-wide measure is compared with the
 * organization's values, and the result says so.
 */
async function lagValuesFor(
  lag: LagMeasureInfo,
  teamId: string | null,
  load: (teamId: string | null) => Promise<WeeklyValue[]>,
): Promise<{ series: WeeklyValue[]; lagValuesOf: LagValuesOf }> {
  if (!teamId) return { series: await load(null), lagValuesOf: "organization" };
  const own = await load(teamId);
  if (lag.teamId || own.some((w) => w.value != null)) return { series: own, lagValuesOf: "team" };
  return { series: await load(null), lagValuesOf: "organization" };
}

/** The lag's weekly means for the scope (lagValuesFor). */
function lagSeriesFor(db: Db, ctx: TenantContext, lag: LagMeasureInfo, teamId: string | null, firstWeek: IsoDate, lastWeek: IsoDate) {
  const base = { organizationId: ctx.organizationId, lagMeasureId: lag.id, firstWeek, lastWeek, weekStartsOn: ctx.organization.weekStartsOn };
  return lagValuesFor(lag, teamId, (team) => lagWeeklySeries(db, { ...base, teamId: team }));
}

// ---------------------------------------------------------------------------------------------

/** The lag's monthly (quarterly) means for the scope (lagValuesFor), keyed by each period's first day. */
function lagPeriodSeriesFor(
  db: Db,
  ctx: TenantContext,
  lag: LagMeasureInfo,
  teamId: string | null,
  periods: { unit: "month" | "quarter"; firstPeriod: IsoDate; lastPeriod: IsoDate },
) {
  const base = { organizationId: ctx.organizationId, lagMeasureId: lag.id, ...periods };
  return lagValuesFor(lag, teamId, async (team) =>
    (await lagMonthlySeries(db, { ...base, teamId: team })).map((r) => ({ weekStart: r.periodStart, value: r.value })),
  );
}

/**
 * The months (quarters) a monthly (quarterly) lag is analysed over: the last ones complete by the
 * end of the window's last week (a month still under way would compare part of its activity with
 * a result not yet known), ANALYSIS_MONTHS (ANALYSIS_QUARTERS) of them.
 */
export function periodWindow(cadence: "monthly" | "quarterly", lastWeek: IsoDate): { unit: "month" | "quarter"; firstPeriod: IsoDate; lastPeriod: IsoDate; count: number } {
  const step = cadence === "quarterly" ? 3 : 1;
  const count = cadence === "quarterly" ? ANALYSIS_QUARTERS : ANALYSIS_MONTHS;
  const after = monthOf(addDays(lastWeek, 7)); // the month of the day after the window
  const m = Number(after.slice(5, 7));
  const current = addMonths(after, -((m - 1) % step)); // the period still under way (or just begun)
  const last = addMonths(current, -step);
  return { unit: cadence === "quarterly" ? "quarter" : "month", firstPeriod: `${addMonths(last, -step * (count - 1))}-01`, lastPeriod: `${last}-01`, count };
}

/**
 * The values a monthly (quarterly) lag's forecast is fitted on, oldest first — the program's
 * projection fits the same (views/programRoi.ts): the last FORECAST_WINDOW months (quarters)
 * through the one under way, which counts once it has a value (a monthly measure is often recorded
 * early in the next month; the oldest then drops out). `load` reads the means of a window of periods.
 */
export async function forecastPeriodSeries<T extends { value: number | null }>(
  cadence: "monthly" | "quarterly",
  lastWeek: IsoDate,
  load: (periods: { unit: "month" | "quarter"; firstPeriod: IsoDate; lastPeriod: IsoDate }) => Promise<T[]>,
): Promise<T[]> {
  const months = cadence === "quarterly" ? 3 : 1;
  const complete = periodWindow(cadence, lastWeek);
  const current = addMonths(monthOf(complete.lastPeriod), months);
  const fitted = await load({ unit: complete.unit, firstPeriod: `${addMonths(current, -months * FORECAST_WINDOW)}-01`, lastPeriod: `${current}-01` });
  return fitted.at(-1)?.value == null ? fitted.slice(0, -1) : fitted.slice(1);
}

/**
 * Does the lead measure predict the lag measure? Lagged regressions of the changes, k = 0…maxLag,
 * at the lag measure's own cadence: weekly totals against weekly means, or monthly (quarterly)
 * totals against monthly (quarterly) means — a lag observed once a month has no week-to-week changes.
 */
export async function leadLagAnalysis(
  db: Db,
  ctx: TenantContext,
  input: LeadLagQuery | Record<string, string | undefined>,
  now: Date = clock.now(),
): Promise<LeadLagAnalysis> {
  requireAnalyticsAccess(ctx.role);
  const q = parseOrThrow(leadLagQuerySchema, input);
  const organizationId = ctx.organizationId;
  const [lead, lagRow] = await Promise.all([
    db.leadMeasure.findUnique({ where: { organizationId_id: { organizationId, id: q.leadMeasureId } }, select: { id: true, name: true, unit: true } }),
    lagMeasureRow(db, organizationId, q.lagMeasureId),
  ]);
  if (!lead) throw notFound("Lead measure not found.");
  if (!lagRow) throw notFound("Lag measure not found.");
  const lag = lagInfoOf(lagRow);
  const teamId = await resolveTeam(db, organizationId, lag, q.teamId);

  const lastWeek = lastWeekOf(ctx, q.to, now);
  const firstWeek = addDays(lastWeek, -7 * (q.weeks - 1));
  const weekStartsOn = ctx.organization.weekStartsOn;
  const cadence = cadenceOf(lagRow.cadence);
  const periods = cadence === "weekly" ? null : periodWindow(cadence, lastWeek);
  const maxLag = cadence === "monthly" ? DEFAULT_MAX_LAG_MONTHS : cadence === "quarterly" ? DEFAULT_MAX_LAG_QUARTERS : q.maxLagWeeks;
  const [leadSeries, lagResult, driver] = await Promise.all([
    periods
      ? leadMonthlySeries(db, { organizationId, leadMeasureId: lead.id, teamId, ...periods }).then((rows) => rows.map((r) => ({ weekStart: r.periodStart, value: r.value })))
      : leadWeeklySeries(db, { organizationId, leadMeasureId: lead.id, teamId, firstWeek, lastWeek, weekStartsOn }),
    periods ? lagPeriodSeriesFor(db, ctx, lag, teamId, periods) : lagSeriesFor(db, ctx, lag, teamId, firstWeek, lastWeek),
    db.lagDriver.findUnique({
      where: { organizationId_lagMeasureId_leadMeasureId: { organizationId, lagMeasureId: lag.id, leadMeasureId: lead.id } },
      select: { leadMeasureId: true },
    }),
  ]);

  // Null before the measure was tracked: those weeks are missing, not weeks of zero activity.
  const leadValues = leadSeries.map((w) => w.value);
  const lagValues = lagResult.series.map((w) => w.value);
  const result = analyzeLeadLag({ lead: leadValues, lag: lagValues, direction: lag.direction, maxLagWeeks: maxLag, unit: CADENCE_UNIT[cadence] });
  return {
    leadMeasure: lead,
    lagMeasure: lag,
    teamId,
    lagValuesOf: lagResult.lagValuesOf,
    declaredDriver: driver != null,
    window: { firstWeek, lastWeek, weeks: q.weeks, weekStartsOn },
    cadence,
    periods: periods ? { first: periods.firstPeriod, last: periods.lastPeriod, count: periods.count } : { first: firstWeek, last: lastWeek, count: q.weeks },
    maxLagWeeks: q.maxLagWeeks,
    maxLag,
    minN: MIN_N,
    series: leadSeries.map((w, i) => ({ periodStart: w.weekStart, lead: leadValues[i] ?? null, lag: lagValues[i] ?? null })),
    fits: result.fits.map((f) => {
      const lo = num(f.ci95?.[0]);
      const hi = num(f.ci95?.[1]);
      return {
        k: f.k,
        n: f.n,
        r: num(f.r),
        slope: num(f.slope),
        slopeSE: num(f.slopeSE),
        p: num(f.p),
        ci95: lo != null && hi != null ? [lo, hi] : null,
        r2: num(f.r2),
        hac: f.hac && Number.isFinite(f.hac.se) ? f.hac : null,
        enoughData: f.n >= MIN_N,
      };
    }),
    bestK: result.best?.k ?? null,
    evidence: result.evidence ? { ...result.evidence, q: result.evidence.pFamily, pairs: 1 } : null,
    verdict: result.verdict,
    expectedSign: result.expectedSign,
  };
}

/**
 * Analyses shown together (a report's pairs): each verdict is judged on its Benjamini–Hochberg
 * q-value across the set, so the share of chance findings among those called stays ≤ 5%.
 */
export function judgedTogether(analyses: readonly LeadLagAnalysis[]): LeadLagAnalysis[] {
  const judged = judgeAcrossPairs(analyses.map((a) => ({ ...a, unit: CADENCE_UNIT[a.cadence] })));
  const pairs = judged.filter((j) => j.q != null).length;
  return analyses.map((a, i) => {
    const { q, verdict } = judged[i]!;
    return { ...a, verdict, evidence: a.evidence && q != null ? { ...a.evidence, q, pairs } : a.evidence };
  });
}

/** Days in a forecast step on average, to state a monthly forecast's slope per week. */
const DAYS_PER_STEP: Record<SeriesCadence, number> = { weekly: 7, monthly: 365.25 / 12, quarterly: 365.25 / 4 };

/**
 * The lag measure's next weeks from its last 26 weekly means — or, for a measure observed monthly
 * (quarterly), its next months (quarters) from its last 26 complete ones: a monthly measure has
 * about 6 values in 26 weeks, never the 8 a range needs. Kept within the measure's range: the
 * linear trend or the random walk with drift, whichever forecast the past steps better, with 80%
 * and 95% bands and how often the 80% band held in that backtest.
 */
export async function lagForecast(
  db: Db,
  ctx: TenantContext,
  input: ForecastQuery | Record<string, string | undefined>,
  now: Date = clock.now(),
): Promise<LagForecast> {
  requireAnalyticsAccess(ctx.role);
  const q = parseOrThrow(forecastQuerySchema, input);
  const row = await lagMeasureRow(db, ctx.organizationId, q.lagMeasureId);
  if (!row) throw notFound("Lag measure not found.");
  const lag = lagInfoOf(row);
  const teamId = await resolveTeam(db, ctx.organizationId, lag, q.teamId);
  const lastWeek = lastWeekOf(ctx, q.to, now);
  const firstWeek = addDays(lastWeek, -7 * (FORECAST_HISTORY_WEEKS - 1));
  const { series, lagValuesOf } = await lagSeriesFor(db, ctx, lag, teamId, firstWeek, lastWeek);
  const cadence = cadenceOf(row.cadence);
  const unit = CADENCE_UNIT[cadence];
  const { weekStartsOn } = ctx.organization;

  // The steps fitted on, and where each forecast step begins and ends.
  let fittedOn: LagForecast["fittedOn"];
  let horizon: number;
  let stepAt: (step: number) => { periodStart: IsoDate; weekStart: IsoDate };
  if (cadence === "weekly") {
    fittedOn = series.map((w) => ({ periodStart: w.weekStart, value: w.value }));
    horizon = q.weeks;
    stepAt = (step) => ({ periodStart: addDays(lastWeek, 7 * step), weekStart: addDays(lastWeek, 7 * step) });
  } else {
    const months = cadence === "quarterly" ? 3 : 1;
    const fitted = await forecastPeriodSeries(cadence, lastWeek, async (periods) => (await lagPeriodSeriesFor(db, ctx, lag, teamId, periods)).series);
    fittedOn = fitted.map((p) => ({ periodStart: p.weekStart, value: p.value }));
    const lastFitted = monthOf(fittedOn.at(-1)!.periodStart);
    // Enough whole months (quarters) to cover the weeks asked for.
    horizon = Math.max(1, Math.ceil((7 * q.weeks) / DAYS_PER_STEP[cadence]));
    stepAt = (step) => {
      const periodStart: IsoDate = `${addMonths(lastFitted, months * step)}-01`;
      const lastDay = addDays(`${addMonths(monthOf(periodStart), months)}-01`, -1);
      return { periodStart, weekStart: weekStart(lastDay, weekStartsOn) };
    };
  }
  const range = measureRange(row);
  const f = forecastLag(fittedOn.map((w) => w.value), horizon, range, unit);
  const forecast: LagForecast["forecast"] =
    f.kind === "forecast"
      ? {
          kind: "forecast",
          n: f.n,
          slopePerWeek: num((f.slopePerWeek * 7) / DAYS_PER_STEP[cadence]),
          reason: null,
          minN: MIN_FORECAST_N,
          model: f.model,
          method: forecastMethodText(f, unit),
          scale: f.scale,
          range: f.range,
          backtest: {
            weeks: f.backtest.weeks,
            held80: f.backtest.held80,
            meanAbsError: num(f.backtest.meanAbsError),
            candidates: f.backtest.candidates.map((c) => ({ ...c, meanAbsError: num(c.meanAbsError) })),
          },
          points: f.points.map((p) => ({ ...stepAt(p.step), step: p.step, mean: p.mean, lo80: p.lo80, hi80: p.hi80, lo95: p.lo95, hi95: p.hi95 })),
        }
      : { kind: "insufficient", n: f.n, slopePerWeek: null, reason: f.reason, minN: MIN_FORECAST_N, model: null, method: null, scale: null, range, backtest: null, points: [] };
  return { lagMeasure: lag, teamId, lagValuesOf, history: series, cadence, fittedOn, forecast };
}
