// How the lag forecast was made, beside it: the model the backtest chose over the others, how often
// its 80% range held in that backtest, and the range the forecast is kept within — or why there
// is no forecast yet.
import { formatMeasure } from "@/lib/domain/format";
import { modelText } from "@/lib/domain/stats/forecast";
import { CADENCE_UNIT, type LagForecast } from "@/lib/views/analytics";
import styles from "./trends.module.css";

export function ForecastMethod({ forecast: f, cadence, unit, locale }: { forecast: LagForecast["forecast"]; cadence: LagForecast["cadence"]; unit: string; locale: string }) {
  const v = (x: number | null) => formatMeasure(x, unit, locale, 2);
  const step = CADENCE_UNIT[cadence];
  let text: string;
  if (f.kind === "insufficient" || !f.model || !f.backtest) {
    text = `No forecast: ${f.reason ?? `fewer than ${f.minN} ${step}s with values.`}`;
  } else {
    const { low, high } = f.range;
    const within = low != null && high != null ? ` Kept within ${v(low)} to ${v(high)}.` : low != null ? ` Kept at or above ${v(low)}.` : "";
    const [, runnerUp] = f.backtest.candidates;
    const against = runnerUp ? `, against ${v(runnerUp.meanAbsError)} for the next best, a ${modelText(runnerUp.model, runnerUp.scale)}` : "";
    text =
      `Forecast by a ${modelText(f.model, f.scale ?? "linear")}: its one-${step}-ahead forecasts of the past ${f.backtest.weeks} ${step}s erred by ${v(f.backtest.meanAbsError)} on average${against}. ` +
      `The 80% range held in ${f.backtest.held80} of ${f.backtest.weeks} past ${step}s.${within}` +
      (cadence === "weekly" ? "" : ` Forecast ${step} by ${step} from the ${step}ly means, as the measure is observed ${cadence}; the chart shows each ${step} at its last week.`);
  }
  return (
    <p className={styles.method} data-testid="forecast-method">
      {text}
    </p>
  );
}
