// The teams that need attention, each with its reasons in plain words (lib/domain/risk.ts).
import Link from "next/link";
import type { TeamLine } from "@/lib/views/dashboard";
import { CHECK_IN_WINDOW, MISSED_CHECK_INS, RED_STREAK_WEEKS } from "@/lib/domain/risk";
import styles from "./dashboard.module.css";

export function AtRiskList({ lines, teamHref }: { lines: TeamLine[]; teamHref: (teamId: string) => string }) {
  const atRisk = lines
    .filter((l) => l.reasons.length > 0)
    .sort((a, b) => b.reasons.length - a.reasons.length || a.teamName.localeCompare(b.teamName));
  return (
    <>
      {atRisk.length === 0 ? (
        <p className="empty">No team is at risk: no red lead streak, no missed check-ins, no lag off its path.</p>
      ) : (
        <ul className={styles.risks} data-testid="at-risk">
          {atRisk.map((l) => (
            <li key={l.teamId}>
              <Link href={teamHref(l.teamId)}>
                <strong>{l.teamName}</strong>
              </Link>
              <ul>
                {l.reasons.map((r) => (
                  <li key={r.kind}>{r.text}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <p className={`muted ${styles.note}`}>
        A team is at risk when its lead attainment was red {RED_STREAK_WEEKS} or more full weeks running, when it missed{" "}
        {MISSED_CHECK_INS} or more of the last {CHECK_IN_WINDOW} weekly check-ins, or when a lag measure it answers for is off the
        path to its target.
      </p>
    </>
  );
}
