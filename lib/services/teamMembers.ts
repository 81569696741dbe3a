import "server-only";
// Who is on a team, one change at a time (the teams settings page): adding people, taking one
// off, making one a team lead or not. Only active members of the organization join; the whole
// list at once (HR sync) is setTeamMembers in ./teams.ts. Managers and above; audited.
import type { Db } from "@/lib/db/client";
import type { TenantContext } from "@/lib/auth/tenant";
import { requireRole } from "@/lib/auth/permissions";
import { notFound, parseOrThrow, validationError } from "@/lib/errors";
import { isUuid } from "@/lib/schemas/ids";
import { addTeamMembersSchema, setTeamLeadSchema } from "@/lib/schemas/team";
import { recordAudit } from "./audit";
import { activeMembership, teamForChange } from "./teams";

const personName = { membership: { select: { user: { select: { name: true } } } } } as const;

/** Adds people to the team (those already on it are left as they are); all or nothing. */
export async function addTeamMembers(db: Db, ctx: TenantContext, teamId: string, raw: unknown): Promise<{ added: number }> {
  requireRole(ctx.role, "MANAGER", "change who is on a team");
  const input = parseOrThrow(addTeamMembersSchema, raw);
  const organizationId = ctx.organizationId;
  const userIds = [...new Set(input.userIds)];
  return db.$transaction(async (tx) => {
    const team = await teamForChange(tx, organizationId, teamId);
    const people = await tx.membership.findMany({
      where: { organizationId, userId: { in: userIds }, ...activeMembership },
      select: { userId: true, user: { select: { name: true } } },
    });
    if (people.length !== userIds.length) {
      throw validationError(
        { userIds: ["Only active members of this organization can join a team."] },
        "Only active members of this organization can join a team. Nothing was changed.",
      );
    }
    const { count } = await tx.teamMember.createMany({ data: userIds.map((userId) => ({ organizationId, teamId, userId })), skipDuplicates: true });
    if (count > 0) {
      const added = people.map((p) => ({ userId: p.userId, name: p.user.name }));
      await recordAudit(tx, ctx, { action: "team.members.add", entityType: "Team", entityId: teamId, after: { team: team.name, people: added } });
    }
    return { added: count };
  });
}

/** Takes someone off the team; their entries and commitments stay in the team's history. */
export async function removeTeamMember(db: Db, ctx: TenantContext, teamId: string, userId: string): Promise<void> {
  requireRole(ctx.role, "MANAGER", "change who is on a team");
  const organizationId = ctx.organizationId;
  await db.$transaction(async (tx) => {
    const team = await teamForChange(tx, organizationId, teamId);
    const key = { organizationId_teamId_userId: { organizationId, teamId, userId } };
    const member = isUuid(userId) ? await tx.teamMember.findUnique({ where: key, include: personName }) : null;
    if (!member) throw notFound("This person is not on the team.");
    await tx.teamMember.delete({ where: key });
    await recordAudit(tx, ctx, {
      action: "team.members.remove",
      entityType: "Team",
      entityId: teamId,
      before: { team: team.name, userId, name: member.membership.user.name, isLead: member.isLead },
    });
  });
}

/** Makes a member of the team one of its leads (who run the weekly check-in), or not. */
export async function setTeamLead(db: Db, ctx: TenantContext, teamId: string, raw: unknown): Promise<{ userId: string; isLead: boolean }> {
  requireRole(ctx.role, "MANAGER", "choose team leads");
  const input = parseOrThrow(setTeamLeadSchema, raw);
  const organizationId = ctx.organizationId;
  return db.$transaction(async (tx) => {
    const team = await teamForChange(tx, organizationId, teamId);
    const key = { organizationId_teamId_userId: { organizationId, teamId, userId: input.userId } };
    const member = await tx.teamMember.findUnique({ where: key, include: personName });
    if (!member) throw notFound("This person is not on the team.");
    if (input.isLead && !(await tx.membership.count({ where: { organizationId, userId: input.userId, ...activeMembership } }))) {
      throw validationError({ userId: ["A deactivated or removed person cannot lead a team."] }, "A deactivated or removed person cannot lead a team.");
    }
    if (member.isLead !== input.isLead) {
      await tx.teamMember.update({ where: key, data: { isLead: input.isLead } });
      await recordAudit(tx, ctx, {
        action: input.isLead ? "team.lead.set" : "team.lead.unset",
        entityType: "Team",
        entityId: teamId,
        after: { team: team.name, userId: input.userId, name: member.membership.user.name, isLead: input.isLead },
      });
    }
    return { userId: input.userId, isLead: input.isLead };
  });
}
