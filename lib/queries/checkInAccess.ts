import "server-only";
// Who may do what in a team's weekly check-in, read once for the check-in page and for every
// check-in write: the team (404 when it is not an active team of the caller's organization),
// whether the caller is on it, and whether they may run it (its lead, or a manager and above).
import type { TenantContext } from "@/lib/auth/tenant";
import { canRunCheckIn, requireTeamAccess } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/schemas/ids";

export type CheckInAccess = {
  teamId: string;
  teamName: string;
  teamCreatedAt: Date;
  isOnTeam: boolean;
  canRun: boolean;
  memberIds: Set<string>;
};

export async function checkInAccess(db: Db, ctx: TenantContext, teamId: string): Promise<CheckInAccess> {
  const team = isUuid(teamId)
    ? await db.team.findUnique({
        where: { organizationId_id: { organizationId: ctx.organizationId, id: teamId } },
        select: { id: true, name: true, createdAt: true, archivedAt: true, members: { select: { userId: true, isLead: true } } },
      })
    : null;
  if (!team || team.archivedAt) throw notFound("Team not found.");
  const me = team.members.find((m) => m.userId === ctx.userId);
  const canRun = canRunCheckIn(ctx.role, me?.isLead ?? false);
  requireTeamAccess(ctx.role, me !== undefined);
  return {
    teamId: team.id,
    teamName: team.name,
    teamCreatedAt: team.createdAt,
    isOnTeam: Boolean(me),
    canRun,
    memberIds: new Set(team.members.map((m) => m.userId)),
  };
}
