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

const commitmentsWord = (n: number) => (n === 1 ? "commitment" : "commitments");

/** A person's line when folded: "2 commitments to review", "1 of 2 still to review", "1 of 2 kept, 1 partly". */
function reviewSummary(own: CommitmentItem[]): string {
  const n = own.length;
  const count = (status: CommitmentStatus) => own.filter((c) => c.status === status).length;
  const open = count("OPEN");
  if (open === n) return `${n} ${commitmentsWord(n)} to review`;
  if (open > 0) return `${open} of ${n} still to review`;
  const partly = count("PARTIAL");
  return `${count("DONE")} of ${n} kept${partly ? `, ${partly} partly` : ""}`;
}

/**
 * Last week's commitments, person by person, each with its review. Each person folds under one
 * line saying how many are left to review or how many were kept. One person is open: the first
 * with a commitment this viewer can still review. Reviewing their last one folds them and opens
 * the next, so the lead goes round the team with the keyboard without opening anything; everyone
 * else is a Tab and Enter away.
 */
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
  const ownBy = new Map(owners.map((userId) => [userId, commitments.filter((c) => c.userId === userId)]));
  const nextUp = owners.find((userId) => ownBy.get(userId)!.some((c) => c.status === "OPEN" && canReview(c)));
  return (
    <ul className={styles.people}>
      {owners.map((userId) => {
        const own = ownBy.get(userId)!;
        return (
          <li key={userId} data-testid={`review-person-${names.get(userId) ?? userId}`}>
            <details className={styles.fold} open={userId === nextUp}>
              <summary className={styles.foldSummary}>
                <h3>{names.get(userId) ?? "Former member"}</h3>{" "}
                <span className="muted" data-testid="review-summary">
                  {reviewSummary(own)}
                </span>
              </summary>
              <ul className={styles.commitments}>
                {own.map((c, i) => (
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
            </details>
          </li>
        );
      })}
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
        const canAdd = own.length < MAX_COMMITMENTS_PER_PERSON && canAddFor(p.userId);
        return (
          <li key={p.userId} data-testid={`new-commitments-${p.name}`}>
            <h3>{p.name}</h3>
            {own.length === 0 ? (
              // Where the form is shown, its "… will…" says as much.
              !canAdd && <p className="muted">No commitment yet.</p>
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
            {canAdd && (
              <AddCommitmentForm teamId={teamId} weekStart={weekStart} person={p} isSelf={p.userId === viewerId} measures={measures} />
            )}
          </li>
        );
      })}
    </ul>
  );
}
