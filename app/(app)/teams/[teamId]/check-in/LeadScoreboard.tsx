import type { ReactNode } from "react";
import { formatNumber, weekOf } from "@/lib/domain/format";
import { leadStatus, STATUS_LABEL, type Thresholds } from "@/lib/domain/status";
import type { IsoDate } from "@/lib/domain/calendar/weeks";
import type { LeadHistoryRow } from "@/lib/queries/teamLeadHistory";
import type { Person } from "@/lib/views/checkIn";
import { Sparkline } from "./Sparkline";
import styles from "./checkIn.module.css";
import { WideTable } from "@/app/_components/WideTable";

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

/** Each lead measure: the week under review and this week vs target, for the team and (folded) each member. */
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
  // Relative to the week shown: for an earlier week, the weeks by their first day.
  const lastLabel = isCurrent ? "Last week" : weekOf(previousWeek, locale);
  const head = (first: string) => (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col">{lastLabel}</th>
        <th scope="col">{isCurrent ? "This week so far" : weekOf(week, locale)}</th>
        <th scope="col">Last 13 weeks</th>
      </tr>
    </thead>
  );
  const row = (key: string, label: ReactNode, personKey: string, m: Props["measures"][number], className?: string) => {
    const s = series.get(m.id)?.get(personKey);
    const last = at(s, previousWeek);
    const now = at(s, week);
    return (
      <tr key={key} className={className}>
        <th scope="row">{label}</th>
        <Cell total={last.total} target={last.target} thresholds={thresholds} locale={locale} />
        <Cell total={now.total} target={now.target} thresholds={thresholds} locale={locale} />
        <td>{s ? <Sparkline values={s.totals} targets={s.targets} locale={locale} /> : <span className="muted">–</span>}</td>
      </tr>
    );
  };
  const measureLabel = (m: Props["measures"][number]) => (
    <>
      {m.name}
      {m.unit ? <span className="muted"> ({m.unit})</span> : null}
    </>
  );

  // The team's line per measure in full; each member's lines folded under a one-line summary, so
  // the page stays short with many members (open a member to see their numbers).
  return (
    <div className={styles.leads}>
      <WideTable label="Team lead measures" data-testid="lead-team">
        <table className={styles.leadTable}>
          <caption>Team</caption>
          {head("Measure")}
          <tbody>{measures.map((m) => row(m.id, measureLabel(m), "", m, styles.teamRow))}</tbody>
        </table>
      </WideTable>
      {people.length > 0 && (
        <ul className={styles.memberLeads} aria-label="Members' lead measures">
          {people.map((p) => {
            const statuses = measures.map((m) => {
              const last = at(series.get(m.id)?.get(p.userId), previousWeek);
              return leadStatus(last.total, last.target, thresholds);
            });
            const onTrack = statuses.filter((st) => st === "green").length;
            const worst = (["red", "amber", "green", "none"] as const).find((st) => statuses.includes(st)) ?? "none";
            return (
              <li key={p.userId}>
                <details data-testid={`lead-member-${p.name}`}>
                  <summary className={styles.memberSummary}>
                    <span>
                      {p.name}
                      {p.isLead ? <span className="muted"> (lead)</span> : null}
                    </span>
                    <span className="muted">
                      {lastLabel}: {onTrack} of {measures.length} on target
                    </span>
                    <span className={`badge ${worst}`}>{STATUS_LABEL[worst]}</span>
                  </summary>
                  <WideTable label={`${p.name}'s lead measures`}>
                    <table className={styles.leadTable}>
                      <caption className={styles.srOnly}>{p.name}&apos;s lead measures</caption>
                      {head("Measure")}
                      <tbody>{measures.map((m) => row(m.id, measureLabel(m), p.userId, m))}</tbody>
                    </table>
                  </WideTable>
                </details>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
