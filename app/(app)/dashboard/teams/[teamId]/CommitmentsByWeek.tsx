import { addDays, type IsoDate } from "@/lib/domain/calendar/weeks";
import { formatWeek } from "@/lib/domain/format";
import type { CommitmentStatus } from "@/lib/generated/prisma/enums";
import type { CommitmentCounts, TeamRangeCommitment } from "@/lib/queries/teamCommitmentsInRange";
import styles from "../_drilldown/drilldown.module.css";

// The check-in's words and colours for a review.
const STATUS: Record<CommitmentStatus, { label: string; tone: string }> = {
  OPEN: { label: "Not reviewed", tone: "none" },
  DONE: { label: "Done", tone: "green" },
  PARTIAL: { label: "Partly done", tone: "amber" },
  NOT_DONE: { label: "Not done", tone: "red" },
};

/** The team's commitments in the range, newest week first, each with its review and reason. */
export function CommitmentsByWeek({
  commitments,
  counts,
  locale,
}: {
  commitments: TeamRangeCommitment[];
  counts: CommitmentCounts;
  locale: string;
}) {
  if (commitments.length === 0) {
    return <p className="empty">No commitments were made for these weeks.</p>;
  }
  const weeks = new Map<IsoDate, TeamRangeCommitment[]>();
  for (const c of commitments) weeks.set(c.weekStart, [...(weeks.get(c.weekStart) ?? []), c]);
  const total = commitments.length;
  return (
    <>
      <p data-testid="commitment-counts">
        {total} {total === 1 ? "commitment" : "commitments"}: {counts.DONE} done, {counts.PARTIAL} partly done, {counts.NOT_DONE} not
        done, {counts.OPEN} not reviewed.
      </p>
      <div className={styles.weekGroups}>
        {[...weeks].map(([week, list]) => (
          <section key={week} aria-labelledby={`week-${week}`}>
            <h3 id={`week-${week}`} className={styles.weekTitle}>
              Week of {formatWeek({ start: week, end: addDays(week, 6) }, locale)}
            </h3>
            <ul className={styles.commitments}>
              {list.map((c) => (
                <li key={c.id}>
                  <div className={styles.commitmentHead}>
                    <span>
                      <strong>{c.personName}</strong>: {c.text}
                      {c.measureName ? <span className={styles.tag}>{c.measureName}</span> : null}
                    </span>
                    <span className={`badge ${STATUS[c.status].tone}`}>{STATUS[c.status].label}</span>
                  </div>
                  {c.reason ? <p className="muted">Why: {c.reason}</p> : null}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
