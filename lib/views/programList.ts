import "server-only";
// The programs page: every active program of the organization, newest start first, with its
// fully-loaded costs (summed by the database in one grouped query, not line by line) and how
// many benefit lines it has.
import type { Db } from "@/lib/db/client";
import { fromUtcDate, type IsoDate } from "@/lib/domain/calendar/weeks";

export type ProgramListItem = { id: string; name: string; startDate: IsoDate; costs: number; benefitLines: number };

export async function programList(db: Db, organizationId: string): Promise<ProgramListItem[]> {
  const [programs, costSums] = await Promise.all([
    db.program.findMany({
      where: { organizationId, archivedAt: null },
      orderBy: { startDate: "desc" },
      select: { id: true, name: true, startDate: true, _count: { select: { benefits: true } } },
    }),
    db.programCost.groupBy({ by: ["programId"], where: { organizationId }, _sum: { amount: true } }),
  ]);
  const costOf = new Map(costSums.map((c) => [c.programId, c._sum.amount ?? 0]));
  return programs.map((p) => ({
    id: p.id,
    name: p.name,
    startDate: fromUtcDate(p.startDate),
    costs: costOf.get(p.id) ?? 0,
    benefitLines: p._count.benefits,
  }));
}
