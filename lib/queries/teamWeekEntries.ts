import "server-only";
// The latest entries of a team in a week, with who logged them, for the team page.
import type { Db } from "@/lib/db/client";
import { addDays, fromUtcDate, toUtcDate, type IsoDate } from "@/lib/domain/calendar/weeks";

export type TeamEntryRow = {
  id: string;
  entryDate: IsoDate;
  value: number;
  note: string;
  measureName: string;
  unit: string;
  personName: string;
  userId: string;
};

export async function teamWeekEntries(
  db: Db,
  params: { organizationId: string; teamId: string; weekStart: IsoDate; limit?: number },
): Promise<TeamEntryRow[]> {
  const rows = await db.leadEntry.findMany({
    where: {
      organizationId: params.organizationId,
      teamId: params.teamId,
      entryDate: { gte: toUtcDate(params.weekStart), lt: toUtcDate(addDays(params.weekStart, 7)) },
    },
    orderBy: [{ createdAt: "desc" }],
    take: params.limit ?? 10,
    select: {
      id: true,
      entryDate: true,
      value: true,
      note: true,
      userId: true,
      leadMeasure: { select: { name: true, unit: true } },
      member: { select: { user: { select: { name: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    entryDate: fromUtcDate(r.entryDate),
    value: r.value,
    note: r.note,
    measureName: r.leadMeasure.name,
    unit: r.leadMeasure.unit,
    personName: r.member.user.name,
    userId: r.userId,
  }));
}
