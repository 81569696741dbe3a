import "server-only";
// Teams: creating one, and setting who is on it (the HR sync of the REST API). Managers and
// above; every change audited in the same transaction.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { TenantContext } from "@/lib/auth/tenant";
import { requireRole } from "@/lib/auth/permissions";
import { AppError, notFound, parseOrThrow } from "@/lib/errors";
import { createTeamSchema, setTeamMembersSchema } from "@/lib/schemas/team";
import { recordAudit } from "./audit";

const nameTaken = () =>
  new AppError("conflict", "A team with this name already exists.", { fieldErrors: { name: ["A team with this name already exists."] } });

export async function createTeam(db: Db, ctx: TenantContext, raw: unknown): Promise<{ id: string; name: string }> {
  requireRole(ctx.role, "MANAGER", "create teams");
  const input = parseOrThrow(createTeamSchema, raw);
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.team.findUnique({ where: { organizationId_name: { organizationId: ctx.organizationId, name: input.name } } });
      if (existing) throw nameTaken();
      const team = await tx.team.create({ data: { organizationId: ctx.organizationId, name: input.name } });
      await recordAudit(tx, ctx, { action: "team.create", entityType: "Team", entityId: team.id, after: { name: team.name } });
      return { id: team.id, name: team.name };
    });
  } catch (err) {
    // Two creates of the same name raced past the check: the unique index decides.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw nameTaken();
    throw err;
  }
}

export type SetMembersResult = { added: number; removed: number; updated: number; members: number };

/**
 * Makes the team's member list exactly `members` (by email). Everyone must already belong to the
 * organization: unknown emails are all listed and nothing changes.
 */
export async function setTeamMembers(db: Db, ctx: TenantContext, teamId: string, raw: unknown): Promise<SetMembersResult> {
  requireRole(ctx.role, "MANAGER", "change who is on a team");
  const input = parseOrThrow(setTeamMembersSchema, raw);
  const organizationId = ctx.organizationId;
  return db.$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { organizationId_id: { organizationId, id: teamId } } });
    if (!team || team.archivedAt) throw notFound("Team not found.");

    const emails = input.members.map((m) => m.email);
    const people = await tx.membership.findMany({
      where: { organizationId, user: { email: { in: emails } } },
      select: { userId: true, user: { select: { email: true } } },
    });
    const idByEmail = new Map(people.map((p) => [p.user.email.toLowerCase(), p.userId]));
    const unknown = emails.filter((e) => !idByEmail.has(e));
    if (unknown.length > 0) {
      const message = `${unknown.length} ${unknown.length === 1 ? "person is" : "people are"} not members of this organization: ${unknown.slice(0, 20).join(", ")}${unknown.length > 20 ? ", …" : ""}. Nothing was changed.`;
      throw new AppError("validation_failed", message, { fieldErrors: { members: [message] }, unknownEmails: unknown });
    }

    const current = await tx.teamMember.findMany({ where: { organizationId, teamId }, select: { userId: true, isLead: true } });
    const currentById = new Map(current.map((m) => [m.userId, m.isLead]));
    const wanted = new Map(
      input.members.map((m) => {
        const userId = idByEmail.get(m.email)!;
        return [userId, m.isLead ?? currentById.get(userId) ?? false] as const;
      }),
    );
    const toRemove = current.filter((m) => !wanted.has(m.userId)).map((m) => m.userId);
    const toAdd = [...wanted].filter(([userId]) => !currentById.has(userId));
    const toUpdate = [...wanted].filter(([userId, isLead]) => currentById.has(userId) && currentById.get(userId) !== isLead);

    if (toRemove.length) await tx.teamMember.deleteMany({ where: { organizationId, teamId, userId: { in: toRemove } } });
    if (toAdd.length) {
      await tx.teamMember.createMany({
        data: toAdd.map(([userId, isLead]) => ({ organizationId, teamId, userId, isLead })),
        skipDuplicates: true,
      });
    }
    for (const isLead of [true, false]) {
      const ids = toUpdate.filter(([, lead]) => lead === isLead).map(([userId]) => userId);
      if (ids.length) await tx.teamMember.updateMany({ where: { organizationId, teamId, userId: { in: ids } }, data: { isLead } });
    }

    const changed = toAdd.length + toRemove.length + toUpdate.length > 0;
    if (changed) {
      await recordAudit(tx, ctx, {
        action: "team.members.set",
        entityType: "Team",
        entityId: teamId,
        before: { members: current },
        after: { members: [...wanted].map(([userId, isLead]) => ({ userId, isLead })) },
      });
    }
    return { added: toAdd.length, removed: toRemove.length, updated: toUpdate.length, members: wanted.size };
  });
}
