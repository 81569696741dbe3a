import { formatDay, formatMeasure } from "@/lib/domain/format";
import {
  DIRECTION_LABEL,
  LAG_STATUS_LABEL,
  lagChange,
  lagGoalText,
  lagPathValue,
  lagStatus,
} from "@/lib/domain/status";
import type { LagScoreRow } from "@/lib/queries/teamLagScoreboard";
import styles from "./checkIn.module.css";

/** Each lag goal: from X to Y by when, where it stands, and whether that is on the path. */
export function LagScoreboard({ lags, teamName, locale }: { lags: LagScoreRow[]; teamName: string; locale: string }) {
  if (lags.length === 0) {
    return <p className="empty">No lag measures yet. A manager can set the results this team is working towards.</p>;
  }
  return (
    <ul className={styles.lags}>
      {lags.map((l) => {
        const latest = l.latestValue != null && l.latestDate ? { value: l.latestValue, date: l.latestDate } : null;
        const status = lagStatus({ ...l, latest });
        const path = latest
          ? lagPathValue({ value: l.baselineValue, date: l.baselineDate }, { value: l.targetValue, date: l.targetDate }, latest.date)
          : null;
        const change = latest ? lagChange(l.direction, l.baselineValue, latest.value) : null;
        const v = (n: number) => formatMeasure(n, l.unit, locale);
        return (
          <li key={l.lagMeasureId} className={styles.lag} data-testid={`lag-${l.name}`}>
            <div className={styles.lagHead}>
              <span className="score-name">{l.name}</span>
              <span className={`badge ${status}`} data-testid="lag-status">
                {LAG_STATUS_LABEL[status]}
              </span>
            </div>
            <p className={styles.lagGoal}>
              {l.teamScoped ? "Team goal: " : "Goal: "}
              {lagGoalText(l, locale)} <span className="muted">({DIRECTION_LABEL[l.direction]})</span>
            </p>
            {latest && change && path != null ? (
              <p className={styles.lagNow}>
                Now <strong data-testid="lag-current">{v(latest.value)}</strong>{" "}
                <span className="muted">on {formatDay(latest.date, locale)}</span>
                {" · "}
                <span className={styles[`tone_${change.tone}`]} data-testid="lag-change">
                  <span aria-hidden="true">{change.arrow}</span> {change.word}
                </span>{" "}
                <span className="muted">
                  since the baseline of {v(l.baselineValue)}; the path to the goal is at {v(path)}
                </span>
              </p>
            ) : (
              <p className="muted">No value recorded yet.</p>
            )}
            {l.teamValue != null && l.teamDate && (
              <p className="muted">
                {teamName} alone: {v(l.teamValue)} on {formatDay(l.teamDate, locale)}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
