import { dayWithYear, formatNumber, instantLabel } from "@/lib/domain/format";
import type { TeamRangeEntry } from "@/lib/queries/teamEntriesInRange";
import { PageLinks } from "../_drilldown/PageLinks";
import { SOURCE_LABEL } from "../_drilldown/sources";
import styles from "../_drilldown/drilldown.module.css";
import { WideTable } from "@/app/_components/WideTable";

/** Who typed an entry in, when that was not the person it is for. */
function enteredBy(e: TeamRangeEntry): string | null {
  if (e.createdById === e.userId) return null;
  if (e.createdByName) return e.createdByName;
  return e.source === "API" ? "an API token" : "unknown";
}

/** One page of the team's entries in the range, newest first, with links to page on. */
export function TeamEntries({
  entries,
  total,
  pageLinks,
  locale,
  timeZone,
}: {
  entries: TeamRangeEntry[];
  total: number;
  pageLinks: { first: string | null; next: string | null };
  locale: string;
  timeZone: string;
}) {
  if (entries.length === 0) {
    return <p className="empty">{total === 0 ? "Nothing was logged for this team in these weeks." : "No more entries."}</p>;
  }
  return (
    <>
      <p id="team-entries-note" className="muted">
        {formatNumber(total, locale)} {total === 1 ? "entry" : "entries"} in the range, newest first.
      </p>
      <WideTable label="Team entries">
        <table data-testid="team-entries" aria-describedby="team-entries-note">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Person</th>
              <th scope="col">Measure</th>
              <th scope="col" className="num">
                Value
              </th>
              <th scope="col">Source</th>
              <th scope="col">Note</th>
              <th scope="col">Entered by</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const by = enteredBy(e);
              return (
                <tr key={e.id}>
                  <td className={styles.nowrap}>{dayWithYear(e.entryDate, locale)}</td>
                  <td>{e.personName}</td>
                  <td>{e.measureName}</td>
                  <td className="num">{formatNumber(e.value, locale, 2)}</td>
                  <td>{SOURCE_LABEL[e.source]}</td>
                  <td className={styles.note}>{e.note || <span className="muted">–</span>}</td>
                  <td>
                    {by ? (
                      <>
                        {by}
                        <span className={`muted ${styles.weeks}`}>{instantLabel(e.createdAt, locale, timeZone)}</span>
                      </>
                    ) : (
                      <span className="muted">themself</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </WideTable>
      <PageLinks {...pageLinks} what="entries" />
    </>
  );
}
