import "server-only";
// The organization's audit trail, newest first, a page at a time: keyset on (createdAt, id), so
// events written while someone pages through are neither skipped nor repeated. Filters: who
// acted, which kinds of record, and a range of days in the organization's time zone (turned
// into instants in SQL, so the (organizationId, createdAt) index still serves).
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { IsoDate } from "@/lib/domain/calendar/weeks";
import type { InstantIdCursor } from "./cursor";

export type AuditRow = {
  id: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  createdAt: Date;
};

export type AuditFilter = {
  organizationId: string;
  timeZone: string;
  actorId?: string;
  entityTypes?: readonly string[];
  from?: IsoDate;
  to?: IsoDate;
  after?: InstantIdCursor;
  limit: number;
};

/** Up to `limit + 1` events: one more than asked tells the caller another page follows. */
export function auditTrail(db: Db, f: AuditFilter): Promise<AuditRow[]> {
  // A day starts at local midnight in the organization's zone; createdAt is kept in UTC.
  const localMidnight = (day: IsoDate, plusDays: number) =>
    Prisma.sql`((${day}::date + ${plusDays}::int)::timestamp AT TIME ZONE ${f.timeZone}) AT TIME ZONE 'UTC'`;
  return db.$queryRaw<AuditRow[]>(Prisma.sql`
    SELECT id, "actorId", action, "entityType", "entityId", before, after, "createdAt"
      FROM "AuditEvent"
     WHERE "organizationId" = ${f.organizationId}::uuid
       ${f.actorId ? Prisma.sql`AND "actorId" = ${f.actorId}::uuid` : Prisma.empty}
       ${f.entityTypes ? Prisma.sql`AND "entityType" = ANY(${[...f.entityTypes]}::text[])` : Prisma.empty}
       ${f.from ? Prisma.sql`AND "createdAt" >= ${localMidnight(f.from, 0)}` : Prisma.empty}
       ${f.to ? Prisma.sql`AND "createdAt" < ${localMidnight(f.to, 1)}` : Prisma.empty}
       ${f.after ? Prisma.sql`AND ("createdAt", id) < (${f.after.createdAt.toISOString()}::timestamp, ${f.after.id}::uuid)` : Prisma.empty}
     ORDER BY "createdAt" DESC, id DESC
     LIMIT ${f.limit + 1}`);
}
