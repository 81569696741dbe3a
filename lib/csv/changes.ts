// What an import will do to what is already there, row by row: write a new entry (creates),
// replace an earlier one with a different value, note or team (replaces), or write what is
// already there (unchanged). The preview says it before the commit; the commit reports the same
// counts. A lead entry's cell is a person's measure on a day, whatever the team: a row for that
// cell under another team replaces the entry there and moves it to the row's team, so the
// preview names both teams ("2 (Tier 1) → 2 (Tier 2)"), not "2 → 2".
import { formatDay, formatNumber } from "@/lib/domain/format";

/** A row that replaces an earlier value, as the preview lists it ("Tier 1 · Coaching conversations · Tue 3 Nov: 2 → 3"). */
export type ReplacedRow = {
  /** The file's row (the header is row 1). */
  row: number;
  /** Whose entry (lead entries); null for lag results. */
  person: string | null;
  /** The team; null for an organization-wide lag result. */
  team: string | null;
  /**
   * The team (or teams, comma-separated) the earlier entries are in, when the row moves them to
   * `team`; null when the team stays (always for lag results, whose team is part of the key).
   */
  teamBefore: string | null;
  measure: string;
  date: string;
  before: number;
  after: number;
  /** The note changes too (or alone, when before equals after). */
  noteChanged: boolean;
};

export type ImportChanges = { creates: number; replaces: number; unchanged: number; replaced: ReplacedRow[] };

/** Replaced rows the preview lists; the counts cover all of them. */
export const LISTED_REPLACEMENTS = 5;

/** A JSON aggregate arrives parsed from PostgreSQL and as text from some drivers. */
export function replacedRowsOf(json: unknown): ReplacedRow[] {
  const rows = (typeof json === "string" ? JSON.parse(json) : (json ?? [])) as ReplacedRow[];
  return rows.map((r) => ({ ...r, teamBefore: r.teamBefore ?? null, before: Number(r.before), after: Number(r.after) }));
}

/**
 * A replaced row as the preview lists it: "Sam Taylor · Tier 1 · Coaching conversations · Tue
 * 3 Nov: 2 → 3", and when the entry moves to another team, both teams beside the values:
 * "Sam Taylor · Coaching conversations · Tue 3 Nov: 2 (Tier 1) → 2 (Tier 2)".
 */
export function replacedRowLabel(r: ReplacedRow, locale: string): string {
  const n = (v: number) => formatNumber(v, locale);
  const moves = r.teamBefore !== null;
  const where = [r.person, moves ? null : r.team, r.measure, formatDay(r.date, locale)].filter(Boolean).join(" · ");
  const change = moves ? `${n(r.before)} (${r.teamBefore}) → ${n(r.after)} (${r.team})` : `${n(r.before)} → ${n(r.after)}`;
  return `${where}: ${change}${r.noteChanged ? " (new note)" : ""}`;
}
