// A lag measure's next weeks: an OLS linear trend on its last up-to-26 weekly values, with 80%
// and 95% prediction intervals from the t distribution (wider than the trend's own uncertainty,
// because they include the scatter of single weeks).
import { ols, tCritical } from "./ols";

export const FORECAST_WINDOW = 26;

export type ForecastPoint = { step: number; mean: number; lo80: number; hi80: number; lo95: number; hi95: number };

export type Forecast =
  | { kind: "forecast"; n: number; slopePerWeek: number; points: ForecastPoint[] }
  | { kind: "insufficient"; n: number; reason: string };

/**
 * @param series weekly values oldest first, null where a week has no observation; the forecast
 * steps are weeks after the last element of the series.
 */
export function forecastLag(series: readonly (number | null)[], horizon = 13): Forecast {
  const recent = series.slice(-FORECAST_WINDOW);
  const offset = series.length - recent.length;
  const x: number[] = [];
  const y: number[] = [];
  recent.forEach((v, i) => {
    if (v != null) {
      x.push(offset + i);
      y.push(v);
    }
  });
  const fit = ols(x, y);
  if (!fit) return { kind: "insufficient", n: x.length, reason: "A trend needs at least 3 weeks with observations." };
  const df = fit.n - 2;
  const t80 = tCritical(0.8, df);
  const t95 = tCritical(0.95, df);
  const points = Array.from({ length: horizon }, (_, i) => {
    const step = i + 1;
    const x0 = series.length - 1 + step;
    const mean = fit.intercept + fit.slope * x0;
    const se = fit.residualSE * Math.sqrt(1 + 1 / fit.n + (x0 - fit.meanX) ** 2 / fit.sxx);
    return { step, mean, lo80: mean - t80 * se, hi80: mean + t80 * se, lo95: mean - t95 * se, hi95: mean + t95 * se };
  });
  return { kind: "forecast", n: fit.n, slopePerWeek: fit.slope, points };
}
