import "server-only";
// The people of an organization: change a role, deactivate, reactivate, remove, transfer
// ownership. Admins only, and nobody acts on someone whose role is above their own. The
// organization always keeps an active owner.
//
// Every change runs in one transaction that first locks the organization's row (FOR NO KEY
// UPDATE: it queues behind other people changes of the same organization, not behind writes that
// merely reference the organization), then re-reads the caller's own membership: two owners
// demoting each other at the same moment run one after the other, and the second sees the first's
// change, so the last owner is never demoted, deactivated or removed by a race.
//
// A membership is never deleted: entries, commitments and audit events hang on it. Removal marks
// it removed, takes the person off their teams and measures, and keeps the rest. Deactivation and
// removal end the person's sessions when this was their last organization; a person who still
// belongs elsewhere keeps their session, which loses this organization on its next request (the
// session resolver reads only active memberships).
import * as clock from "@/lib/clock";
import type { TenantContext } from "@/lib/auth/tenant";
import { endAllSessions } from "@/lib/auth/sessions";
import { hasRole, requireGrantableRole, requireRole } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError, forbidden, notFound, parseOrThrow } from "@/lib/errors";
import { changeRoleSchema, personSchema } from "@/lib/schemas/people";
import { recordAudit } from "./audit";

type Tx = Prisma.TransactionClient;

export type PersonChange = { userId: string; name: string; role: Role; status: "active" | "deactivated" | "removed"; changed: boolean };

type Target = {
  userId: string;
  role: Role;
  deactivatedAt: Date | null;
  removedAt: Date | null;
  user: { name: string; email: string };
};

const NOT_FOUND = "That person is not a member of this organization.";

/** Serializes people changes in one organization; returns the caller's current role. */
async function lockAndReadActor(tx: Tx, ctx: TenantContext, what: string): Promise<Role> {
  await tx.$executeRaw`SELECT 1 FROM "Organization" WHERE id = ${ctx.organizationId}::uuid FOR NO KEY UPDATE`;
  const me = await tx.membership.findUnique({
    where: { organizationId_userId: { organizationId: ctx.organizationId, userId: ctx.userId } },
    select: { role: true, deactivatedAt: true, removedAt: true },
  });
  if (!me || me.deactivatedAt || me.removedAt) throw forbidden("You are no longer a member of this organization.");
  requireRole(me.role, "ADMIN", what);
  return me.role;
}

/** A person of the caller's organization who has not been removed; 404 otherwise (also for other organizations). */
async function loadTarget(tx: Tx, ctx: TenantContext, userId: string): Promise<Target> {
  const m = await tx.membership.findUnique({
    where: { organizationId_userId: { organizationId: ctx.organizationId, userId } },
    select: { userId: true, role: true, deactivatedAt: true, removedAt: true, user: { select: { name: true, email: true } } },
  });
  if (!m || m.removedAt) throw notFound(NOT_FOUND);
  return m;
}

function requireNotAbove(actorRole: Role, target: Target): void {
  if (!hasRole(actorRole, target.role)) throw forbidden(`You cannot change someone whose role (${target.role.toLowerCase()}) is above yours.`);
}

/** The organization keeps at least one active owner besides `userId`. */
async function requireAnotherOwner(tx: Tx, ctx: TenantContext, target: Target, what: string): Promise<void> {
  if (target.role !== "OWNER" || target.deactivatedAt) return;
  const others = await tx.membership.count({
    where: { organizationId: ctx.organizationId, role: "OWNER", deactivatedAt: null, removedAt: null, userId: { not: target.userId } },
  });
  if (others === 0) {
    throw new AppError("conflict", `${target.user.name} is the organization's last owner and cannot be ${what}. Transfer ownership to someone else first.`);
  }
}

/** Ends the person's sessions when no active membership is left to them. */
async function endSessionsIfNoOrganizationLeft(tx: Tx, userId: string): Promise<void> {
  const left = await tx.membership.count({ where: { userId, deactivatedAt: null, removedAt: null } });
  if (left === 0) await endAllSessions(tx, userId);
}

function statusOf(m: { deactivatedAt: Date | null; removedAt: Date | null }): PersonChange["status"] {
  return m.removedAt ? "removed" : m.deactivatedAt ? "deactivated" : "active";
}

function change(t: Target, role: Role, status: PersonChange["status"], changed: boolean): PersonChange {
  return { userId: t.userId, name: t.user.name, role, status, changed };
}

function who(t: Target) {
  return { name: t.user.name, email: t.user.email, role: t.role, status: statusOf(t) };
}

/** Gives a person another role: admin, manager, member or viewer (never above the caller's own). */
export async function changeRole(db: Db, ctx: TenantContext, raw: unknown): Promise<PersonChange> {
  requireRole(ctx.role, "ADMIN", "change people's roles");
  const input = parseOrThrow(changeRoleSchema, raw);
  return db.$transaction(async (tx) => {
    const actorRole = await lockAndReadActor(tx, ctx, "change people's roles");
    requireGrantableRole(actorRole, input.role);
    const target = await loadTarget(tx, ctx, input.userId);
    requireNotAbove(actorRole, target);
    if (target.role === input.role) return change(target, target.role, statusOf(target), false);
    await requireAnotherOwner(tx, ctx, target, "demoted");
    await tx.membership.update({
      where: { organizationId_userId: { organizationId: ctx.organizationId, userId: target.userId } },
      data: { role: input.role },
    });
    await recordAudit(tx, ctx, {
      action: "membership.role.change",
      entityType: "Membership",
      entityId: target.userId,
      before: who(target),
      after: { ...who(target), role: input.role },
    });
    return change(target, input.role, statusOf(target), true);
  });
}

/** The person can no longer sign in to the organization; their history stays. */
export async function deactivateMember(db: Db, ctx: TenantContext, raw: unknown): Promise<PersonChange> {
  requireRole(ctx.role, "ADMIN", "deactivate people");
  const { userId } = parseOrThrow(personSchema, raw);
  if (userId === ctx.userId) throw forbidden("You cannot deactivate yourself. Ask another admin.");
  return db.$transaction(async (tx) => {
    const actorRole = await lockAndReadActor(tx, ctx, "deactivate people");
    const target = await loadTarget(tx, ctx, userId);
    requireNotAbove(actorRole, target);
    if (target.deactivatedAt) return change(target, target.role, "deactivated", false);
    await requireAnotherOwner(tx, ctx, target, "deactivated");
    await tx.membership.update({
      where: { organizationId_userId: { organizationId: ctx.organizationId, userId } },
      data: { deactivatedAt: clock.now() },
    });
    await endSessionsIfNoOrganizationLeft(tx, userId);
    await recordAudit(tx, ctx, {
      action: "membership.deactivate",
      entityType: "Membership",
      entityId: userId,
      before: who(target),
      after: { ...who(target), status: "deactivated" },
    });
    return change(target, target.role, "deactivated", true);
  });
}

/** A deactivated person may sign in to the organization again, with the role they had. */
export async function reactivateMember(db: Db, ctx: TenantContext, raw: unknown): Promise<PersonChange> {
  requireRole(ctx.role, "ADMIN", "reactivate people");
  const { userId } = parseOrThrow(personSchema, raw);
  return db.$transaction(async (tx) => {
    const actorRole = await lockAndReadActor(tx, ctx, "reactivate people");
    const target = await loadTarget(tx, ctx, userId);
    requireNotAbove(actorRole, target);
    if (!target.deactivatedAt) return change(target, target.role, "active", false);
    await tx.membership.update({
      where: { organizationId_userId: { organizationId: ctx.organizationId, userId } },
      data: { deactivatedAt: null },
    });
    await recordAudit(tx, ctx, {
      action: "membership.reactivate",
      entityType: "Membership",
      entityId: userId,
      before: who(target),
      after: { ...who(target), status: "active" },
    });
    return change(target, target.role, "active", true);
  });
}

/**
 * Removes a person from the organization: no access, gone from its people list, its teams and the
 * measures they owned (a lag measure they answered for is left with nobody named). Their entries,
 * commitments and audit events stay, under their name.
 */
export async function removeMember(db: Db, ctx: TenantContext, raw: unknown): Promise<PersonChange> {
  requireRole(ctx.role, "ADMIN", "remove people");
  const { userId } = parseOrThrow(personSchema, raw);
  return db.$transaction(async (tx) => {
    const actorRole = await lockAndReadActor(tx, ctx, "remove people");
    const target = await loadTarget(tx, ctx, userId);
    requireNotAbove(actorRole, target);
    await requireAnotherOwner(tx, ctx, target, "removed");
    const organizationId = ctx.organizationId;
    const teams = await tx.teamMember.findMany({ where: { organizationId, userId }, select: { teamId: true, isLead: true } });
    const measures = await tx.leadMeasureOwner.findMany({ where: { organizationId, userId }, select: { leadMeasureId: true } });
    const goals = await tx.lagMeasure.findMany({ where: { organizationId, ownerId: userId }, select: { id: true } });
    await tx.teamMember.deleteMany({ where: { organizationId, userId } });
    await tx.leadMeasureOwner.deleteMany({ where: { organizationId, userId } });
    await tx.lagMeasure.updateMany({ where: { organizationId, ownerId: userId }, data: { ownerId: null } });
    await tx.membership.update({ where: { organizationId_userId: { organizationId, userId } }, data: { removedAt: clock.now() } });
    await endSessionsIfNoOrganizationLeft(tx, userId);
    await recordAudit(tx, ctx, {
      action: "membership.remove",
      entityType: "Membership",
      entityId: userId,
      // What removal took away, so it can be put back by hand.
      before: { ...who(target), teams, ownedLeadMeasureIds: measures.map((m) => m.leadMeasureId), ownedLagMeasureIds: goals.map((m) => m.id) },
      after: { ...who(target), status: "removed" },
    });
    return change(target, target.role, "removed", true);
  });
}

/** Makes an active member the owner; the caller (an owner) becomes an admin. */
export async function transferOwnership(db: Db, ctx: TenantContext, raw: unknown): Promise<PersonChange> {
  requireRole(ctx.role, "OWNER", "transfer ownership");
  const { userId } = parseOrThrow(personSchema, raw);
  if (userId === ctx.userId) throw new AppError("validation_failed", "Choose someone else to own the organization.", { fieldErrors: { userId: ["Choose someone else."] } });
  return db.$transaction(async (tx) => {
    const actorRole = await lockAndReadActor(tx, ctx, "transfer ownership");
    requireRole(actorRole, "OWNER", "transfer ownership");
    const target = await loadTarget(tx, ctx, userId);
    if (target.deactivatedAt) throw new AppError("conflict", `${target.user.name} is deactivated. Reactivate them before handing them the organization.`);
    if (target.role === "OWNER") throw new AppError("conflict", `${target.user.name} is already an owner.`);
    const organizationId = ctx.organizationId;
    await tx.membership.update({ where: { organizationId_userId: { organizationId, userId } }, data: { role: "OWNER" } });
    await tx.membership.update({ where: { organizationId_userId: { organizationId, userId: ctx.userId } }, data: { role: "ADMIN" } });
    await recordAudit(tx, ctx, {
      action: "membership.ownership.transfer",
      entityType: "Membership",
      entityId: userId,
      before: { ...who(target), previousOwnerId: ctx.userId },
      after: { ...who(target), role: "OWNER", previousOwnerId: ctx.userId, previousOwnerRole: "ADMIN" },
    });
    return change(target, "OWNER", "active", true);
  });
}
