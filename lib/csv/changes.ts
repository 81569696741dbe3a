// What an import will do to what is already there, row by row: write a new entry (creates),
// replace an earlier one with a different value or note (replaces), or write what is already
// there (unchanged). The preview says it before the commit; the commit reports the same counts.

/** A row that replaces an earlier value, as the preview lists it ("Tier 1 · Coaching conversations · Tue 3 Nov: 2 → 3"). */
export type ReplacedRow = {
  /** The file's row (the header is row 1). */
  row: number;
  /** Whose entry (lead entries); null for lag results. */
  person: string | null;
  /** The team; null for an organization-wide lag result. */
  team: string | null;
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
  return rows.map((r) => ({ ...r, before: Number(r.before), after: Number(r.after) }));
}
