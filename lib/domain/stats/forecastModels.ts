// The two forecasting models a lag measure's forecast chooses between, fitted on the modelling
// scale (forecastRange.ts) to the weeks that have a value, each keeping its place in time:
// - a linear trend: OLS of the value on the week, with the t prediction interval (the
//   weeks scatter independently around a straight line);
// - a random walk with drift (Hyndman & Athanasopoulos, Forecasting: Principles and Practice,
//   §5.2 and §5.5): each week moves by a constant drift plus an independent step, so the
//   forecast starts from the last value and its band widens with the square root of the horizon
//   (what persistent, autocorrelated series do, which the trend's band ignores).
// Both intervals are exact for normal errors: (value − centre) / se follows t with `df` degrees of
// freedom. Each fitted model also simulates whole future paths with its parameters' uncertainty
// (drawPath), for what is summed over many weeks — the program's projected benefits — where a
// week-by-week band is not enough. Pure; no I/O.
import { ols } from "./ols";
import { chiSquare, type Rng } from "./random";

export type ForecastModel = "linear-trend" | "random-walk";
export const FORECAST_MODELS: readonly ForecastModel[] = ["linear-trend", "random-walk"];

export const MODEL_LABEL: Record<ForecastModel, string> = {
  "linear-trend": "linear trend",
  "random-walk": "random walk with drift",
};

/** A forecast for one future week on the modelling scale. */
export type Prediction = { centre: number; se: number; df: number };

export type FittedModel = {
  model: ForecastModel;
  n: number;
  predict(week: number): Prediction;
  /**
   * One simulated path at `weeks` (increasing integers after the last fitted week), on the
   * modelling scale: σ drawn from its scaled inverse-χ² distribution (df as in `predict`), the
   * model's parameters from their sampling distributions given σ, then each week's own error.
   * Each week's draws follow `predict`'s t distribution (the flat-prior posterior predictive);
   * the weeks of one path share σ and parameters, as the weeks of one future do.
   */
  drawPath(rng: Rng, weeks: readonly number[]): number[];
};

/**
 * @param weeks the weeks (indices, increasing) that have a value; @param z their values on the
 * modelling scale. Null when the model cannot be fitted: fewer than 3 weeks leave no degree of
 * freedom for the error.
 */
export function fitModel(model: ForecastModel, weeks: readonly number[], z: readonly number[]): FittedModel | null {
  return model === "linear-trend" ? fitLinearTrend(weeks, z) : fitRandomWalk(weeks, z);
}

function fitLinearTrend(weeks: readonly number[], z: readonly number[]): FittedModel | null {
  const fit = ols(weeks, z);
  if (!fit) return null;
  return {
    model: "linear-trend",
    n: fit.n,
    predict: (week) => ({
      centre: fit.intercept + fit.slope * week,
      se: fit.residualSE * Math.sqrt(1 + 1 / fit.n + (week - fit.meanX) ** 2 / fit.sxx),
      df: fit.n - 2,
    }),
    drawPath: (rng, weeks) => {
      const df = fit.n - 2;
      // Given σ, the level at the mean week and the slope are independent.
      const sigma = fit.residualSE * Math.sqrt(df / chiSquare(rng, df));
      const level = fit.intercept + fit.slope * fit.meanX + rng.normal(0, sigma / Math.sqrt(fit.n));
      const slope = fit.slope + rng.normal(0, sigma / Math.sqrt(fit.sxx));
      return weeks.map((w) => level + slope * (w - fit.meanX) + rng.normal(0, sigma));
    },
  };
}

/**
 * Steps between weeks g apart are N(drift·g, σ²·g): a gap of g weeks holds g weekly steps. The
 * drift is estimated by weighted least squares — (last − first) / (weeks between) — and σ² from
 * the steps' weighted residuals; the forecast h weeks after the last value has variance
 * σ²·(h + h² / weeks between first and last), the second term being the drift's uncertainty.
 */
function fitRandomWalk(weeks: readonly number[], z: readonly number[]): FittedModel | null {
  const n = weeks.length;
  if (n !== z.length) throw new Error("weeks and values must have the same length");
  if (n < 3) return null;
  const span = weeks[n - 1]! - weeks[0]!;
  const drift = (z[n - 1]! - z[0]!) / span;
  let ss = 0;
  for (let i = 1; i < n; i++) {
    const g = weeks[i]! - weeks[i - 1]!;
    ss += (z[i]! - z[i - 1]! - drift * g) ** 2 / g;
  }
  const df = n - 2; // n − 1 steps, one drift estimated
  const sigma = Math.sqrt(ss / df);
  const lastWeek = weeks[n - 1]!;
  const last = z[n - 1]!;
  return {
    model: "random-walk",
    n,
    predict: (week) => {
      const h = week - lastWeek;
      return { centre: last + drift * h, se: sigma * Math.sqrt(h + (h * h) / span), df };
    },
    drawPath: (rng, weeks) => {
      const s = sigma * Math.sqrt(df / chiSquare(rng, df));
      // The drift's estimate has variance σ²/span: (last − first) holds `span` weekly steps.
      const d = drift + rng.normal(0, s / Math.sqrt(span));
      let z = last;
      let at = lastWeek;
      return weeks.map((w) => {
        if (w < at) throw new Error("a path's weeks must increase from the last fitted week");
        for (; at < w; at++) z += d + rng.normal(0, s);
        return z;
      });
    },
  };
}
