// How the narrative words a change: in percentage points between two shares, or in a lag
// measure's own unit. Execution and the change since last quarter word attainment in points;
// results and recommendations word a lag measure's movement and its gap to the path.
import { DASH } from "@/lib/domain/format";
import type { Writer } from "./format";

/** Change in percentage points between two shares, signed ("+12 points"). */
export function pointsText(w: Writer, now: number | null, before: number | null): string {
  if (now == null || before == null) return DASH;
  const d = Math.round((now - before) * 1000) / 10;
  return d === 0 ? "no change" : `${d > 0 ? "+" : "−"}${w.num(Math.abs(d), 1)} points`;
}

/** A change of a lag measure in its unit; percentages move by points ("1 point", "2.5 points"). */
export function changeText(w: Writer, amount: number, unit: string): string {
  if (unit !== "%") return w.measure(amount, unit);
  const shown = w.num(amount, 1);
  return `${shown} ${shown === w.num(1, 1) ? "point" : "points"}`;
}
