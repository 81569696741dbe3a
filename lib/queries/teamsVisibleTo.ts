import "server-only";
// The teams a person can open: their own, or every team for managers and above.
import type { Db } from "@/lib/db/client";
import type { TenantContext } from "@/lib/auth/tenant";
import { canViewAllTeams } from "@/lib/auth/permissions";

export type TeamSummary = { id: string; name: string; memberCount: number; isMine: boolean };

export async function teamsVisibleTo(db: Db, ctx: TenantContext): Promise<TeamSummary[]> {
  const all = canViewAllTeams(ctx.role);
  const teams = await db.team.findMany({
    where: {
      organizationId: ctx.organizationId,
      archivedAt: null,
      ...(all ? {} : { members: { some: { userId: ctx.userId } } }),
    },
    select: {
      id: true,
      name: true,
      _count: { select: { members: true } },
      members: { where: { userId: ctx.userId }, select: { userId: true } },
    },
    orderBy: { name: "asc" },
  });
  return teams.map((t) => ({ id: t.id, name: t.name, memberCount: t._count.members, isMine: t.members.length > 0 }));
}
