// One page of an organization's lead entries for the REST API, oldest day first. Pages are
// keyed on (entryDate, id) rather than an offset, so entries written while a client pages
// through are neither skipped nor repeated, and a deep page costs the same as the first.
import type { Db } from "@/lib/db/client";
import { fromUtcDate, isIsoDate, toUtcDate, type IsoDate } from "@/lib/domain/calendar/weeks";
import type { Prisma } from "@/lib/generated/prisma/client";

export type LeadEntryApiRow = {
  id: string;
  teamId: string;
  leadMeasureId: string;
  userId: string;
  email: string;
  date: IsoDate;
  value: number;
  note: string;
  source: string;
  createdAt: string;
  updatedAt: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(date: IsoDate, id: string): string {
  return Buffer.from(`${date}|${id}`).toString("base64url");
}

/** The (date, id) a cursor points after, or null when it is not one of ours. */
export function decodeCursor(cursor: string): { date: IsoDate; id: string } | null {
  const [date, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (rest.length || !date || !id || !isIsoDate(date) || !UUID.test(id)) return null;
  return { date, id };
}

export async function leadEntriesPage(
  db: Db,
  params: {
    organizationId: string;
    from?: IsoDate;
    to?: IsoDate;
    teamId?: string;
    leadMeasureId?: string;
    userId?: string;
    /** Only teams this person is on (members see their own teams' entries). */
    onTeamsOf?: string;
    after?: { date: IsoDate; id: string };
    limit: number;
  },
): Promise<{ data: LeadEntryApiRow[]; nextCursor: string | null }> {
  const dateRange: Prisma.DateTimeFilter = {};
  if (params.from) dateRange.gte = toUtcDate(params.from);
  if (params.to) dateRange.lte = toUtcDate(params.to);
  const where: Prisma.LeadEntryWhereInput = {
    organizationId: params.organizationId,
    ...(params.teamId ? { teamId: params.teamId } : {}),
    ...(params.leadMeasureId ? { leadMeasureId: params.leadMeasureId } : {}),
    ...(params.userId ? { userId: params.userId } : {}),
    ...(params.from || params.to ? { entryDate: dateRange } : {}),
    ...(params.onTeamsOf ? { team: { members: { some: { userId: params.onTeamsOf } } } } : {}),
    ...(params.after
      ? {
          OR: [
            { entryDate: { gt: toUtcDate(params.after.date) } },
            { entryDate: toUtcDate(params.after.date), id: { gt: params.after.id } },
          ],
        }
      : {}),
  };
  const rows = await db.leadEntry.findMany({
    where,
    orderBy: [{ entryDate: "asc" }, { id: "asc" }],
    take: params.limit + 1,
    select: {
      id: true,
      teamId: true,
      leadMeasureId: true,
      userId: true,
      entryDate: true,
      value: true,
      note: true,
      source: true,
      createdAt: true,
      updatedAt: true,
      member: { select: { user: { select: { email: true } } } },
    },
  });
  const page = rows.slice(0, params.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => ({
      id: r.id,
      teamId: r.teamId,
      leadMeasureId: r.leadMeasureId,
      userId: r.userId,
      email: r.member.user.email,
      date: fromUtcDate(r.entryDate),
      value: r.value,
      note: r.note,
      source: r.source,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
    nextCursor: rows.length > params.limit && last ? encodeCursor(fromUtcDate(last.entryDate), last.id) : null,
  };
}
