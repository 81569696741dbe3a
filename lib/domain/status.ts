// Status is computed from data and targets, never self-rated.

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
