import "server-only";
// Teams: creating, renaming and archiving one, and setting who is on it (the HR sync of the REST
// API; one person at a time: ./teamMembers.ts). Managers and above; every change audited in the
// same transaction.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { TenantContext } from "@/lib/auth/tenant";
import { requireRole } from "@/lib/auth/permissions";
import { AppError, notFound, parseOrThrow } from "@/lib/errors";
import { isUuid } from "@/lib/schemas/ids";
import { createTeamSchema, renameTeamSchema, setTeamMembersSchema } from "@/lib/schemas/team";
import { recordAudit } from "./audit";

type Tx = Prisma.TransactionClient;

const nameTaken = () =>
  new AppError("conflict", "A team with this name already exists.", { fieldErrors: { name: ["A team with this name already exists."] } });

const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";

/** People who may join a team: members of the organization neither deactivated nor removed. */
export const activeMembership = { deactivatedAt: null, removedAt: null } as const;

/**
 * The organization's team, for a change: another organization's id (or no id at all) is a 404;
 * an archived team is shown but not changed until it is restored, unless `archived` allows it.
 */
export async function teamForChange(tx: Db | Tx, organizationId: string, teamId: string, opts: { archived?: "allow" } = {}) {
  const team = isUuid(teamId) ? await tx.team.findUnique({ where: { organizationId_id: { organizationId, id: teamId } } }) : null;
  if (!team) throw notFound("Team not found.");
  if (team.archivedAt && opts.archived !== "allow") {
    throw new AppError("conflict", "This team is archived. Restore it to change its members or measures.");
  }
  return team;
}

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
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
}

/** A new name, unique in the organization (archived teams keep theirs, so they count). */
export async function renameTeam(db: Db, ctx: TenantContext, teamId: string, raw: unknown): Promise<{ id: string; name: string }> {
  requireRole(ctx.role, "MANAGER", "rename teams");
  const input = parseOrThrow(renameTeamSchema, raw);
  const organizationId = ctx.organizationId;
  try {
    return await db.$transaction(async (tx) => {
      const team = await teamForChange(tx, organizationId, teamId, { archived: "allow" });
      if (team.name === input.name) return { id: team.id, name: team.name };
      const clash = await tx.team.findUnique({ where: { organizationId_name: { organizationId, name: input.name } } });
      if (clash) throw nameTaken();
      await tx.team.update({ where: { organizationId_id: { organizationId, id: team.id } }, data: { name: input.name } });
      await recordAudit(tx, ctx, { action: "team.rename", entityType: "Team", entityId: team.id, before: { name: team.name }, after: { name: input.name } });
      return { id: team.id, name: input.name };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
}

/**
 * Archives a team (or restores it): it leaves the dashboard, the team lists and pickers, and no
 * one logs for it; its members, measures, entries and check-ins stay for the history.
 */
export async function setTeamArchived(db: Db, ctx: TenantContext, teamId: string, archived: boolean): Promise<{ id: string; name: string; archived: boolean }> {
  requireRole(ctx.role, "MANAGER", archived ? "archive teams" : "restore teams");
  const organizationId = ctx.organizationId;
  return db.$transaction(async (tx) => {
    const team = await teamForChange(tx, organizationId, teamId, { archived: "allow" });
    if ((team.archivedAt != null) !== archived) {
      await tx.team.update({ where: { organizationId_id: { organizationId, id: team.id } }, data: { archivedAt: archived ? new Date() : null } });
      await recordAudit(tx, ctx, {
        action: archived ? "team.archive" : "team.restore",
        entityType: "Team",
        entityId: team.id,
        before: { name: team.name, archivedAt: team.archivedAt },
        after: { name: team.name },
      });
    }
    return { id: team.id, name: team.name, archived };
  });
}

export type SetMembersResult = { added: number; removed: number; updated: number; members: number };

/**
 * Makes the team's member list exactly `members` (by email). Everyone must already be an active
 * member of the organization: unknown emails are all listed and nothing changes.
 */
export async function setTeamMembers(db: Db, ctx: TenantContext, teamId: string, raw: unknown): Promise<SetMembersResult> {
  requireRole(ctx.role, "MANAGER", "change who is on a team");
  const input = parseOrThrow(setTeamMembersSchema, raw);
  const organizationId = ctx.organizationId;
  return db.$transaction(async (tx) => {
    const team = isUuid(teamId) ? await tx.team.findUnique({ where: { organizationId_id: { organizationId, id: teamId } } }) : null;
    if (!team || team.archivedAt) throw notFound("Team not found.");

    // Deactivated or removed people may stay on a team they are on, but nobody adds them.
    const emails = input.members.map((m) => m.email);
    const people = await tx.membership.findMany({
      where: { organizationId, user: { email: { in: emails } }, OR: [activeMembership, { teamMembers: { some: { teamId } } }] },
      select: { userId: true, user: { select: { email: true } } },
    });
    const idByEmail = new Map(people.map((p) => [p.user.email.toLowerCase(), p.userId]));
    const unknown = emails.filter((e) => !idByEmail.has(e));
    if (unknown.length > 0) {
      const message = `${unknown.length} ${unknown.length === 1 ? "person is not an active member" : "people are not active members"} of this organization: ${unknown.slice(0, 20).join(", ")}${unknown.length > 20 ? ", …" : ""}. Nothing was changed.`;
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
