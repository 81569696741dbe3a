import { LAG_STATUS_LABEL } from "@/lib/domain/status";
import styles from "../../teams/_drilldown/drilldown.module.css";
import { dayWithYear, formatMeasure, instantLabel } from "@/lib/domain/format";
import { SOURCE_LABEL } from "../../teams/_drilldown/sources";
import { PageLinks } from "../../teams/_drilldown/PageLinks";
import type { JudgedObservation } from "@/lib/views/lagDrilldown";
import { WideTable } from "@/app/_components/WideTable";

/** One page of a lag measure's observations, newest first, each against the path at its date. */
export function LagObservations({
  observations,
  unit,
  pageLinks,
  empty,
  locale,
  timeZone,
}: {
  observations: JudgedObservation[];
  unit: string;
  pageLinks: { first: string | null; next: string | null };
  empty: string;
  locale: string;
  timeZone: string;
}) {
  if (observations.length === 0) return <p className="empty">{empty}</p>;
  const value = (n: number) => formatMeasure(n, unit, locale);
  return (
    <>
      <p id="lag-observations-note" className="muted">
        Newest first. &ldquo;Against the path&rdquo; compares each value with the straight line from the baseline to the target
        at its date, in the measure&apos;s direction.
      </p>
      <WideTable label="Observations">
        <table data-testid="lag-observations" aria-describedby="lag-observations-note">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">For</th>
              <th scope="col" className="num">
                Value
              </th>
              <th scope="col" className="num">
                Path
              </th>
              <th scope="col">Against the path</th>
              <th scope="col">Source</th>
              <th scope="col">Note</th>
              <th scope="col">Recorded</th>
            </tr>
          </thead>
          <tbody>
            {observations.map((o) => (
              <tr key={o.id}>
                <td className={styles.nowrap}>{dayWithYear(o.observedOn, locale)}</td>
                <td>{o.teamName ?? "Organization"}</td>
                <td className="num">{value(o.value)}</td>
                <td className="num muted">{value(o.path)}</td>
                <td>
                  <span className={`badge ${o.status}`}>{LAG_STATUS_LABEL[o.status]}</span>
                </td>
                <td>{SOURCE_LABEL[o.source]}</td>
                <td className={styles.note}>{o.note || <span className="muted">–</span>}</td>
                <td>
                  {/* The source column already says "Demo seed"; an API token has no person behind it. */}
                  {o.createdByName ?? <span className="muted">{o.source === "API" ? "an API token" : "–"}</span>}
                  <span className={`muted ${styles.weeks}`}>{instantLabel(o.createdAt, locale, timeZone)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </WideTable>
      <PageLinks {...pageLinks} what="observations" />
    </>
  );
}
