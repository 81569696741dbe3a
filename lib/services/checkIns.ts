import "server-only";
// The weekly check-in: review last week's commitments, make this week's, mark the check-in held.
// The team lead and managers+ run it; a member may make and review their own commitments;
// anyone else in the organization gets a 403, and another organization's team is a 404.
// Every write is audited in its transaction.
import * as clock from "@/lib/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CommitmentStatus } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/db/client";
import type { TenantContext } from "@/lib/auth/tenant";
import { canRunCheckIn, requireWriter } from "@/lib/auth/permissions";
import { addDays, fromUtcDate, localDay, toUtcDate, weekStart, type IsoDate } from "@/lib/domain/calendar/weeks";
import { AppError, forbidden, notFound, parseOrThrow, validationError, type FieldErrors } from "@/lib/errors";
import {
  createCommitmentsSchema,
  deleteCommitmentSchema,
  editCommitmentSchema,
  markCheckInHeldSchema,
  MAX_COMMITMENTS_PER_PERSON,
  reviewCommitmentSchema,
} from "@/lib/schemas/checkIn";
import { checkInAccess, type CheckInAccess } from "@/lib/queries/checkInAccess";
import { recordAudit } from "./audit";

/** How far back a lead may record a check-in that was held but not entered. */
export const MAX_CHECK_IN_WEEKS_BACK = 52;

export { canRunCheckIn };

/** The first day of the current week in the organization's time zone. */
export function currentWeek(ctx: TenantContext, now: Date): IsoDate {
  return weekStart(localDay(now, ctx.organization.timeZone), ctx.organization.weekStartsOn);
}

/** Why `week`'s check-in may not be changed by this caller, or null when it may. */
export function weekProblem(ctx: TenantContext, access: CheckInAccess, week: IsoDate, now: Date): string | null {
  const current = currentWeek(ctx, now);
  if (week > current) return "That week has not started yet.";
  const earliest = addDays(current, -7 * MAX_CHECK_IN_WEEKS_BACK);
  if (week < earliest) return `Check-ins can be recorded up to a year back (from the week of ${earliest}).`;
  if (!access.canRun && week !== current) return "Only the team lead or a manager can change an earlier week's check-in.";
  return null;
}

export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}

export type CommitmentView = {
  id: string;
  teamId: string;
  userId: string;
  weekStart: IsoDate;
  leadMeasureId: string | null;
  text: string;
  status: CommitmentStatus;
  reason: string;
};

type CommitmentRow = Omit<CommitmentView, "weekStart"> & { weekStart: Date };

export function commitmentView(row: CommitmentRow): CommitmentView {
  return {
    id: row.id,
    teamId: row.teamId,
    userId: row.userId,
    weekStart: fromUtcDate(row.weekStart),
    leadMeasureId: row.leadMeasureId,
    text: row.text,
    status: row.status,
    reason: row.reason,
  };
}

/** Marks a commitment done, partly done or not done (with a reason unless done). */
export async function reviewCommitment(db: Db, ctx: TenantContext, raw: unknown, now: Date = clock.now()): Promise<CommitmentView> {
  requireWriter(ctx.role);
  const input = parseOrThrow(reviewCommitmentSchema, raw);
  const before = await db.commitment.findUnique({
    where: { organizationId_id: { organizationId: ctx.organizationId, id: input.commitmentId } },
  });
  if (!before) throw notFound("Commitment not found.");
  const access = await checkInAccess(db, ctx, before.teamId);
  const week = fromUtcDate(before.weekStart);
  if (!access.canRun) {
    if (before.userId !== ctx.userId) throw forbidden("Only the team lead or a manager can review someone else's commitment.");
    // Members account for their own last week (or this one); older reviews are the lead's call.
    if (week < addDays(currentWeek(ctx, now), -7)) throw forbidden("Only the team lead or a manager can review an older commitment.");
  }
  if (week > currentWeek(ctx, now)) throw validationError({ status: ["You can review a commitment once its week has started."] });

  const reason = input.status === "DONE" ? "" : input.reason;
  const after = await db.$transaction(async (tx) => {
    const updated = await tx.commitment.update({
      where: { organizationId_id: { organizationId: ctx.organizationId, id: before.id } },
      data: { status: input.status, reason, reviewedAt: now, reviewedById: ctx.userId },
    });
    await recordAudit(tx, ctx, {
      action: "commitment.review",
      entityType: "Commitment",
      entityId: before.id,
      before: commitmentView(before),
      after: commitmentView(updated),
    });
    return updated;
  });
  return commitmentView(after);
}

/** Makes commitments for a week: one or two per person, each optionally tied to a lead measure. */
export async function createCommitments(db: Db, ctx: TenantContext, raw: unknown, now: Date = clock.now()): Promise<CommitmentView[]> {
  requireWriter(ctx.role);
  const input = parseOrThrow(createCommitmentsSchema, raw);
  const access = await checkInAccess(db, ctx, input.teamId);
  const week = weekStart(input.weekStart, ctx.organization.weekStartsOn);
  if (!access.canRun && input.items.some((i) => i.userId !== ctx.userId)) {
    throw forbidden("You can only make commitments for yourself.");
  }
  const problem = weekProblem(ctx, access, week, now);
  if (problem) {
    if (!access.canRun && week < currentWeek(ctx, now)) throw forbidden(problem);
    throw validationError({ weekStart: [problem] });
  }

  const measures = await db.teamLeadMeasure.findMany({
    where: { organizationId: ctx.organizationId, teamId: access.teamId, leadMeasure: { archivedAt: null } },
    select: { leadMeasureId: true },
  });
  const tracked = new Set(measures.map((m) => m.leadMeasureId));
  const errors: FieldErrors = {};
  for (const item of input.items) {
    const at = `items.${item.index}`;
    if (!access.memberIds.has(item.userId)) errors[`${at}.userId`] = ["This person is not on the team."];
    if (item.leadMeasureId && !tracked.has(item.leadMeasureId)) errors[`${at}.leadMeasureId`] = ["This team does not track that measure."];
  }
  if (Object.keys(errors).length) throw validationError(errors);

  return db.$transaction(async (tx) => {
    // Lock the team so two people adding at once cannot both take a person's last slot.
    await tx.$executeRaw`SELECT 1 FROM "Team" WHERE "organizationId" = ${ctx.organizationId}::uuid AND id = ${access.teamId}::uuid FOR UPDATE`;
    const existing = await tx.commitment.groupBy({
      by: ["userId"],
      where: { organizationId: ctx.organizationId, teamId: access.teamId, weekStart: toUtcDate(week) },
      _count: { _all: true },
    });
    const counts = new Map(existing.map((e) => [e.userId, e._count._all]));
    for (const item of input.items) {
      const n = (counts.get(item.userId) ?? 0) + 1;
      counts.set(item.userId, n);
      if (n > MAX_COMMITMENTS_PER_PERSON) {
        errors[`items.${item.index}.text`] = [`One or two commitments a week each: this person already has ${MAX_COMMITMENTS_PER_PERSON}.`];
      }
    }
    if (Object.keys(errors).length) throw validationError(errors);

    const created: CommitmentView[] = [];
    for (const item of input.items) {
      const row = await tx.commitment.create({
        data: {
          organizationId: ctx.organizationId,
          teamId: access.teamId,
          userId: item.userId,
          weekStart: toUtcDate(week),
          leadMeasureId: item.leadMeasureId ?? null,
          text: item.text,
          createdById: ctx.userId,
        },
      });
      const view = commitmentView(row);
      await recordAudit(tx, ctx, { action: "commitment.create", entityType: "Commitment", entityId: row.id, after: view });
      created.push(view);
    }
    return created;
  });
}

/**
 * A commitment may be edited or deleted before the meeting that reviews it: while it is not
 * reviewed and the check-in of the week after its own has not been held. Members change their
 * own (this week's or last week's, as they review them); the team lead and managers anyone's.
 */
async function changeableCommitment(db: Db, ctx: TenantContext, commitmentId: string, now: Date) {
  requireWriter(ctx.role);
  const before = await db.commitment.findUnique({ where: { organizationId_id: { organizationId: ctx.organizationId, id: commitmentId } } });
  if (!before) throw notFound("Commitment not found.");
  const access = await checkInAccess(db, ctx, before.teamId);
  const week = fromUtcDate(before.weekStart);
  if (!access.canRun) {
    if (before.userId !== ctx.userId) throw forbidden("Only the team lead or a manager can change someone else's commitment.");
    if (week < addDays(currentWeek(ctx, now), -7)) throw forbidden("Only the team lead or a manager can change an older commitment.");
  }
  if (before.status !== "OPEN") throw new AppError("conflict", "This commitment has been reviewed: it can no longer be changed.");
  const review = await db.checkIn.findUnique({
    where: { organizationId_teamId_weekStart: { organizationId: ctx.organizationId, teamId: before.teamId, weekStart: toUtcDate(addDays(week, 7)) } },
    select: { id: true },
  });
  if (review) throw new AppError("conflict", "The check-in that reviews this commitment has been held: it can no longer be changed.");
  return { before, access };
}

/** Changes a commitment's text or lead measure before the meeting that reviews it. */
export async function editCommitment(db: Db, ctx: TenantContext, raw: unknown, now: Date = clock.now()): Promise<CommitmentView> {
  requireWriter(ctx.role);
  const input = parseOrThrow(editCommitmentSchema, raw);
  const { before, access } = await changeableCommitment(db, ctx, input.commitmentId, now);
  if (input.leadMeasureId) {
    const tracked = await db.teamLeadMeasure.findFirst({
      where: { organizationId: ctx.organizationId, teamId: access.teamId, leadMeasureId: input.leadMeasureId, leadMeasure: { archivedAt: null } },
      select: { leadMeasureId: true },
    });
    if (!tracked) throw validationError({ leadMeasureId: ["This team does not track that measure."] });
  }
  const after = await db.$transaction(async (tx) => {
    const updated = await tx.commitment.update({
      where: { organizationId_id: { organizationId: ctx.organizationId, id: before.id } },
      data: { text: input.text, leadMeasureId: input.leadMeasureId ?? null },
    });
    await recordAudit(tx, ctx, { action: "commitment.edit", entityType: "Commitment", entityId: before.id, before: commitmentView(before), after: commitmentView(updated) });
    return updated;
  });
  return commitmentView(after);
}

/** Deletes a commitment before the meeting that reviews it; the answer is what was deleted (for an undo). */
export async function deleteCommitment(db: Db, ctx: TenantContext, raw: unknown, now: Date = clock.now()): Promise<CommitmentView> {
  requireWriter(ctx.role);
  const input = parseOrThrow(deleteCommitmentSchema, raw);
  const { before } = await changeableCommitment(db, ctx, input.commitmentId, now);
  await db.$transaction(async (tx) => {
    await tx.commitment.delete({ where: { organizationId_id: { organizationId: ctx.organizationId, id: before.id } } });
    await recordAudit(tx, ctx, { action: "commitment.delete", entityType: "Commitment", entityId: before.id, before: commitmentView(before) });
  });
  return commitmentView(before);
}

export type CheckInView = { id: string; teamId: string; weekStart: IsoDate; heldAt: Date; heldById: string | null };

function checkInView(row: { id: string; teamId: string; weekStart: Date; heldAt: Date; heldById: string | null }): CheckInView {
  return { id: row.id, teamId: row.teamId, weekStart: fromUtcDate(row.weekStart), heldAt: row.heldAt, heldById: row.heldById };
}

/** Records that the week's check-in took place. Marking it twice changes nothing. */
export async function markCheckInHeld(
  db: Db,
  ctx: TenantContext,
  raw: unknown,
  now: Date = clock.now(),
): Promise<{ checkIn: CheckInView; created: boolean }> {
  const input = parseOrThrow(markCheckInHeldSchema, raw);
  const access = await checkInAccess(db, ctx, input.teamId);
  if (!access.canRun) throw forbidden("Only the team lead or a manager can mark the check-in held.");
  const week = weekStart(input.weekStart, ctx.organization.weekStartsOn);
  const problem = weekProblem(ctx, access, week, now);
  if (problem) throw validationError({ weekStart: [problem] });

  const key = { organizationId: ctx.organizationId, teamId: access.teamId, weekStart: toUtcDate(week) };
  const find = () => db.checkIn.findUnique({ where: { organizationId_teamId_weekStart: key } });
  const existing = await find();
  if (existing) return { checkIn: checkInView(existing), created: false };
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.checkIn.create({ data: { ...key, heldAt: now, heldById: ctx.userId, notes: input.notes } });
      await recordAudit(tx, ctx, { action: "check_in.hold", entityType: "CheckIn", entityId: created.id, after: checkInView(created) });
      return created;
    });
    return { checkIn: checkInView(row), created: true };
  } catch (err) {
    // Two clicks raced: the unique (team, week) key let one through, and its row is the answer.
    if (isUniqueViolation(err)) {
      const winner = await find();
      if (winner) return { checkIn: checkInView(winner), created: false };
    }
    throw err;
  }
}
