import "server-only";
// The rows of the two CSV exports, aggregated in SQL and tenant-scoped: exactly the columns the
// importer reads, one row per natural key, so an exported file imports back unchanged.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { IsoDate } from "@/lib/domain/calendar/weeks";

export type LeadExportRow = { email: string; team: string; measure: string; date: IsoDate; value: number; note: string };

const range = (column: Prisma.Sql, from: IsoDate | null, to: IsoDate | null) =>
  Prisma.sql`${from ? Prisma.sql`AND ${column} >= ${from}::date` : Prisma.empty} ${to ? Prisma.sql`AND ${column} <= ${to}::date` : Prisma.empty}`;

/** First and last day with lead entries in the range (null when there are none). */
export async function leadEntryDateSpan(
  db: Db,
  p: { organizationId: string; from: IsoDate | null; to: IsoDate | null; teamId: string | null },
): Promise<{ first: IsoDate; last: IsoDate } | null> {
  const [row] = await db.$queryRaw<{ first: string | null; last: string | null }[]>(Prisma.sql`
    SELECT to_char(min(e."entryDate"), 'YYYY-MM-DD') AS first, to_char(max(e."entryDate"), 'YYYY-MM-DD') AS last
      FROM "LeadEntry" e
     WHERE e."organizationId" = ${p.organizationId}::uuid
       ${p.teamId ? Prisma.sql`AND e."teamId" = ${p.teamId}::uuid` : Prisma.empty}
       ${range(Prisma.sql`e."entryDate"`, p.from, p.to)}`);
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}

/**
 * One row per person, lead measure and day in [from, to], with the day's entries summed and
 * their notes joined (cut to the 500 characters import accepts). A person who logged the same
 * measure on the same day for two teams gets one row under the team whose name sorts first —
 * the importer, like the quick grid, treats person × measure × day as one cell.
 */
export function leadEntriesForExport(
  db: Db,
  p: { organizationId: string; from: IsoDate; to: IsoDate; teamId: string | null },
): Promise<LeadExportRow[]> {
  return db.$queryRaw<LeadExportRow[]>(Prisma.sql`
    SELECT u.email,
           min(t.name) AS team,
           m.name AS measure,
           to_char(e."entryDate", 'YYYY-MM-DD') AS date,
           sum(e.value)::float8 AS value,
           btrim(left(coalesce(string_agg(nullif(btrim(e.note), ''), ' / ' ORDER BY e."createdAt", e.id), ''), 500)) AS note
      FROM "LeadEntry" e
      JOIN "User" u ON u.id = e."userId"
      JOIN "Team" t ON t."organizationId" = e."organizationId" AND t.id = e."teamId"
      JOIN "LeadMeasure" m ON m."organizationId" = e."organizationId" AND m.id = e."leadMeasureId"
     WHERE e."organizationId" = ${p.organizationId}::uuid
       ${p.teamId ? Prisma.sql`AND e."teamId" = ${p.teamId}::uuid` : Prisma.empty}
       AND e."entryDate" >= ${p.from}::date AND e."entryDate" <= ${p.to}::date
     GROUP BY e."entryDate", u.email, m.name
     ORDER BY e."entryDate", u.email, m.name`);
}

export type LagExportRow = { measure: string; team: string; date: IsoDate; value: number; note: string };

/**
 * One row per lag measure, team (empty = organization-wide) and date. Results are replaced on
 * import, so a key holds one value; should older data hold several, the latest recorded wins
 * (summing CSAT readings would be meaningless).
 */
export function lagObservationsForExport(
  db: Db,
  p: { organizationId: string; from: IsoDate | null; to: IsoDate | null; teamId: string | null },
): Promise<LagExportRow[]> {
  return db.$queryRaw<LagExportRow[]>(Prisma.sql`
    SELECT measure, team, date, value, note FROM (
      SELECT DISTINCT ON (o."lagMeasureId", o."teamId", o."observedOn")
             m.name AS measure,
             coalesce(t.name, '') AS team,
             to_char(o."observedOn", 'YYYY-MM-DD') AS date,
             o.value::float8 AS value,
             btrim(o.note) AS note
        FROM "LagObservation" o
        JOIN "LagMeasure" m ON m."organizationId" = o."organizationId" AND m.id = o."lagMeasureId"
        LEFT JOIN "Team" t ON t."organizationId" = o."organizationId" AND t.id = o."teamId"
       WHERE o."organizationId" = ${p.organizationId}::uuid
         ${p.teamId ? Prisma.sql`AND o."teamId" = ${p.teamId}::uuid` : Prisma.empty}
         ${range(Prisma.sql`o."observedOn"`, p.from, p.to)}
       ORDER BY o."lagMeasureId", o."teamId", o."observedOn", o."createdAt" DESC, o.id DESC
    ) latest
    ORDER BY date, measure, team`);
}
