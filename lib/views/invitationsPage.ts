import "server-only";
// Settings → Invitations: the form's choices (the roles the caller may give, the active teams)
// and the organization's invitations, newest first, with who invited and which teams. Managers
// and above; a manager sees admins' invitations but may not resend or revoke them.
import type { TenantContext } from "@/lib/auth/tenant";
import { canGrantRole, requireInviter } from "@/lib/auth/permissions";
import * as clock from "@/lib/clock";
import type { Db } from "@/lib/db/client";
import { activeTeams } from "@/lib/queries/activeTeams";
import { invitationList, type InvitationView } from "@/lib/queries/invitationList";
import { INVITABLE_ROLES, type InvitableRole } from "@/lib/schemas/invitations";

/** The most recent invitations shown on the page (the API pages through all of them). */
export const INVITATIONS_SHOWN = 200;

export type InvitationRow = InvitationView & { invitedBy: string | null; teamNames: string[]; manageable: boolean };

export type InvitationsPage = {
  roles: InvitableRole[];
  teams: { id: string; name: string }[];
  invitations: InvitationRow[];
  /** More invitations exist than are shown. */
  more: boolean;
};

export async function invitationsPage(db: Db, ctx: TenantContext): Promise<InvitationsPage> {
  requireInviter(ctx.role);
  const [teams, page] = await Promise.all([
    activeTeams(db, ctx.organizationId),
    invitationList(db, { organizationId: ctx.organizationId, now: clock.now(), limit: INVITATIONS_SHOWN }),
  ]);
  const inviterIds = [...new Set(page.data.flatMap((i) => (i.invitedById ? [i.invitedById] : [])))];
  const inviters = await db.user.findMany({ where: { id: { in: inviterIds } }, select: { id: true, name: true } });
  const inviterName = new Map(inviters.map((u) => [u.id, u.name]));
  // Team names of archived teams too: an old invitation still says where it pointed.
  const allTeams = await db.team.findMany({ where: { organizationId: ctx.organizationId }, select: { id: true, name: true } });
  const teamName = new Map(allTeams.map((t) => [t.id, t.name]));
  return {
    roles: INVITABLE_ROLES.filter((r) => canGrantRole(ctx.role, r)),
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    invitations: page.data.map((i) => ({
      ...i,
      invitedBy: i.invitedById ? (inviterName.get(i.invitedById) ?? null) : null,
      teamNames: i.teamIds.flatMap((id) => teamName.get(id) ?? []),
      manageable: canGrantRole(ctx.role, i.role),
    })),
    more: page.nextCursor !== null,
  };
}
