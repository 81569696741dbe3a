import { formatShare, PARTIAL_CREDIT, type ExecutionScore } from "@/lib/domain/execution";
import { addDays, type IsoDate } from "@/lib/domain/calendar/weeks";
import { formatNumber, formatWeek } from "@/lib/domain/format";
import styles from "./checkIn.module.css";

type Props = { score: ExecutionScore & { firstWeek: IsoDate; lastWeek: IsoDate }; locale: string };

/** The cadence of accountability as one number and the three parts it is the mean of. */
export function ExecutionScoreCard({ score, locale }: Props) {
  const window = formatWeek({ start: score.firstWeek, end: addDays(score.lastWeek, 6) }, locale);
  const parts = [
    {
      key: "check-ins",
      label: "Check-ins held",
      ratio: score.checkIns.ratio,
      detail: `${score.checkIns.achieved} of ${score.checkIns.due} weeks`,
    },
    {
      key: "commitments",
      label: "Commitments kept",
      ratio: score.commitments.ratio,
      detail:
        score.commitments.due === 0
          ? "none due yet"
          : `${formatNumber(score.commitments.achieved, locale, 1)} of ${score.commitments.due}` +
            (score.commitments.unreviewed ? ` · ${score.commitments.unreviewed} never reviewed` : ""),
    },
    {
      key: "lead-targets",
      label: "Lead targets hit",
      ratio: score.leadTargets.ratio,
      detail: score.leadTargets.due === 0 ? "no targets due yet" : `${score.leadTargets.achieved} of ${score.leadTargets.due} measure-weeks`,
    },
  ];
  return (
    <>
      <p className={styles.bigScore} data-testid="score-combined">
        {formatShare(score.combined)}
      </p>
      <dl className={styles.parts}>
        {parts.map((p) => (
          <div key={p.key} data-testid={`score-${p.key}`}>
            <dt>{p.label}</dt>
            <dd>
              <strong data-testid="share">{formatShare(p.ratio)}</strong> <span className="muted">{p.detail}</span>
            </dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        Weeks of {window}. The score is the mean of the parts that have data. A partly done commitment counts{" "}
        {PARTIAL_CREDIT === 0.5 ? "half" : formatNumber(PARTIAL_CREDIT, locale, 1)}; this week counts once it is done or over.
      </p>
    </>
  );
}
