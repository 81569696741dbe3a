// Dated targets: a target applies from its week on until the next change, so history keeps
// the targets that were in force at the time.
import type { IsoDate } from "../calendar/weeks";

/** The first day of the target every assignment starts with. */
export const TARGET_EPOCH: IsoDate = "2000-01-01";

export type DatedTarget = { effectiveFrom: IsoDate; weeklyTarget: number; personWeeklyTarget: number | null };

/** The target in force in the week starting `weekStart`, or null before the first one. */
export function targetForWeek<T extends DatedTarget>(targets: readonly T[], weekStart: IsoDate): T | null {
  let best: T | null = null;
  for (const t of targets) {
    if (t.effectiveFrom <= weekStart && (!best || t.effectiveFrom > best.effectiveFrom)) best = t;
  }
  return best;
}
