import "server-only";
// Who a reminder or digest goes to, in one statement per kind: active members (neither
// deactivated nor removed) who are not on leave today, with the team a link should open.
//   - members: on an active team, with no lead entry this week (on any team);
//   - leads: each active team they lead;
//   - by role: managers (owners, admins, managers) for the weekly digest, viewers for the monthly one.
// Preferences are applied by the service (lib/services/notifications.ts), per channel.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { addDays, type IsoDate } from "@/lib/domain/calendar/weeks";

/** Team memberships (tm) on the organization's active teams (t), with the membership (m) and person (u); ends in a WHERE. */
const activeTeamMembersSql = (organizationId: string) => Prisma.sql`
      FROM "TeamMember" tm
      JOIN "Team" t ON t."organizationId" = tm."organizationId" AND t.id = tm."teamId" AND t."archivedAt" IS NULL
      JOIN "Membership" m ON m."organizationId" = tm."organizationId" AND m."userId" = tm."userId"
      JOIN "User" u ON u.id = tm."userId"
     WHERE tm."organizationId" = ${organizationId}::uuid
       AND t."organizationId" = ${organizationId}::uuid
       AND m."organizationId" = ${organizationId}::uuid`;

/** The membership (m) is active (neither deactivated nor removed) and not on leave today. */
const reachableSql = (today: IsoDate) => Prisma.sql`m."deactivatedAt" IS NULL AND m."removedAt" IS NULL
       AND (m."onLeaveUntil" IS NULL OR m."onLeaveUntil" < ${today}::date)`;

export type Recipient = { userId: string; email: string; name: string; teamId: string | null; teamName: string | null };

/** People on an active team who logged nothing in the week of `weekStart`; one row each, their first team by name. */
export function membersWithNothingLogged(db: Db, p: { organizationId: string; weekStart: IsoDate; today: IsoDate }): Promise<Recipient[]> {
  return db.$queryRaw<Recipient[]>(Prisma.sql`
    SELECT DISTINCT ON (u.id) u.id AS "userId", u.email, u.name, t.id AS "teamId", t.name AS "teamName"
      ${activeTeamMembersSql(p.organizationId)}
       AND ${reachableSql(p.today)}
       AND NOT EXISTS (
             SELECT 1 FROM "LeadEntry" e
              WHERE e."organizationId" = ${p.organizationId}::uuid
                AND e."userId" = tm."userId"
                AND e."entryDate" >= ${p.weekStart}::date
                AND e."entryDate" < ${addDays(p.weekStart, 7)}::date)
     ORDER BY u.id, t.name, t.id`);
}

/** Each active team's leads (a person leading two teams is listed twice). */
export function teamLeads(db: Db, p: { organizationId: string; today: IsoDate }): Promise<Recipient[]> {
  return db.$queryRaw<Recipient[]>(Prisma.sql`
    SELECT u.id AS "userId", u.email, u.name, t.id AS "teamId", t.name AS "teamName"
      ${activeTeamMembersSql(p.organizationId)}
       AND tm."isLead"
       AND ${reachableSql(p.today)}
     ORDER BY t.name, t.id, u.id`);
}

/** Active members with one of `roles`. */
export function membersWithRoles(db: Db, p: { organizationId: string; roles: readonly string[]; today: IsoDate }): Promise<Recipient[]> {
  return db.$queryRaw<Recipient[]>(Prisma.sql`
    SELECT u.id AS "userId", u.email, u.name, NULL::uuid AS "teamId", NULL::text AS "teamName"
      FROM "Membership" m
      JOIN "User" u ON u.id = m."userId"
     WHERE m."organizationId" = ${p.organizationId}::uuid
       AND m.role::text IN (${Prisma.join(p.roles)})
       AND ${reachableSql(p.today)}
     ORDER BY u.id`);
}
