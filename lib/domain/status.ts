// Status is computed from data and targets, never self-rated.
import { daysBetween, type IsoDate } from "./calendar/weeks";
import { dayWithYear, formatMeasure } from "./format";

export type Status = "green" | "amber" | "red" | "none";

export type Thresholds = { green: number; amber: number };

export const DEFAULT_THRESHOLDS: Thresholds = { green: 1, amber: 0.8 };

/** Attainment = actual ÷ target for the week; null when there is no positive target. */
export function attainment(actual: number, target: number | null | undefined): number | null {
  if (target == null || !(target > 0)) return null;
  return actual / target;
}

export function leadStatus(actual: number, target: number | null | undefined, t: Thresholds = DEFAULT_THRESHOLDS): Status {
  const a = attainment(actual, target);
  if (a == null) return "none";
  if (a >= t.green) return "green";
  if (a >= t.amber) return "amber";
  return "red";
}

export const STATUS_LABEL: Record<Status, string> = {
  green: "On target",
  amber: "Close",
  red: "Behind",
  none: "No target",
};

// ---------------------------------------------------------------------------------------------
// Lag measures: a goal "from X to Y by when". On track means the latest observation is at or
// beyond the straight-line path from the baseline to the target at the observation's date, in
// the measure's good direction. Direction drives every colour, arrow and word shown for a lag.

export type Direction = "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";

/** A lag's status: on track (green), off track (red), or none without an observation. */
export type LagStatus = "green" | "red" | "none";

export const LAG_STATUS_LABEL: Record<LagStatus, string> = {
  green: "On track",
  red: "Off track",
  none: "No data yet",
};

export const DIRECTION_LABEL: Record<Direction, string> = {
  HIGHER_IS_BETTER: "higher is better",
  LOWER_IS_BETTER: "lower is better",
};

export type DatedValue = { value: number; date: IsoDate };

/**
 * Where the straight line from baseline to target stands on `date`. Before the baseline the
 * path is the baseline (nothing was promised yet); after the deadline it stays at the target
 * (the goal does not keep moving).
 */
export function lagPathValue(baseline: DatedValue, target: DatedValue, date: IsoDate): number {
  const span = daysBetween(baseline.date, target.date);
  const elapsed = daysBetween(baseline.date, date);
  if (span <= 0) return elapsed < 0 ? baseline.value : target.value;
  if (elapsed <= 0) return baseline.value;
  if (elapsed >= span) return target.value;
  return baseline.value + ((target.value - baseline.value) * elapsed) / span;
}

export type LagGoal = {
  direction: Direction;
  baselineValue: number;
  baselineDate: IsoDate;
  targetValue: number;
  targetDate: IsoDate;
};

// Path values come from division; an observation typed in as exactly the path value must
// count as on the path, not a rounding error below it.
const PATH_TOLERANCE = 1e-9;

export function lagStatus(goal: LagGoal & { latest: DatedValue | null }): LagStatus {
  if (!goal.latest) return "none";
  const path = lagPathValue(
    { value: goal.baselineValue, date: goal.baselineDate },
    { value: goal.targetValue, date: goal.targetDate },
    goal.latest.date,
  );
  const slack = PATH_TOLERANCE * Math.max(1, Math.abs(path));
  const onTrack =
    goal.direction === "LOWER_IS_BETTER" ? goal.latest.value <= path + slack : goal.latest.value >= path - slack;
  return onTrack ? "green" : "red";
}

export type LagChange = {
  /** Which way the value moved: the arrow shows movement, the word and colour show meaning. */
  arrow: "↑" | "↓" | "→";
  word: "improving" | "worsening" | "unchanged";
  /** The colour class of the change: a drop is green for a lower-is-better measure. */
  tone: "green" | "red" | "none";
};

/** The move from one value to another, read in the measure's direction. */
export function lagChange(direction: Direction, from: number, to: number): LagChange {
  if (to === from) return { arrow: "→", word: "unchanged", tone: "none" };
  const up = to > from;
  const better = direction === "LOWER_IS_BETTER" ? !up : up;
  return { arrow: up ? "↑" : "↓", word: better ? "improving" : "worsening", tone: better ? "green" : "red" };
}

/** "from 26 hours to 18 hours by 31 May 2027": the goal as 4DX writes it. */
export function lagGoalText(
  goal: Pick<LagGoal, "baselineValue" | "targetValue" | "targetDate"> & { unit: string },
  locale = "en-US",
): string {
  return `from ${formatMeasure(goal.baselineValue, goal.unit, locale)} to ${formatMeasure(goal.targetValue, goal.unit, locale)} by ${dayWithYear(goal.targetDate, locale)}`;
}
