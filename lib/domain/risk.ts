// Which teams need a manager's attention, and why, in plain words. Three rules, each about
// something the team can act on this week:
//   - a red lead streak: the team's lead attainment was red (below the amber threshold) in the
//     last RED_STREAK_WEEKS ended weeks or more, running up to now — one bad week is noise,
//     two in a row is a pattern;
//   - missed check-ins: at least MISSED_CHECK_INS of the last CHECK_IN_WINDOW ended weeks passed
//     without the weekly check-in — the cadence of accountability has stopped;
//   - a lag off its path: a lag measure the team answers for is behind the straight line from
//     its baseline to its target (direction-aware, see lagStatus).
// Unfinished weeks never count against a team: the caller passes ended weeks only.
import { listText } from "./lists";
import { leadStatus, type LagStatus, type Status, type Thresholds } from "./status";
import type { IsoDate } from "./calendar/weeks";

/**
 * A team's lead attainment in a week is the mean over its measures of actual ÷ target, each
 * capped at this share: one measure at 300% must not hide another at 20% (uncapped, their mean
 * of 160% would read as green). 1.5 still rewards beating a target by half.
 */
export const ATTAINMENT_CAP = 1.5;

export const RED_STREAK_WEEKS = 2;
export const CHECK_IN_WINDOW = 4;
export const MISSED_CHECK_INS = 2;

/** The colour of a team's (capped, combined) attainment, at the organization's thresholds. */
export function attainmentStatus(attainment: number | null, thresholds: Thresholds): Status {
  return attainment == null ? "none" : leadStatus(attainment, 1, thresholds);
}

/**
 * How many weeks in a row, ending with the latest, the attainment was red. A week without a
 * target asked nothing of the team, so it ends a streak rather than extending it.
 */
export function redStreak(weeks: readonly { attainment: number | null }[], thresholds: Thresholds): number {
  let n = 0;
  for (let i = weeks.length - 1; i >= 0; i--) {
    if (attainmentStatus(weeks[i]!.attainment, thresholds) !== "red") break;
    n++;
  }
  return n;
}

export type RiskInput = {
  /** The team's ended weeks, oldest first, with its combined lead attainment (null: no target). */
  leadWeeks: readonly { weekStart: IsoDate; attainment: number | null }[];
  /** Check-ins over the last CHECK_IN_WINDOW ended weeks the team existed. */
  checkIns: { held: number; due: number };
  /** The lag measures the team answers for, with their status. */
  lags: readonly { name: string; status: LagStatus }[];
};

export type RiskKind = "red-streak" | "missed-check-ins" | "lag-off-path";
export type RiskReason = { kind: RiskKind; text: string };

const pct = (share: number) => `${Math.round(share * 100)}%`;


/** The reasons a team is at risk; empty when it is not. */
export function riskReasons(input: RiskInput, thresholds: Thresholds): RiskReason[] {
  const reasons: RiskReason[] = [];
  const streak = redStreak(input.leadWeeks, thresholds);
  if (streak >= RED_STREAK_WEEKS) {
    reasons.push({
      kind: "red-streak",
      text: `Lead measures behind target ${streak} weeks running (below ${pct(thresholds.amber)} of target).`,
    });
  }
  const missed = input.checkIns.due - input.checkIns.held;
  if (missed >= MISSED_CHECK_INS) {
    reasons.push({
      kind: "missed-check-ins",
      text: `Missed ${missed} of the last ${input.checkIns.due} weekly check-ins.`,
    });
  }
  const off = input.lags.filter((l) => l.status === "red").map((l) => l.name);
  if (off.length) {
    reasons.push({
      kind: "lag-off-path",
      text: `${listText(off)} ${off.length === 1 ? "is" : "are"} off the path to target.`,
    });
  }
  return reasons;
}
