import "server-only";
// One page of an organization's lead entries for the REST API, oldest day first. Pages are
// keyed on (entryDate, id) rather than an offset, so entries written while a client pages
// through are neither skipped nor repeated, and a deep page costs the same as the first.
import type { Db } from "@/lib/db/client";
import { fromUtcDate, toUtcDate, type IsoDate } from "@/lib/domain/calendar/weeks";
import type { Prisma } from "@/lib/generated/prisma/client";
import { encodeDateIdCursor, type DateIdCursor } from "./cursor";

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
    after?: DateIdCursor;
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
    nextCursor: rows.length > params.limit && last ? encodeDateIdCursor({ date: fromUtcDate(last.entryDate), id: last.id }) : null,
  };
}
