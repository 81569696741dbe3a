// A team's execution score: how well it keeps the cadence of accountability over a window of
// weeks. Three parts, each a share of what was due:
//   - check-ins held ÷ weeks,
//   - commitments kept ÷ commitments due, where a partly done commitment counts half (it was
//     neither kept nor broken; half is the plain middle and is what the score explains on screen),
//   - lead targets hit ÷ (measures × weeks), hit meaning green at the organization's threshold.
// The combined score is the mean of the parts that have data. A part with nothing due is
// "n/a", never zero: a team that made no commitments has not broken any.
//
// An unfinished week (the current one) is not held against the team before it is over: a
// check-in or a lead target counts once achieved, a commitment once reviewed, and everything
// counts in full when the week has ended.
import { leadStatus, type Thresholds } from "./status";
import { addDays, type IsoDate } from "./calendar/weeks";
import { formatShare as shareText } from "./format";

/** What a partly done commitment is worth, between not done (0) and done (1). */
export const PARTIAL_CREDIT = 0.5;

/** The window of the score: a quarter of weeks, like the scoreboard's trailing view. */
export const SCORE_WEEKS = 13;

export type CadenceWeek = {
  weekStart: IsoDate;
  /** The week is over. */
  ended: boolean;
  checkInHeld: boolean;
  /** The commitments made for this week, by their review status (open = not reviewed yet). */
  commitments: { done: number; partial: number; notDone: number; open: number };
  /** The team's lead measures with a positive target this week, and how many of them were green. */
  leads: LeadCounts;
};

export type LeadCounts = { withTarget: number; green: number };

/** Counts each measure's week (team total against target) as the score reads it; no target = not asked. */
export function leadCounts(leads: readonly { total: number; target: number | null }[], thresholds: Thresholds): LeadCounts {
  let withTarget = 0;
  let green = 0;
  for (const lead of leads) {
    const status = leadStatus(lead.total, lead.target, thresholds);
    if (status === "none") continue; // no target: nothing was asked
    withTarget++;
    if (status === "green") green++;
  }
  return { withTarget, green };
}

export type ScorePart = {
  /** What was achieved (commitments: kept, with partial credit). */
  achieved: number;
  /** What was due. */
  due: number;
  /** achieved ÷ due, or null ("n/a") when nothing was due. */
  ratio: number | null;
};

export type ExecutionScore = {
  weeks: number;
  checkIns: ScorePart;
  commitments: ScorePart & { unreviewed: number };
  leadTargets: ScorePart;
  /** Mean of the parts that have data; null when none has. */
  combined: number | null;
};

function part(achieved: number, due: number): ScorePart {
  return { achieved, due, ratio: due > 0 ? achieved / due : null };
}

export function executionScore(weeks: readonly CadenceWeek[]): ExecutionScore {
  let held = 0;
  let checkInsDue = 0;
  let kept = 0;
  let commitmentsDue = 0;
  let unreviewed = 0;
  let hit = 0;
  let leadsDue = 0;
  for (const w of weeks) {
    if (w.checkInHeld) held++;
    if (w.ended || w.checkInHeld) checkInsDue++;

    const c = w.commitments;
    const reviewed = c.done + c.partial + c.notDone;
    kept += c.done + PARTIAL_CREDIT * c.partial;
    commitmentsDue += w.ended ? reviewed + c.open : reviewed;
    if (w.ended) unreviewed += c.open;

    // A measure that missed its target in a running week is not due yet; one already hit counts.
    hit += w.leads.green;
    leadsDue += w.ended ? w.leads.withTarget : w.leads.green;
  }
  const checkIns = part(held, checkInsDue);
  const commitments = { ...part(kept, commitmentsDue), unreviewed };
  const leadTargets = part(hit, leadsDue);
  const ratios = [checkIns.ratio, commitments.ratio, leadTargets.ratio].filter((r): r is number => r != null);
  return {
    weeks: weeks.length,
    checkIns,
    commitments,
    leadTargets,
    combined: ratios.length ? ratios.reduce((s, r) => s + r, 0) / ratios.length : null,
  };
}

/**
 * The weeks the score of a check-in covers: SCORE_WEEKS weeks ending with the check-in's week,
 * but none before the team's first week (a new team is not blamed for weeks it did not exist).
 */
export function scoreWindow(
  checkInWeek: IsoDate,
  teamFirstWeek: IsoDate,
  weeks: number = SCORE_WEEKS,
): { firstWeek: IsoDate; lastWeek: IsoDate } {
  const earliest = addDays(checkInWeek, -7 * (weeks - 1));
  const first = teamFirstWeek > earliest ? teamFirstWeek : earliest;
  return { firstWeek: first > checkInWeek ? checkInWeek : first, lastWeek: checkInWeek };
}

/** "62%" or "n/a". */
export function formatShare(ratio: number | null): string {
  return ratio == null ? "n/a" : shareText(ratio, "en-US");
}
