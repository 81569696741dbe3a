import { formatNumber } from "@/lib/domain/format";
import { leadStatus, STATUS_LABEL, type Thresholds } from "@/lib/domain/status";
import type { IsoDate } from "@/lib/domain/calendar/weeks";
import type { LeadHistoryRow } from "@/lib/queries/teamLeadHistory";
import type { Person } from "@/lib/views/checkIn";
import { Sparkline } from "./Sparkline";
import styles from "./checkIn.module.css";

type Props = {
  history: LeadHistoryRow[];
  people: Person[];
  measures: { id: string; name: string; unit: string }[];
  week: IsoDate;
  previousWeek: IsoDate;
  isCurrent: boolean;
  thresholds: Thresholds;
  locale: string;
};

type Series = { weeks: IsoDate[]; totals: number[]; targets: (number | null)[] };

function Cell({ total, target, thresholds, locale }: { total: number; target: number | null; thresholds: Thresholds; locale: string }) {
  const fmt = (n: number) => formatNumber(n, locale, 1);
  const status = leadStatus(total, target, thresholds);
  return (
    <td className={styles.leadCell}>
      <strong>{fmt(total)}</strong>
      {target != null && target > 0 ? <span className="muted"> of {fmt(target)}</span> : null}{" "}
      <span className={`badge ${status}`}>{STATUS_LABEL[status]}</span>
    </td>
  );
}

/** Each lead measure: the week under review and this week vs target, per team and member. */
export function LeadScoreboard({ history, people, measures, week, previousWeek, isCurrent, thresholds, locale }: Props) {
  if (measures.length === 0) {
    return <p className="empty">This team tracks no lead measure yet. A manager can assign one.</p>;
  }
  // measure → person ("" = the team) → weekly series, oldest first.
  const series = new Map<string, Map<string, Series>>();
  for (const r of history) {
    const byPerson = series.get(r.leadMeasureId) ?? new Map<string, Series>();
    series.set(r.leadMeasureId, byPerson);
    const s = byPerson.get(r.userId ?? "") ?? { weeks: [], totals: [], targets: [] };
    byPerson.set(r.userId ?? "", s);
    s.weeks.push(r.weekStart);
    s.totals.push(r.total);
    s.targets.push(r.target);
  }
  const at = (s: Series | undefined, w: IsoDate) => {
    const i = s ? s.weeks.indexOf(w) : -1;
    return i < 0 ? { total: 0, target: null } : { total: s!.totals[i]!, target: s!.targets[i]! };
  };
  const rows = [{ key: "", name: "Team", isLead: false }, ...people.map((p) => ({ key: p.userId, name: p.name, isLead: p.isLead }))];

  return (
    <div className={styles.leads}>
      {measures.map((m) => {
        const byPerson = series.get(m.id);
        return (
          <div key={m.id} className="table-wrap" data-testid={`lead-${m.name}`}>
            <table className={styles.leadTable}>
              <caption>
                {m.name}
                {m.unit ? <span className="muted"> ({m.unit})</span> : null}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Who</th>
                  <th scope="col">Last week</th>
                  <th scope="col">{isCurrent ? "This week so far" : "This week"}</th>
                  <th scope="col">Last 13 weeks</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const s = byPerson?.get(r.key);
                  const last = at(s, previousWeek);
                  const now = at(s, week);
                  return (
                    <tr key={r.key || "team"} className={r.key ? undefined : styles.teamRow}>
                      <th scope="row">
                        {r.name}
                        {r.isLead ? <span className="muted"> (lead)</span> : null}
                      </th>
                      <Cell total={last.total} target={last.target} thresholds={thresholds} locale={locale} />
                      <Cell total={now.total} target={now.target} thresholds={thresholds} locale={locale} />
                      <td>{s ? <Sparkline values={s.totals} targets={s.targets} locale={locale} /> : <span className="muted">–</span>}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        );
      })}
    </div>
  );
}
