import { WeekLink } from "@/app/_components/WeekNavigation";
import { instantDayWithYear } from "@/lib/domain/format";
import type { HistoryCheckIn } from "@/lib/queries/checkInHistory";
import styles from "./checkIn.module.css";

/** The team's latest held check-ins: when (with the year: the list reaches back past a new year), how long, the decisions taken and the notes. */
export function CheckInHistory({ history, base, locale, timeZone }: { history: HistoryCheckIn[]; base: string; locale: string; timeZone: string }) {
  if (history.length === 0) return <p className="empty">No check-in held yet.</p>;
  return (
    <ul className={styles.history} data-testid="check-in-history">
      {history.map((h) => (
        <li key={h.id}>
          <p>
            <WeekLink href={`${base}?week=${h.weekStart}`}>{instantDayWithYear(h.heldAt, locale, timeZone)}</WeekLink>
            {h.durationMinutes != null ? <span className="muted"> · {h.durationMinutes} min meeting</span> : null}
            {h.heldBy ? <span className="muted"> · {h.heldBy.name}</span> : null}
          </p>
          {h.decisions.length > 0 && (
            <ul aria-label="Decisions">
              {h.decisions.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
          {h.notes && <p className="muted">{h.notes}</p>}
        </li>
      ))}
    </ul>
  );
}
