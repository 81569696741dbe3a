import type { CommitmentStatus } from "@/lib/generated/prisma/enums";
import { MAX_COMMITMENTS_PER_PERSON } from "@/lib/schemas/checkIn";
import { AddCommitmentForm } from "./AddCommitmentForm";
import { CommitmentActions } from "./CommitmentActions";
import type { CommitmentItem, Person } from "@/lib/views/checkIn";
import { ReviewCommitmentForm } from "./ReviewCommitmentForm";
import styles from "./checkIn.module.css";

const STATUS: Record<CommitmentStatus, { label: string; tone: string }> = {
  OPEN: { label: "Not reviewed", tone: "none" },
  DONE: { label: "Done", tone: "green" },
  PARTIAL: { label: "Partly done", tone: "amber" },
  NOT_DONE: { label: "Not done", tone: "red" },
};

function CommitmentText({ c }: { c: CommitmentItem }) {
  return (
    <span>
      {c.text}
      {c.measureName ? <span className={styles.tag}>{c.measureName}</span> : null}
    </span>
  );
}

/** Last week's commitments, person by person, each with its review. */
export function CommitmentsReview(props: {
  people: Person[];
  commitments: CommitmentItem[];
  canReview: (c: CommitmentItem) => boolean;
  canChange: (c: CommitmentItem) => boolean;
  measures: { id: string; name: string }[];
  /** What to say when there are none: "No commitments were made for last week." */
  empty: string;
}) {
  const { people, commitments, canReview, canChange, measures, empty } = props;
  if (commitments.length === 0) {
    return <p className="empty">{empty}</p>;
  }
  const names = new Map(people.map((p) => [p.userId, p.name]));
  const owners = [...new Set(commitments.map((c) => c.userId))].sort(
    (a, b) => people.findIndex((p) => p.userId === a) - people.findIndex((p) => p.userId === b),
  );
  return (
    <ul className={styles.people}>
      {owners.map((userId) => (
        <li key={userId} data-testid={`review-person-${names.get(userId) ?? userId}`}>
          <h3>{names.get(userId) ?? "Former member"}</h3>
          <ul className={styles.commitments}>
            {commitments
              .filter((c) => c.userId === userId)
              .map((c, i) => (
                <li key={c.id} data-testid="review-commitment">
                  <div className={styles.commitmentHead}>
                    <CommitmentText c={c} />
                    <span className={`badge ${STATUS[c.status].tone}`} data-testid="commitment-status">
                      {STATUS[c.status].label}
                    </span>
                  </div>
                  {c.reason && <p className="muted">Why: {c.reason}</p>}
                  {canChange(c) && <CommitmentActions commitment={c} measures={measures} />}
                  {canReview(c) && <ReviewCommitmentForm
                      key={`${c.id}-${c.status}`}
                      // Unique among the page's forms (axe landmark-unique), even for two alike commitments.
                      label={`Review ${names.get(userId) ?? "a former member"}'s commitment ${i + 1}: ${c.text}`}
                      commitmentId={c.id}
                      text={c.text}
                      status={c.status}
                      reason={c.reason}
                    />}
                </li>
              ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** This week's commitments: one or two per person, with a form while a person has room. */
export function NewCommitments(props: {
  teamId: string;
  weekStart: string;
  viewerId: string;
  people: Person[];
  commitments: CommitmentItem[];
  measures: { id: string; name: string }[];
  canAddFor: (userId: string) => boolean;
  canChange: (c: CommitmentItem) => boolean;
}) {
  const { teamId, weekStart, viewerId, people, commitments, measures, canAddFor, canChange } = props;
  if (people.length === 0) return <p className="empty">This team has no members yet.</p>;
  return (
    <ul className={styles.people}>
      {people.map((p) => {
        const own = commitments.filter((c) => c.userId === p.userId);
        return (
          <li key={p.userId} data-testid={`new-commitments-${p.name}`}>
            <h3>{p.name}</h3>
            {own.length === 0 ? (
              <p className="muted">No commitment yet.</p>
            ) : (
              <ul className={styles.commitments}>
                {own.map((c) => (
                  <li key={c.id} data-testid="new-commitment">
                    <CommitmentText c={c} />
                    {canChange(c) && <CommitmentActions commitment={c} measures={measures} />}
                  </li>
                ))}
              </ul>
            )}
            {own.length < MAX_COMMITMENTS_PER_PERSON && canAddFor(p.userId) && (
              <AddCommitmentForm teamId={teamId} weekStart={weekStart} person={p} isSelf={p.userId === viewerId} measures={measures} />
            )}
          </li>
        );
      })}
    </ul>
  );
}
