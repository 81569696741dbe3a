import "server-only";
// Who is on a team, with their email (the key HR systems sync by), role and lead flag.
import type { Db } from "@/lib/db/client";

export type TeamMemberRow = { userId: string; email: string; name: string; role: string; isLead: boolean };

/** The team's members, or null when the team is not an active team of the organization. */
export async function teamMembers(
  db: Db,
  params: { organizationId: string; teamId: string },
): Promise<{ team: { id: string; name: string }; members: TeamMemberRow[] } | null> {
  const team = await db.team.findUnique({
    where: { organizationId_id: { organizationId: params.organizationId, id: params.teamId } },
    select: {
      id: true,
      name: true,
      archivedAt: true,
      members: {
        select: { userId: true, isLead: true, membership: { select: { role: true, user: { select: { email: true, name: true } } } } },
      },
    },
  });
  if (!team || team.archivedAt) return null;
  const members = team.members
    .map((m) => ({ userId: m.userId, email: m.membership.user.email, name: m.membership.user.name, role: m.membership.role, isLead: m.isLead }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
  return { team: { id: team.id, name: team.name }, members };
}
