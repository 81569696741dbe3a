import "server-only";
// A lag measure's observations in a date range, newest first, a page at a time, with how many
// came from each source (typed in, CSV import, API, demo seed) — the lag drill-down, where a
// manager checks where the numbers behind a trend came from. Keyset pages on
// (observedOn, createdAt, id), served by the (organizationId, lagMeasureId, observedOn) index.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { addDays, type IsoDate } from "@/lib/domain/calendar/weeks";
import type { EntrySource } from "@/lib/generated/prisma/enums";
import { encodeKeysetCursor, type KeysetCursor } from "./cursor";

export const OBSERVATIONS_PAGE = 50;

export type LagRangeObservation = {
  id: string;
  observedOn: IsoDate;
  /** Null for an organization-wide value. */
  teamId: string | null;
  teamName: string | null;
  value: number;
  note: string;
  source: EntrySource;
  createdAt: string;
  /** Who recorded it; null when unknown (an API token without a person, seeded data). */
  createdByName: string | null;
};

export type SourceCounts = Record<EntrySource, number>;

export async function lagObservationsInRange(
  db: Db,
  params: {
    organizationId: string;
    lagMeasureId: string;
    /** First and last day, inclusive. */
    from: IsoDate;
    to: IsoDate;
    /** Only these teams' values; empty = every value, organization-wide ones included. */
    teamIds?: string[];
    after?: KeysetCursor | null;
    limit?: number;
  },
): Promise<{ observations: LagRangeObservation[]; total: number; bySource: SourceCounts; nextCursor: string | null }> {
  const { organizationId, lagMeasureId, from, to } = params;
  const limit = params.limit ?? OBSERVATIONS_PAGE;
  const teams = params.teamIds?.length
    ? Prisma.sql`AND o."teamId" IN (${Prisma.join(params.teamIds.map((id) => Prisma.sql`${id}::uuid`))})`
    : Prisma.empty;
  const range = Prisma.sql`
       o."organizationId" = ${organizationId}::uuid
   AND o."lagMeasureId" = ${lagMeasureId}::uuid
   AND o."observedOn" >= ${from}::date
   AND o."observedOn" < ${addDays(to, 1)}::date
   ${teams}`;
  const after = params.after
    ? Prisma.sql`AND (o."observedOn", o."createdAt", o.id) < (${params.after.date}::date, ${params.after.createdAt}::timestamp, ${params.after.id}::uuid)`
    : Prisma.empty;
  const [rows, counted] = await Promise.all([
    db.$queryRaw<(Omit<LagRangeObservation, "createdAt"> & { createdAt: Date })[]>(Prisma.sql`
      SELECT o.id, to_char(o."observedOn", 'YYYY-MM-DD') AS "observedOn", o."teamId", t.name AS "teamName",
             o.value::float8 AS value, o.note, o.source::text AS source, o."createdAt", creator.name AS "createdByName"
        FROM "LagObservation" o
        LEFT JOIN "Team" t ON t."organizationId" = o."organizationId" AND t.id = o."teamId"
        LEFT JOIN "User" creator ON creator.id = o."createdById"
       WHERE ${range}
         ${after}
       ORDER BY o."observedOn" DESC, o."createdAt" DESC, o.id DESC
       LIMIT ${limit + 1}`),
    db.$queryRaw<{ source: EntrySource; count: number }[]>(Prisma.sql`
      SELECT o.source::text AS source, count(*)::int AS count
        FROM "LagObservation" o
       WHERE ${range}
       GROUP BY o.source`),
  ]);
  const bySource: SourceCounts = { MANUAL: 0, CSV: 0, API: 0, SEED: 0 };
  for (const c of counted) bySource[c.source] = c.count;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    observations: page.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    total: Object.values(bySource).reduce((s, n) => s + n, 0),
    bySource,
    nextCursor:
      rows.length > limit && last
        ? encodeKeysetCursor({ date: last.observedOn, createdAt: last.createdAt.toISOString(), id: last.id })
        : null,
  };
}
