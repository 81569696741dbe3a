import "server-only";
// What writing these lead cells would change, for an import's preview and its commit: per cell
// (person, measure, day), none there yet (creates), the same total, note and team already there
// (unchanged: the export's rule for a cell, so an exported file imports back unchanged), or
// anything else (replaces). The cell is keyed without its team: a row for another team replaces
// the cell's entries and moves them, so a listed row names the team(s) they were in
// (teamBefore). Counted in one statement, with the first replaced rows named.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { IsoDate } from "@/lib/domain/calendar/weeks";
import { LISTED_REPLACEMENTS, replacedRowsOf, type ImportChanges } from "@/lib/csv/changes";

type Tx = Db | Prisma.TransactionClient;

/**
 * The cells as lib/services/leadCellBatch.ts numbers them (each key once; ids in small arrays,
 * each cell's positions in them), with each cell's value, note and the file row it came from.
 */
export type LeadCellsToWrite = {
  users: string[];
  measures: string[];
  teams: string[];
  firstDay: IsoDate;
  user: ArrayLike<number>;
  measure: ArrayLike<number>;
  team: ArrayLike<number>;
  day: ArrayLike<number>;
  values: ArrayLike<number>;
  notes: readonly string[];
  rows: ArrayLike<number>;
};

const joined = (column: ArrayLike<number>) => Array.prototype.join.call(column, ",");

export async function leadCellChanges(db: Tx, organizationId: string, c: LeadCellsToWrite): Promise<ImportChanges> {
  const total = c.user.length;
  if (total === 0) return { creates: 0, replaces: 0, unchanged: 0, replaced: [] };
  let lastDay = 0;
  for (let k = 0; k < total; k++) lastDay = Math.max(lastDay, c.day[k]!);
  const [row] = await db.$queryRaw<{ replaces: number; unchanged: number; first: unknown }[]>(Prisma.sql`
    WITH k AS (
      SELECT (${c.users}::uuid[])[k.u] AS user_id, (${c.measures}::uuid[])[k.m] AS measure_id, (${c.teams}::uuid[])[k.t] AS team_id,
             ${c.firstDay}::date + k.d AS entry_date, k.value, coalesce(k.note, '') AS note, k.row
        FROM unnest(string_to_array(${joined(c.user)}, ',')::int4[],
                    string_to_array(${joined(c.measure)}, ',')::int4[],
                    string_to_array(${joined(c.team)}, ',')::int4[],
                    string_to_array(${joined(c.day)}, ',')::int4[],
                    string_to_array(${joined(c.values)}, ',')::float8[],
                    ${c.notes.some(Boolean) ? [...c.notes] : []}::text[],
                    string_to_array(${joined(c.rows)}, ',')::int4[]) AS k(u, m, t, d, value, note, row)
    ), held AS MATERIALIZED (
      SELECT k.row, k.user_id, k.measure_id, k.team_id, k.entry_date, k.value,
             sum(e.value)::float8 AS before,
             btrim(left(coalesce(string_agg(nullif(btrim(e.note), ''), ' / ' ORDER BY e."createdAt", e.id), ''), 500)) <> btrim(k.note) AS note_changed,
             bool_and(e."teamId" = k.team_id) AS same_team
        FROM k
        JOIN "LeadEntry" e
          ON e."organizationId" = ${organizationId}::uuid
         AND e."entryDate" BETWEEN ${c.firstDay}::date AND ${c.firstDay}::date + ${lastDay}::int
         AND e."userId" = k.user_id AND e."leadMeasureId" = k.measure_id AND e."entryDate" = k.entry_date
       GROUP BY k.row, k.user_id, k.measure_id, k.team_id, k.entry_date, k.value, k.note
    ), changed AS MATERIALIZED (
      SELECT held.*, (before <> value OR note_changed OR NOT same_team) AS replaces FROM held
    )
    SELECT (SELECT count(*) FROM changed WHERE replaces)::int AS replaces,
           (SELECT count(*) FROM changed WHERE NOT replaces)::int AS unchanged,
           -- The team(s) a listed row moves entries from are looked up for those few rows only.
           (SELECT coalesce(json_agg(json_build_object('row', f.row, 'person', f.person, 'team', f.team, 'teamBefore',
                     CASE WHEN f.same_team THEN NULL ELSE
                       (SELECT string_agg(DISTINCT bt.name, ', ' ORDER BY bt.name)
                          FROM "LeadEntry" be
                          JOIN "Team" bt ON bt."organizationId" = be."organizationId" AND bt.id = be."teamId"
                         WHERE be."organizationId" = ${organizationId}::uuid AND be."userId" = f.user_id
                           AND be."leadMeasureId" = f.measure_id AND be."entryDate" = f.entry_date) END,
                     'measure', f.measure, 'date', to_char(f.entry_date, 'YYYY-MM-DD'), 'before', f.before, 'after', f.value,
                     'noteChanged', f.note_changed) ORDER BY f.row), '[]'::json) FROM (
              SELECT c.row, c.user_id, c.measure_id, c.entry_date, c.same_team, coalesce(nullif(u.name, ''), u.email) AS person,
                     t.name AS team, m.name AS measure, c.before, c.value, c.note_changed
                FROM changed c
                JOIN "User" u ON u.id = c.user_id
                JOIN "Team" t ON t."organizationId" = ${organizationId}::uuid AND t.id = c.team_id
                JOIN "LeadMeasure" m ON m."organizationId" = ${organizationId}::uuid AND m.id = c.measure_id
               WHERE c.replaces
               ORDER BY c.row
               LIMIT ${LISTED_REPLACEMENTS}) f) AS first`);
  const replaces = row?.replaces ?? 0;
  const unchanged = row?.unchanged ?? 0;
  return { creates: total - replaces - unchanged, replaces, unchanged, replaced: replacedRowsOf(row?.first) };
}
