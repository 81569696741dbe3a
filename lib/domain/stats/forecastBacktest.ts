// Rolling-origin backtest (Hyndman & Athanasopoulos, FPP §5.10, "evaluation on a rolling
// forecasting origin"): for each past week with a value, after the first BACKTEST_MIN_FIT, fit a
// model on the weeks before it only, forecast that week, and compare with what happened — the
// error in the measure's own unit, and whether the 80% range held it. Pure; no I/O.
import { fitModel, type ForecastModel, type Prediction } from "./forecastModels";
import type { Scale } from "./forecastRange";
import { tCritical } from "./ols";

/** The fewest weeks a backtest fit uses: with 5, two to three degrees of freedom are left for the error. */
export const BACKTEST_MIN_FIT = 5;

export type Backtest = {
  model: ForecastModel;
  /** Past weeks forecast one step ahead. */
  weeks: number;
  /** Mean absolute error of the central forecasts, in the measure's unit. */
  meanAbsError: number;
  /** Weeks whose value fell inside the forecast's 80% range. */
  held80: number;
};

/** A prediction as the measure's values: the centre and a central `confidence` range. */
export function toMeasure(p: Prediction, scale: Scale, confidence: number): { centre: number; lo: number; hi: number } {
  const half = p.se > 0 ? tCritical(confidence, p.df) * p.se : 0;
  return { centre: scale.from(p.centre), lo: scale.from(p.centre - half), hi: scale.from(p.centre + half) };
}

/**
 * @param weeks the weeks that have a value, increasing; @param y their values (the measure's
 * unit); the same `scale` serves every origin.
 */
export function backtest(model: ForecastModel, weeks: readonly number[], y: readonly number[], scale: Scale): Backtest {
  const z = y.map(scale.to);
  let weeksTested = 0;
  let absError = 0;
  let held80 = 0;
  for (let j = BACKTEST_MIN_FIT; j < weeks.length; j++) {
    const fit = fitModel(model, weeks.slice(0, j), z.slice(0, j));
    if (!fit) continue;
    const f = toMeasure(fit.predict(weeks[j]!), scale, 0.8);
    const actual = y[j]!;
    // A band of zero width (a perfectly regular past) holds the value it predicts up to rounding.
    const tol = 1e-9 * Math.max(1, Math.abs(actual));
    weeksTested++;
    absError += Math.abs(actual - f.centre);
    if (actual >= f.lo - tol && actual <= f.hi + tol) held80++;
  }
  return { model, weeks: weeksTested, meanAbsError: weeksTested ? absError / weeksTested : NaN, held80 };
}
