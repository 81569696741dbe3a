// A lag measure's next weeks, from its last up-to-26 weekly values:
// 1. on a scale that keeps the measure inside its range (forecastRange.ts: logit for percentages
//    and NPS; log, or as it is cut at zero, for times, counts and money), so no band leaves
//    0–100% or goes below zero;
// 2. with the model — linear trend or random walk with drift (forecastModels.ts) — and scale whose
//    one-week-ahead forecasts of the past weeks erred least (forecastBacktest.ts), reporting how
//    often its 80% range held them;
// 3. with 80% and 95% prediction ranges, transformed back to the measure's unit: the centre is the
//    median of the forecast (the middle of its ranges), not its mean, on a curved scale;
// 4. and no forecast at all below MIN_FORECAST_N weeks with a value: too few to judge a range by.
// Steps 1, 2 and 4 are chooseForecastModel, which the program's projection (roi/projection.ts)
// follows too, so a program projects its lag with the model its forecast shows.
import { backtest, toMeasure, type Backtest } from "./forecastBacktest";
import { fitModel, FORECAST_MODELS, MODEL_LABEL, type FittedModel, type ForecastModel } from "./forecastModels";
import { scalesFor, UNBOUNDED, type MeasureRange, type Scale, type ScaleName } from "./forecastRange";

export const FORECAST_WINDOW = 26;
/**
 * Weeks with a value before a forecast is published: 5 to fit plus at least 3 past weeks to
 * backtest the models on and to say how often the range held.
 */
export const MIN_FORECAST_N = 8;

export type Candidate = { model: ForecastModel; scale: ScaleName; meanAbsError: number };

export type ForecastPoint = { step: number; mean: number; lo80: number; hi80: number; lo95: number; hi95: number };

export type Forecast =
  | {
      kind: "forecast";
      n: number;
      model: ForecastModel;
      scale: ScaleName;
      /** The range the forecast is kept inside; UNBOUNDED on the linear scale. */
      range: MeasureRange;
      /** Average change per week of the centre, from the last week of the series to the last step. */
      slopePerWeek: number;
      /** The chosen model's backtest, and every candidate's mean absolute error, best first. */
      backtest: Backtest & { candidates: Candidate[] };
      points: ForecastPoint[];
    }
  | { kind: "insufficient"; n: number; reason: string };

/** The forecast's step: a week, or the month (quarter) a monthly (quarterly) measure is observed in. */
export type ForecastUnit = "week" | "month" | "quarter";

/** "not enough weeks for a range yet: 5 of 8" (months for a monthly measure) */
export function notEnoughWeeksText(n: number, unit: ForecastUnit = "week"): string {
  return `not enough ${unit}s for a range yet: ${n} of ${MIN_FORECAST_N}`;
}

/** "linear trend on the log scale" */
export function modelText(model: ForecastModel, scale: ScaleName): string {
  return scale === "linear" ? MODEL_LABEL[model] : `${MODEL_LABEL[model]} on the ${scale} scale`;
}

/** "the 80% range held in 9 of 11 past weeks" (months for a monthly measure) */
export function heldText(b: { weeks: number; held80: number }, unit: ForecastUnit = "week"): string {
  return `the 80% range held in ${b.held80} of ${b.weeks} past ${unit}s`;
}

/** "linear trend on the log scale; the 80% range held in 9 of 11 past weeks" (months for a monthly measure) */
export function forecastMethodText(f: { model: ForecastModel; scale: ScaleName; backtest: { weeks: number; held80: number } }, unit: ForecastUnit = "week"): string {
  return `${modelText(f.model, f.scale)}; ${heldText(f.backtest, unit)}`;
}

/** The model a forecast uses: fitted on its scale to the last FORECAST_WINDOW periods, with its backtest. */
export type ChosenModel = {
  kind: "model";
  n: number;
  scale: Scale;
  fit: FittedModel;
  /** The chosen model's backtest, and every candidate's mean absolute error, best first. */
  backtest: Backtest & { candidates: Candidate[] };
};

/**
 * The scale and model whose one-step-ahead forecasts of the past erred least, fitted to the last
 * FORECAST_WINDOW values of `series` (indices kept: period i of the series is i in `fit`); none
 * below MIN_FORECAST_N values. @param series and @param range as in forecastLag.
 */
export function chooseForecastModel(series: readonly (number | null)[], range: MeasureRange = UNBOUNDED, unit: ForecastUnit = "week"): ChosenModel | Extract<Forecast, { kind: "insufficient" }> {
  const recent = series.slice(-FORECAST_WINDOW);
  const offset = series.length - recent.length;
  const weeks: number[] = [];
  const y: number[] = [];
  recent.forEach((v, i) => {
    if (v != null) {
      weeks.push(offset + i);
      y.push(v);
    }
  });
  const n = y.length;
  if (n < MIN_FORECAST_N) return { kind: "insufficient", n, reason: `${notEnoughWeeksText(n, unit)}.` };

  const tests = scalesFor(range, y).flatMap((scale) => FORECAST_MODELS.map((m) => ({ scale, test: backtest(m, weeks, y, scale) })));
  // The smallest one-week-ahead error wins; a tie goes to the first (the linear trend, on the
  // measure's bounded scale).
  const { scale, test: best } = tests.reduce((a, b) => (b.test.meanAbsError < a.test.meanAbsError ? b : a));
  return {
    kind: "model",
    n,
    scale,
    fit: fitModel(best.model, weeks, y.map(scale.to))!,
    backtest: {
      ...best,
      candidates: tests.map((t) => ({ model: t.test.model, scale: t.scale.name, meanAbsError: t.test.meanAbsError })).sort((a, b) => a.meanAbsError - b.meanAbsError),
    },
  };
}

/**
 * @param series values oldest first, one per `unit` (week, or month for a monthly measure), null
 * where a period has no observation; the forecast steps are periods after the series' last one.
 * @param range where the measure's values can lie (measureRange in forecastRange.ts).
 */
export function forecastLag(series: readonly (number | null)[], horizon = 13, range: MeasureRange = UNBOUNDED, unit: ForecastUnit = "week"): Forecast {
  const chosen = chooseForecastModel(series, range, unit);
  if (chosen.kind === "insufficient") return chosen;
  const { fit, scale } = chosen;
  const now = series.length - 1;
  const points = Array.from({ length: horizon }, (_, i) => {
    const step = i + 1;
    const p = fit.predict(now + step);
    const r80 = toMeasure(p, scale, 0.8);
    const r95 = toMeasure(p, scale, 0.95);
    return { step, mean: r80.centre, lo80: r80.lo, hi80: r80.hi, lo95: r95.lo, hi95: r95.hi };
  });
  const current = scale.from(fit.predict(now).centre);
  const last = points.at(-1);
  return {
    kind: "forecast",
    n: chosen.n,
    model: fit.model,
    scale: scale.name,
    range: scale.range,
    slopePerWeek: last ? (last.mean - current) / last.step : 0,
    backtest: chosen.backtest,
    points,
  };
}
