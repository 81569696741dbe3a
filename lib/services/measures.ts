import "server-only";
// Defining lead and lag measures (managers and above). Targets are dated: a change applies from
// a week on and the weeks before keep the target that was in force. Every change is audited.
import * as clock from "@/lib/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { TenantContext } from "@/lib/auth/tenant";
import { requireRole } from "@/lib/auth/permissions";
import { TARGET_EPOCH } from "@/lib/domain/rules/targets";
import { currentWeekStart, toUtcDate, weekStart } from "@/lib/domain/calendar/weeks";
import { notFound, parseOrThrow, validationError } from "@/lib/errors";
import { changeTargetSchema, lagMeasureSchema, leadMeasureSchema, type LeadMeasureInput } from "@/lib/schemas/measures";
import { recordAudit } from "./audit";

type Tx = Prisma.TransactionClient;

const date = (d: string | null | undefined) => (d ? toUtcDate(d) : null);

function nameTaken(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}

/**
 * Team, owner and driver ids must belong to the caller's organization; owners must be its current
 * members (someone removed owns nothing). `ownerField` names the form field the owners came from.
 */
async function checkRefs(
  db: Db | Tx,
  ctx: TenantContext,
  refs: { teamIds?: string[]; userIds?: string[]; leadMeasureIds?: string[] },
  ownerField: "ownerIds" | "ownerId" = "ownerIds",
) {
  const organizationId = ctx.organizationId;
  const fieldErrors: Record<string, string[]> = {};
  if (refs.teamIds?.length) {
    const found = await db.team.count({ where: { organizationId, id: { in: refs.teamIds }, archivedAt: null } });
    if (found !== new Set(refs.teamIds).size) fieldErrors.targets = ["One of the teams is not in this organization."];
  }
  if (refs.userIds?.length) {
    const found = await db.membership.count({ where: { organizationId, userId: { in: refs.userIds }, removedAt: null } });
    if (found !== new Set(refs.userIds).size) fieldErrors[ownerField] = ["Owners must be members of this organization."];
  }
  if (refs.leadMeasureIds?.length) {
    const found = await db.leadMeasure.count({ where: { organizationId, id: { in: refs.leadMeasureIds } } });
    if (found !== new Set(refs.leadMeasureIds).size) fieldErrors.driverIds = ["Drivers must be lead measures of this organization."];
  }
  if (Object.keys(fieldErrors).length) throw validationError(fieldErrors);
}

function leadData(input: LeadMeasureInput) {
  return {
    name: input.name,
    description: input.description,
    unit: input.unit,
    aggregation: input.aggregation,
    activeFrom: date(input.activeFrom),
    activeTo: date(input.activeTo),
  };
}

/**
 * Teams start tracking a lead measure: each assignment with its first dated target, which applies
 * to every week (the teams settings page and the measure form both assign through here).
 */
export async function assignToTeams(tx: Tx, organizationId: string, leadMeasureId: string, targets: LeadMeasureInput["targets"], createdById: string) {
  if (!targets.length) return;
  const rows = targets.map((t) => ({
    organizationId,
    teamId: t.teamId,
    leadMeasureId,
    weeklyTarget: t.weeklyTarget,
    personWeeklyTarget: t.personWeeklyTarget ?? null,
  }));
  await tx.teamLeadMeasure.createMany({ data: rows });
  await tx.leadTarget.createMany({ data: rows.map((r) => ({ ...r, effectiveFrom: toUtcDate(TARGET_EPOCH), createdById })) });
}

export async function createLeadMeasure(db: Db, ctx: TenantContext, raw: unknown) {
  requireRole(ctx.role, "MANAGER", "define measures");
  const input = parseOrThrow(leadMeasureSchema, raw);
  await checkRefs(db, ctx, { teamIds: input.targets.map((t) => t.teamId), userIds: input.ownerIds });
  const organizationId = ctx.organizationId;
  try {
    return await db.$transaction(async (tx) => {
      const measure = await tx.leadMeasure.create({ data: { organizationId, ...leadData(input) } });
      if (input.ownerIds.length) {
        await tx.leadMeasureOwner.createMany({ data: input.ownerIds.map((userId) => ({ organizationId, leadMeasureId: measure.id, userId })) });
      }
      await assignToTeams(tx, organizationId, measure.id, input.targets, ctx.userId);
      await recordAudit(tx, ctx, { action: "lead_measure.create", entityType: "LeadMeasure", entityId: measure.id, after: input });
      return measure;
    });
  } catch (err) {
    if (nameTaken(err)) throw validationError({ name: ["A lead measure with this name already exists."] });
    throw err;
  }
}

/**
 * Updates the definition, the owners and which teams track the measure. Targets of teams that
 * already track it change only through `changeLeadTarget`, which dates the change.
 */
export async function updateLeadMeasure(db: Db, ctx: TenantContext, id: string, raw: unknown) {
  requireRole(ctx.role, "MANAGER", "define measures");
  const input = parseOrThrow(leadMeasureSchema, raw);
  const organizationId = ctx.organizationId;
  const before = await db.leadMeasure.findUnique({
    where: { organizationId_id: { organizationId, id } },
    include: { owners: true, teams: true },
  });
  if (!before) throw notFound("Lead measure not found.");
  await checkRefs(db, ctx, { teamIds: input.targets.map((t) => t.teamId), userIds: input.ownerIds });
  const tracked = new Set(before.teams.map((t) => t.teamId));
  const wanted = new Set(input.targets.map((t) => t.teamId));
  try {
    return await db.$transaction(async (tx) => {
      const measure = await tx.leadMeasure.update({ where: { organizationId_id: { organizationId, id } }, data: leadData(input) });
      await tx.leadMeasureOwner.deleteMany({ where: { organizationId, leadMeasureId: id } });
      if (input.ownerIds.length) {
        await tx.leadMeasureOwner.createMany({ data: input.ownerIds.map((userId) => ({ organizationId, leadMeasureId: id, userId })) });
      }
      // Teams that stop tracking it lose the assignment; their entries stay in the history.
      await tx.teamLeadMeasure.deleteMany({ where: { organizationId, leadMeasureId: id, teamId: { notIn: [...wanted] } } });
      await assignToTeams(tx, organizationId, id, input.targets.filter((t) => !tracked.has(t.teamId)), ctx.userId);
      await recordAudit(tx, ctx, {
        action: "lead_measure.update",
        entityType: "LeadMeasure",
        entityId: id,
        before: { ...before, owners: before.owners.map((o) => o.userId), teams: before.teams.map((t) => t.teamId) },
        after: input,
      });
      return measure;
    });
  } catch (err) {
    if (nameTaken(err)) throw validationError({ name: ["A lead measure with this name already exists."] });
    throw err;
  }
}

/** A team's new weekly target from the week containing `effectiveFrom` on. */
export async function changeLeadTarget(db: Db, ctx: TenantContext, raw: unknown, now: Date = clock.now()) {
  requireRole(ctx.role, "MANAGER", "change targets");
  const input = parseOrThrow(changeTargetSchema, raw);
  const organizationId = ctx.organizationId;
  const { weekStartsOn, timeZone } = ctx.organization;
  const key = { organizationId, teamId: input.teamId, leadMeasureId: input.leadMeasureId };
  const assignment = await db.teamLeadMeasure.findUnique({ where: { organizationId_teamId_leadMeasureId: key } });
  if (!assignment) throw notFound("This team does not track that measure.");
  const from = toUtcDate(weekStart(input.effectiveFrom, weekStartsOn));
  const values = { weeklyTarget: input.weeklyTarget, personWeeklyTarget: input.personWeeklyTarget ?? null };
  return db.$transaction(async (tx) => {
    const target = await tx.leadTarget.upsert({
      where: { organizationId_teamId_leadMeasureId_effectiveFrom: { ...key, effectiveFrom: from } },
      create: { ...key, effectiveFrom: from, ...values, createdById: ctx.userId },
      update: { ...values, createdById: ctx.userId },
    });
    // The assignment mirrors the target in force this week.
    const current = await tx.leadTarget.findFirst({
      where: { ...key, effectiveFrom: { lte: toUtcDate(currentWeekStart(now, timeZone, weekStartsOn)) } },
      orderBy: { effectiveFrom: "desc" },
    });
    if (current) {
      await tx.teamLeadMeasure.update({
        where: { organizationId_teamId_leadMeasureId: key },
        data: { weeklyTarget: current.weeklyTarget, personWeeklyTarget: current.personWeeklyTarget },
      });
    }
    await recordAudit(tx, ctx, { action: "lead_target.change", entityType: "LeadTarget", entityId: target.id, before: assignment, after: target });
    return target;
  });
}

async function setArchived(db: Db, ctx: TenantContext, kind: "lead" | "lag", id: string, archived: boolean) {
  requireRole(ctx.role, "MANAGER", "archive measures");
  const where = { organizationId_id: { organizationId: ctx.organizationId, id } };
  const data = { archivedAt: archived ? new Date() : null };
  return db.$transaction(async (tx) => {
    const exists = kind === "lead" ? await tx.leadMeasure.findUnique({ where }) : await tx.lagMeasure.findUnique({ where });
    if (!exists) throw notFound("Measure not found.");
    if (kind === "lead") await tx.leadMeasure.update({ where, data });
    else await tx.lagMeasure.update({ where, data });
    await recordAudit(tx, ctx, {
      // Literal actions, so the audit trail's phrases can be checked against them (tests/unit/auditPhrases.test.ts).
      action: kind === "lead" ? (archived ? "lead_measure.archive" : "lead_measure.restore") : archived ? "lag_measure.archive" : "lag_measure.restore",
      entityType: kind === "lead" ? "LeadMeasure" : "LagMeasure",
      entityId: id,
    });
  });
}

export const archiveLeadMeasure = (db: Db, ctx: TenantContext, id: string, archived = true) => setArchived(db, ctx, "lead", id, archived);
export const archiveLagMeasure = (db: Db, ctx: TenantContext, id: string, archived = true) => setArchived(db, ctx, "lag", id, archived);

export async function saveLagMeasure(db: Db, ctx: TenantContext, id: string | null, raw: unknown) {
  requireRole(ctx.role, "MANAGER", "define measures");
  const input = parseOrThrow(lagMeasureSchema, raw);
  const organizationId = ctx.organizationId;
  const before = id ? await db.lagMeasure.findUnique({ where: { organizationId_id: { organizationId, id } } }) : null;
  if (id && !before) throw notFound("Lag measure not found.");
  await checkRefs(db, ctx, { teamIds: input.teamId ? [input.teamId] : [], userIds: input.ownerId ? [input.ownerId] : [], leadMeasureIds: input.driverIds }, "ownerId");
  const data = {
    name: input.name,
    description: input.description,
    kind: input.kind,
    unit: input.unit,
    direction: input.direction,
    cadence: input.cadence,
    baselineValue: input.baselineValue,
    baselineDate: toUtcDate(input.baselineDate),
    targetValue: input.targetValue,
    targetDate: toUtcDate(input.targetDate),
    teamId: input.teamId ?? null,
    ownerId: input.ownerId ?? null,
  };
  try {
    return await db.$transaction(async (tx) => {
      const measure = id
        ? await tx.lagMeasure.update({ where: { organizationId_id: { organizationId, id } }, data })
        : await tx.lagMeasure.create({ data: { organizationId, ...data } });
      await tx.lagDriver.deleteMany({ where: { organizationId, lagMeasureId: measure.id } });
      if (input.driverIds.length) {
        await tx.lagDriver.createMany({ data: input.driverIds.map((leadMeasureId) => ({ organizationId, lagMeasureId: measure.id, leadMeasureId })) });
      }
      await recordAudit(tx, ctx, {
        action: id ? "lag_measure.update" : "lag_measure.create",
        entityType: "LagMeasure",
        entityId: measure.id,
        before,
        // "Nobody" is kept as null, so the trail can say an owner was taken off.
        after: { ...input, ownerId: data.ownerId },
      });
      return measure;
    });
  } catch (err) {
    if (nameTaken(err)) throw validationError({ name: ["A lag measure with this name already exists."] });
    throw err;
  }
}
