// Does the lead measure predict the lag? The verdict in plain words with its raw and adjusted
// p-values and forecast check, then every lag k tested with its statistics, the strongest marked. The wording stays within what the numbers
// show: an association in past weeks, never that one measure drives the other.
import type { VerdictKind } from "@/lib/domain/stats/leadLag";
import { addDays } from "@/lib/domain/calendar/weeks";
import { dayWithYear, formatFixed, formatSignificant, monthWithYear } from "@/lib/domain/format";
import type { LeadLagAnalysis } from "@/lib/views/analytics";
import styles from "./trends.module.css";
import { WideTable } from "@/app/_components/WideTable";

const KIND_LABEL: Record<VerdictKind, { text: string; tone: "green" | "red" | "amber" | "none" }> = {
  predictive: { text: "Predictive so far", tone: "green" },
  opposite: { text: "Unwanted direction", tone: "red" },
  weak: { text: "Weak evidence", tone: "amber" },
  none: { text: "No evidence", tone: "none" },
  insufficient: { text: "Not enough data", tone: "none" },
};

const UNIT = { weekly: "week", monthly: "month", quarterly: "quarter" } as const;
const later = (k: number, unit: string) => (k === 0 ? `same ${unit}` : `${k} ${unit}${k === 1 ? "" : "s"} later`);

export function LeadLagPanel({ analysis, scopeName, locale }: { analysis: LeadLagAnalysis; scopeName: string; locale: string }) {
  const { leadMeasure: lead, lagMeasure: lag, verdict } = analysis;
  const fixed = (x: number | null, digits: number) => formatFixed(x, locale, digits);
  const sig = (x: number | null) => formatSignificant(x, locale, 3);
  const p = (x: number | null) => (x == null ? "—" : x < 0.001 ? "< 0.001" : fixed(x, 3));
  const slopeUnit = `${lag.unit || lag.name} per ${lead.unit || "unit"}`;
  const badge = KIND_LABEL[verdict.kind];
  const ev = analysis.evidence;
  const { firstWeek, lastWeek } = analysis.window;
  const unit = UNIT[analysis.cadence];
  const period =
    analysis.cadence === "weekly"
      ? `the ${analysis.window.weeks} weeks from ${dayWithYear(firstWeek, locale)} to ${dayWithYear(addDays(lastWeek, 6), locale)}`
      : `${unit} by ${unit}, as ${lag.name} is observed ${analysis.cadence}: the ${unit}s from ${monthWithYear(analysis.periods.first.slice(0, 7), locale)} to ${monthWithYear(analysis.periods.last.slice(0, 7), locale)} (${lead.name} as ${analysis.cadence} totals, from the first ${unit} it was tracked)`;
  const lagSource =
    analysis.teamId && analysis.lagValuesOf === "organization"
      ? ` ${scopeName} records no ${lag.name} of its own, so its activity is compared with the organization's ${lag.name}.`
      : "";

  return (
    <section className="card" aria-labelledby="leadlag-title" data-testid="lead-lag-panel">
      <h2 id="leadlag-title">
        Does {lead.name} predict {lag.name}?
      </h2>
      <p className="muted">
        {scopeName}, {period}.{" "}
        {analysis.declaredDriver
          ? `${lead.name} is a declared driver of ${lag.name}: this tests that hypothesis.`
          : `${lead.name} is not declared as a driver of ${lag.name}; the test runs all the same.`}
        {lagSource}
      </p>
      <p className={styles.verdict} data-testid="verdict">
        <span className={`badge ${badge.tone}`}>{badge.text}</span> <span data-testid="verdict-text">{verdict.text}</span>
      </p>
      {ev ? (
        <p className={styles.method} data-testid="verdict-evidence">
          p at the strongest lag alone: {p(ev.pRaw)}; across the {ev.lagsTested} lags tested: {p(ev.pFamily)} ({ev.permutations} seeded
          permutations); q: {p(ev.q)} {ev.pairs === 1 ? "(this pair alone, so q = p)" : `across ${ev.pairs} pairs`}.{" "}
          {ev.forecast
            ? `One-${unit}-ahead error with ${lead.name} ${ev.forecast.errorReduction > 0 ? `${fixed(100 * ev.forecast.errorReduction, 0)}% smaller` : `not smaller (${fixed(-100 * ev.forecast.errorReduction, 0)}% larger)`} than without it, over ${ev.forecast.origins} ${unit}s forecast from earlier ${unit}s only.`
            : `Too few ${unit}s to test it as a forecast.`}
        </p>
      ) : null}
      <p className={styles.method}>
        Each row compares the {unit}-to-{unit} change in {lag.name} with the change in {lead.name} k {unit}s earlier (a linear regression
        on {analysis.cadence} changes, so shared trends do not count; the interval allows for autocorrelated {unit}s). A row&apos;s own p is not
        corrected for the other lags: the verdict uses the p across all the lags tested, and calls the pair predictive only when that
        is at most 0.05 and {lead.name} also improves one-{unit}-ahead forecasts of {lag.name}. Even then it is an association in the
        data so far, not proof that one moves the other. Rows with fewer than {analysis.minN} paired {unit}s are not judged.
      </p>
      <WideTable label="Lead–lag analysis">
        <table data-testid="lead-lag-table">
          <caption className="sr-only">
            Lagged regressions of {lag.name} on {lead.name}, one row per lag k; the strongest is marked.
          </caption>
          <thead>
            <tr>
              <th scope="col">k</th>
              <th scope="col" className="num">
                n
              </th>
              <th scope="col" className="num">
                r
              </th>
              <th scope="col" className="num">
                Slope <span className={styles.unit}>({slopeUnit})</span>
              </th>
              <th scope="col" className="num">
                SE (HAC)
              </th>
              <th scope="col" className="num">
                p (this lag)
              </th>
              <th scope="col" className="num">
                95% CI of the slope (HAC)
              </th>
              <th scope="col" className="num">
                R²
              </th>
            </tr>
          </thead>
          <tbody>
            {analysis.fits.map((f) => {
              const best = f.k === analysis.bestK;
              return (
                <tr key={f.k} className={best ? styles.best : undefined} aria-current={best ? "true" : undefined}>
                  <th scope="row">
                    {later(f.k, unit)}
                    {best ? <span className={styles.bestMark}> strongest</span> : null}
                  </th>
                  <td className="num">{f.n}</td>
                  {f.enoughData ? (
                    <>
                      <td className="num">{fixed(f.r, 2)}</td>
                      <td className="num">{sig(f.slope)}</td>
                      <td className="num">{sig(f.hac?.se ?? null)}</td>
                      <td className="num">{p(f.p)}</td>
                      <td className="num">{f.hac ? `${sig(f.hac.ci95[0])} to ${sig(f.hac.ci95[1])}` : "—"}</td>
                      <td className="num">{fixed(f.r2, 2)}</td>
                    </>
                  ) : (
                    <td colSpan={6} className="muted">
                      Not enough data (fewer than {analysis.minN} paired {unit}s)
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </WideTable>
    </section>
  );
}
