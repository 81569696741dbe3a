import "server-only";
// A team's lead entries in a date range, newest first, one page at a time, for the team
// drill-down. Pages are keyed on (entryDate, createdAt, id) instead of an offset, so a deep page
// costs what the first does (the (organizationId, teamId, entryDate) index serves the range)
// and entries logged while someone pages are neither skipped nor shown twice.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { addDays, type IsoDate } from "@/lib/domain/calendar/weeks";
import type { EntrySource } from "@/lib/generated/prisma/enums";
import { encodeKeysetCursor, type KeysetCursor } from "./cursor";

export const ENTRIES_PAGE = 50;

export type TeamRangeEntry = {
  id: string;
  entryDate: IsoDate;
  userId: string;
  personName: string;
  measureName: string;
  unit: string;
  value: number;
  note: string;
  source: EntrySource;
  createdAt: string;
  /** Who typed it in; null when unknown (an API token without a person, seeded data). */
  createdById: string | null;
  createdByName: string | null;
};

export async function teamEntriesInRange(
  db: Db,
  params: {
    organizationId: string;
    teamId: string;
    /** First and last day, inclusive. */
    from: IsoDate;
    to: IsoDate;
    after?: KeysetCursor | null;
    limit?: number;
  },
): Promise<{ entries: TeamRangeEntry[]; total: number; nextCursor: string | null }> {
  const { organizationId, teamId, from, to } = params;
  const limit = params.limit ?? ENTRIES_PAGE;
  const range = Prisma.sql`
       e."organizationId" = ${organizationId}::uuid
   AND e."teamId" = ${teamId}::uuid
   AND e."entryDate" >= ${from}::date
   AND e."entryDate" < ${addDays(to, 1)}::date`;
  const after = params.after
    ? Prisma.sql`AND (e."entryDate", e."createdAt", e.id) < (${params.after.date}::date, ${params.after.createdAt}::timestamp, ${params.after.id}::uuid)`
    : Prisma.empty;
  const [rows, counted] = await Promise.all([
    db.$queryRaw<(Omit<TeamRangeEntry, "createdAt"> & { createdAt: Date })[]>(Prisma.sql`
      SELECT e.id, to_char(e."entryDate", 'YYYY-MM-DD') AS "entryDate", e."userId", person.name AS "personName",
             m.name AS "measureName", m.unit, e.value::float8 AS value, e.note, e.source::text AS source,
             e."createdAt", e."createdById", creator.name AS "createdByName"
        FROM "LeadEntry" e
        JOIN "LeadMeasure" m ON m."organizationId" = e."organizationId" AND m.id = e."leadMeasureId"
        JOIN "User" person ON person.id = e."userId"
        LEFT JOIN "User" creator ON creator.id = e."createdById"
       WHERE ${range}
         ${after}
       ORDER BY e."entryDate" DESC, e."createdAt" DESC, e.id DESC
       LIMIT ${limit + 1}`),
    db.$queryRaw<{ total: number }[]>(Prisma.sql`SELECT count(*)::int AS total FROM "LeadEntry" e WHERE ${range}`),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    entries: page.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    total: counted[0]?.total ?? 0,
    nextCursor:
      rows.length > limit && last ? encodeKeysetCursor({ date: last.entryDate, createdAt: last.createdAt.toISOString(), id: last.id }) : null,
  };
}
