// The teams that need attention, each with its reasons in plain words (lib/domain/risk.ts).
import Link from "@/app/_components/Link";
import type { TeamLine } from "@/lib/views/dashboard";
import { CHECK_IN_WINDOW, MISSED_CHECK_INS, RED_STREAK_WEEKS } from "@/lib/domain/risk";
import styles from "./dashboard.module.css";

/** Teams listed; the rest are counted (a large organization can have dozens at risk). */
export const AT_RISK_SHOWN = 10;

/** `atRisk`: every team at risk, most reasons first. */
export function AtRiskList({ atRisk, teamHref, worstFirstHref }: { atRisk: TeamLine[]; teamHref: (teamId: string) => string; worstFirstHref: string }) {
  const more = atRisk.length - AT_RISK_SHOWN;
  return (
    <>
      {atRisk.length === 0 ? (
        <p className="empty">No team is at risk: no red lead streak, no missed check-ins, no lag off its path.</p>
      ) : (
        <ul className={styles.risks} data-testid="at-risk">
          {atRisk.slice(0, AT_RISK_SHOWN).map((l) => (
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
      {more > 0 ? (
        <p data-testid="at-risk-more">
          And {more} more {more === 1 ? "team" : "teams"} at risk: <Link href={worstFirstHref}>see the teams by execution score, lowest first</Link>.
        </p>
      ) : null}
      <p className={`muted ${styles.note}`}>
        A team is at risk when its lead attainment was red {RED_STREAK_WEEKS} or more full weeks running, when it missed{" "}
        {MISSED_CHECK_INS} or more of the last {CHECK_IN_WINDOW} weekly check-ins, or when a lag measure it answers for is off the
        path to its target.
      </p>
    </>
  );
}
