import { ChartDownloads } from "@/app/_components/ChartDownloads";
// The check-in's sparkline: the same numbers drawn the same way on both pages.
import { Sparkline } from "@/app/(app)/teams/[teamId]/check-in/Sparkline";
import { formatNumber } from "@/lib/domain/format";
import { STATUS_LABEL } from "@/lib/domain/status";
import { memberSummaryCsv, type MemberMeasureCell, type MemberSummary } from "@/lib/views/memberSummary";
import styles from "../_drilldown/drilldown.module.css";
import { WideTable } from "@/app/_components/WideTable";

/** How many of the latest weeks the mini trend draws. */
export const TREND_WEEKS = 13;

function Cell({ c, locale }: { c: MemberMeasureCell; locale: string }) {
  const fmt = (n: number) => formatNumber(n, locale, 1);
  return (
    <td className={styles.cell}>
      <strong className={styles.total}>{fmt(c.total)}</strong>{" "}
      <span className={`badge ${c.status}`}>
        {c.attainment == null ? STATUS_LABEL.none : `${Math.round(c.attainment * 100)}% · ${STATUS_LABEL[c.status]}`}
      </span>
      {c.weeksWithTarget > 0 ? (
        <span className={`muted ${styles.weeks}`}>
          {c.weeksOnTarget} of {c.weeksWithTarget} weeks on target
        </span>
      ) : null}
      <Sparkline values={c.weekly.slice(-TREND_WEEKS)} targets={c.targets.slice(-TREND_WEEKS)} locale={locale} />
    </td>
  );
}

/** Each person × lead measure over the range: total, attainment colour, weeks on target, trend. */
export function MemberTotals({ summary, title, locale }: { summary: MemberSummary; title: string; locale: string }) {
  if (summary.measures.length === 0) {
    return <p className="empty">This team tracks no lead measure yet. A manager can assign one on the Measures page.</p>;
  }
  if (summary.people.length === 0) {
    return <p className="empty">Nobody is on this team yet, and nobody logged for it in these weeks.</p>;
  }
  const csv = memberSummaryCsv(summary);
  const trend = Math.min(TREND_WEEKS, summary.weeks.length);
  return (
    <>
      <p id="member-totals-note" className="muted">
        Totals over the range. Attainment and weeks on target compare finished weeks with the per-person target in force
            each week; the week under way counts in the total and the trend. The trend draws the last {trend} weeks against the
        target (dashed).
      </p>
      <WideTable label="Member totals">
        <table className={styles.members} data-testid="member-totals" aria-describedby="member-totals-note">
          <thead>
            <tr>
              <th scope="col">Person</th>
              {summary.measures.map((m) => (
                <th key={m.leadMeasureId} scope="col">
                  {m.name}
                  {m.unit ? <span className={styles.unit}> ({m.unit})</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {summary.people.map((p) => (
              <tr key={p.userId}>
                <th scope="row" className={styles.person}>
                  {p.name}
                  {p.onTeam ? null : <span className={`muted ${styles.weeks}`}>left the team</span>}
                </th>
                {p.cells.map((c, i) => (
                  <Cell key={summary.measures[i]!.leadMeasureId} c={c} locale={locale} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </WideTable>
      <ChartDownloads title={title} header={csv.header} rows={csv.rows} />
    </>
  );
}
