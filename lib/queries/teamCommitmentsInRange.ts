import "server-only";
// A team's commitments for the weeks of a range, newest week first, with their review (status
// and reason) and how many ended each way. A team makes a handful a week, so even two years of
// them is a short list; the counts are still aggregated by the database.
import type { Db } from "@/lib/db/client";
import { addDays, fromUtcDate, toUtcDate, type IsoDate } from "@/lib/domain/calendar/weeks";
import type { CommitmentStatus } from "@/lib/generated/prisma/enums";

export type TeamRangeCommitment = {
  id: string;
  weekStart: IsoDate;
  userId: string;
  personName: string;
  text: string;
  measureName: string | null;
  status: CommitmentStatus;
  reason: string;
};

export type CommitmentCounts = Record<CommitmentStatus, number>;

export async function teamCommitmentsInRange(
  db: Db,
  params: { organizationId: string; teamId: string; firstWeek: IsoDate; lastWeek: IsoDate },
): Promise<{ commitments: TeamRangeCommitment[]; counts: CommitmentCounts }> {
  const where = {
    organizationId: params.organizationId,
    teamId: params.teamId,
    weekStart: { gte: toUtcDate(params.firstWeek), lt: toUtcDate(addDays(params.lastWeek, 7)) },
  };
  const [rows, grouped] = await Promise.all([
    db.commitment.findMany({
      where,
      orderBy: [{ weekStart: "desc" }, { member: { user: { name: "asc" } } }, { createdAt: "asc" }],
      select: {
        id: true,
        weekStart: true,
        userId: true,
        text: true,
        status: true,
        reason: true,
        leadMeasure: { select: { name: true } },
        member: { select: { user: { select: { name: true } } } },
      },
    }),
    db.commitment.groupBy({ by: ["status"], where, _count: { _all: true } }),
  ]);
  const counts: CommitmentCounts = { OPEN: 0, DONE: 0, PARTIAL: 0, NOT_DONE: 0 };
  for (const g of grouped) counts[g.status] = g._count._all;
  return {
    commitments: rows.map((r) => ({
      id: r.id,
      weekStart: fromUtcDate(r.weekStart),
      userId: r.userId,
      personName: r.member.user.name,
      text: r.text,
      measureName: r.leadMeasure?.name ?? null,
      status: r.status,
      reason: r.reason,
    })),
    counts,
  };
}
