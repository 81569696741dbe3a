// Logging lead entries. Every rule a user can break is reported as a field error, and nothing
// is written unless the entry and its audit record are both written.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { TenantContext } from "@/lib/auth/tenant";
import { canLogForOthers } from "@/lib/auth/permissions";
import { addDays, daysBetween, fromUtcDate, localDay, toUtcDate } from "@/lib/domain/weeks";
import { forbidden, notFound, parseOrThrow, validationError } from "@/lib/errors";
import { createLeadEntrySchema } from "@/lib/schemas/leadEntry";
import { recordAudit } from "./audit";

/** How far back an entry may be dated. */
export const MAX_BACKDATE_DAYS = 366;

export type LeadEntryView = {
  id: string;
  teamId: string;
  leadMeasureId: string;
  userId: string;
  entryDate: string;
  value: number;
  note: string;
};

function view(row: {
  id: string;
  teamId: string;
  leadMeasureId: string;
  userId: string;
  entryDate: Date;
  value: number;
  note: string;
}): LeadEntryView {
  return {
    id: row.id,
    teamId: row.teamId,
    leadMeasureId: row.leadMeasureId,
    userId: row.userId,
    entryDate: fromUtcDate(row.entryDate),
    value: row.value,
    note: row.note,
  };
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}

export async function createLeadEntry(
  db: Db,
  ctx: TenantContext,
  raw: unknown,
  now: Date = new Date(),
): Promise<{ entry: LeadEntryView; created: boolean }> {
  const input = parseOrThrow(createLeadEntrySchema, raw);
  const organizationId = ctx.organizationId;
  const forUserId = input.userId ?? ctx.userId;

  if (input.idempotencyKey) {
    const existing = await db.leadEntry.findUnique({
      where: { organizationId_idempotencyKey: { organizationId, idempotencyKey: input.idempotencyKey } },
    });
    if (existing) return { entry: view(existing), created: false };
  }

  const team = await db.team.findUnique({ where: { organizationId_id: { organizationId, id: input.teamId } } });
  if (!team || team.archivedAt) throw notFound("Team not found.");

  const [callerOnTeam, personOnTeam, tracked] = await Promise.all([
    db.teamMember.findUnique({
      where: { organizationId_teamId_userId: { organizationId, teamId: team.id, userId: ctx.userId } },
    }),
    db.teamMember.findUnique({
      where: { organizationId_teamId_userId: { organizationId, teamId: team.id, userId: forUserId } },
    }),
    db.teamLeadMeasure.findUnique({
      where: {
        organizationId_teamId_leadMeasureId: { organizationId, teamId: team.id, leadMeasureId: input.leadMeasureId },
      },
      include: { leadMeasure: true },
    }),
  ]);

  const mayLogForOthers = canLogForOthers(ctx.role);
  if (!callerOnTeam && !mayLogForOthers) throw forbidden("You are not a member of this team.");
  if (forUserId !== ctx.userId && !mayLogForOthers) throw forbidden("Only managers can log entries for someone else.");

  const fieldErrors: Record<string, string[]> = {};
  if (!personOnTeam) fieldErrors.userId = ["This person is not a member of the team."];
  if (!tracked || tracked.leadMeasure.archivedAt) {
    fieldErrors.leadMeasureId = ["This team does not track that measure."];
  } else if (tracked.leadMeasure.aggregation === "COUNT" && !Number.isInteger(input.value)) {
    fieldErrors.value = ["Enter a whole number: this measure counts occurrences."];
  }
  const today = localDay(now, ctx.organization.timeZone);
  if (daysBetween(today, input.entryDate) > 0) {
    fieldErrors.entryDate = ["Can't be in the future."];
  } else if (daysBetween(input.entryDate, today) > MAX_BACKDATE_DAYS) {
    fieldErrors.entryDate = [`Can't be more than a year ago (earliest ${addDays(today, -MAX_BACKDATE_DAYS)}).`];
  }
  if (Object.keys(fieldErrors).length > 0) throw validationError(fieldErrors);

  try {
    const entry = await db.$transaction(async (tx) => {
      const created = await tx.leadEntry.create({
        data: {
          organizationId,
          teamId: team.id,
          leadMeasureId: input.leadMeasureId,
          userId: forUserId,
          entryDate: toUtcDate(input.entryDate),
          value: input.value,
          note: input.note,
          idempotencyKey: input.idempotencyKey ?? null,
          source: "MANUAL",
          createdById: ctx.userId,
        },
      });
      await recordAudit(tx, ctx, {
        action: "lead_entry.create",
        entityType: "LeadEntry",
        entityId: created.id,
        after: view(created),
      });
      return created;
    });
    return { entry: view(entry), created: true };
  } catch (err) {
    // Two submits with the same key raced: the other one won, and its row is the answer.
    if (input.idempotencyKey && isUniqueViolation(err)) {
      const existing = await db.leadEntry.findUnique({
        where: { organizationId_idempotencyKey: { organizationId, idempotencyKey: input.idempotencyKey } },
      });
      if (existing) return { entry: view(existing), created: false };
    }
    throw err;
  }
}
