import "server-only";
// What recording these lag results would change, for an import's preview and its commit: per
// key (measure, team, date), no result yet (creates), the same value and note (unchanged), or
// another (replaces). Counted in one statement, with the first replaced rows named.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { LISTED_REPLACEMENTS, replacedRowsOf, type ImportChanges } from "@/lib/csv/changes";

type Tx = Db | Prisma.TransactionClient;

export type LagResultToWrite = { lagMeasureId: string; teamId: string | null; observedOn: string; value: number; note?: string; row: number };

export async function lagObservationChanges(db: Tx, organizationId: string, rows: readonly LagResultToWrite[]): Promise<ImportChanges> {
  if (rows.length === 0) return { creates: 0, replaces: 0, unchanged: 0, replaced: [] };
  const [row] = await db.$queryRaw<{ replaces: number; unchanged: number; first: unknown }[]>(Prisma.sql`
    WITH changed AS MATERIALIZED (
      SELECT k.row, k.measure_id, o."teamId" AS team_id, k.observed_on, o.value::float8 AS before, k.value AS after,
             o.note <> k.note AS note_changed, (o.value <> k.value OR o.note <> k.note) AS replaces
        FROM unnest(${rows.map((r) => r.lagMeasureId)}::uuid[], ${rows.map((r) => r.teamId ?? "")}::text[], ${rows.map((r) => r.observedOn)}::date[],
                    ${rows.map((r) => r.value)}::float8[], ${rows.map((r) => r.note ?? "")}::text[], ${rows.map((r) => r.row)}::int4[])
             AS k(measure_id, team_id, observed_on, value, note, row)
        JOIN "LagObservation" o
          ON o."organizationId" = ${organizationId}::uuid AND o."lagMeasureId" = k.measure_id
         AND o."teamId" IS NOT DISTINCT FROM nullif(k.team_id, '')::uuid AND o."observedOn" = k.observed_on
    )
    SELECT (SELECT count(*) FROM changed WHERE replaces)::int AS replaces,
           (SELECT count(*) FROM changed WHERE NOT replaces)::int AS unchanged,
           (SELECT coalesce(json_agg(f ORDER BY f.row), '[]'::json) FROM (
              SELECT c.row, NULL AS person, t.name AS team, NULL AS "teamBefore", m.name AS measure, to_char(c.observed_on, 'YYYY-MM-DD') AS date,
                     c.before, c.after, c.note_changed AS "noteChanged"
                FROM changed c
                JOIN "LagMeasure" m ON m."organizationId" = ${organizationId}::uuid AND m.id = c.measure_id
                LEFT JOIN "Team" t ON t."organizationId" = ${organizationId}::uuid AND t.id = c.team_id
               WHERE c.replaces
               ORDER BY c.row
               LIMIT ${LISTED_REPLACEMENTS}) f) AS first`);
  const replaces = row?.replaces ?? 0;
  const unchanged = row?.unchanged ?? 0;
  return { creates: rows.length - replaces - unchanged, replaces, unchanged, replaced: replacedRowsOf(row?.first) };
}
