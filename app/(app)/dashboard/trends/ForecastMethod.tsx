// How the lag forecast was made, beside it: the model the backtest chose over the others, how often
// its 80% range held in that backtest, and the range the forecast is kept within — or why there
// is no forecast yet.
import { formatMeasure } from "@/lib/domain/format";
import { modelText } from "@/lib/domain/stats/forecast";
import type { LagForecast } from "@/lib/views/analytics";
import styles from "./trends.module.css";

export function ForecastMethod({ forecast: f, unit, locale }: { forecast: LagForecast["forecast"]; unit: string; locale: string }) {
  const v = (x: number | null) => formatMeasure(x, unit, locale, 2);
  let text: string;
  if (f.kind === "insufficient" || !f.model || !f.backtest) {
    text = `No forecast: ${f.reason ?? `fewer than ${f.minN} weeks with values.`}`;
  } else {
    const { low, high } = f.range;
    const within = low != null && high != null ? ` Kept within ${v(low)} to ${v(high)}.` : low != null ? ` Kept at or above ${v(low)}.` : "";
    const [, runnerUp] = f.backtest.candidates;
    const against = runnerUp ? `, against ${v(runnerUp.meanAbsError)} for the next best, a ${modelText(runnerUp.model, runnerUp.scale)}` : "";
    text =
      `Forecast by a ${modelText(f.model, f.scale ?? "linear")}: its one-week-ahead forecasts of the past ${f.backtest.weeks} weeks erred by ${v(f.backtest.meanAbsError)} on average${against}. ` +
      `The 80% range held in ${f.backtest.held80} of ${f.backtest.weeks} past weeks.${within}`;
  }
  return (
    <p className={styles.method} data-testid="forecast-method">
      {text}
    </p>
  );
}
