import "server-only";
// ROI programs and their ledgers (managers and above). Every write is tenant-scoped, checked
// against the organization's teams and measures, audited, and transactional.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { TenantContext } from "@/lib/auth/tenant";
import { requireRole } from "@/lib/auth/permissions";
import { toUtcDate } from "@/lib/domain/calendar/weeks";
import { notFound, parseOrThrow, validationError } from "@/lib/errors";
import { isUuid } from "@/lib/schemas/ids";
import { benefitSchema, costSchema, intangibleSchema, programSchema } from "@/lib/schemas/programs";
import { recordAudit } from "./audit";

const taken = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";

/** Throws 404 unless the program belongs to the caller's organization. */
export async function requireProgram(db: Db, ctx: TenantContext, programId: string) {
  // A malformed id names no program (and PostgreSQL would refuse to cast it).
  const program = isUuid(programId) ? await db.program.findUnique({ where: { organizationId_id: { organizationId: ctx.organizationId, id: programId } } }) : null;
  if (!program) throw notFound("Program not found.");
  return program;
}

export async function saveProgram(db: Db, ctx: TenantContext, id: string | null, raw: unknown) {
  requireRole(ctx.role, "MANAGER", "manage programs");
  const input = parseOrThrow(programSchema, raw);
  const organizationId = ctx.organizationId;
  const before = id ? await requireProgram(db, ctx, id) : null;
  const teamIds = [...input.participantTeamIds, ...input.controlTeamIds];
  const found = await db.team.count({ where: { organizationId, id: { in: teamIds } } });
  if (found !== new Set(teamIds).size) throw validationError({ participantTeamIds: ["Teams must belong to this organization."] });
  const data = {
    name: input.name,
    description: input.description,
    startDate: toUtcDate(input.startDate),
    endDate: input.endDate ? toUtcDate(input.endDate) : null,
    averageSalary: input.averageSalary ?? null,
  };
  try {
    return await db.$transaction(async (tx) => {
      const program = before
        ? await tx.program.update({ where: { organizationId_id: { organizationId, id: before.id } }, data })
        : await tx.program.create({ data: { organizationId, ...data } });
      await tx.programTeam.deleteMany({ where: { organizationId, programId: program.id } });
      await tx.programTeam.createMany({
        data: [
          ...input.participantTeamIds.map((teamId) => ({ organizationId, programId: program.id, teamId, role: "PARTICIPANT" as const })),
          ...input.controlTeamIds.map((teamId) => ({ organizationId, programId: program.id, teamId, role: "CONTROL" as const })),
        ],
      });
      await recordAudit(tx, ctx, { action: before ? "program.update" : "program.create", entityType: "Program", entityId: program.id, before, after: input });
      return program;
    });
  } catch (err) {
    if (taken(err)) throw validationError({ name: ["A program with this name already exists."] });
    throw err;
  }
}

export async function addCost(db: Db, ctx: TenantContext, programId: string, raw: unknown) {
  requireRole(ctx.role, "MANAGER", "manage programs");
  await requireProgram(db, ctx, programId);
  const input = parseOrThrow(costSchema, raw);
  return db.$transaction(async (tx) => {
    const cost = await tx.programCost.create({
      data: {
        organizationId: ctx.organizationId,
        programId,
        category: input.category,
        description: input.description,
        incurredOn: toUtcDate(input.incurredOn),
        amount: input.amount,
        hours: input.hours ?? null,
        hourlyRate: input.hourlyRate ?? null,
        cohorts: input.cohorts,
      },
    });
    await recordAudit(tx, ctx, { action: "program_cost.create", entityType: "ProgramCost", entityId: cost.id, after: cost });
    return cost;
  });
}

export async function addBenefit(db: Db, ctx: TenantContext, programId: string, raw: unknown) {
  requireRole(ctx.role, "MANAGER", "manage programs");
  await requireProgram(db, ctx, programId);
  const input = parseOrThrow(benefitSchema, raw);
  if (input.lagMeasureId) {
    const lag = await db.lagMeasure.findUnique({ where: { organizationId_id: { organizationId: ctx.organizationId, id: input.lagMeasureId } } });
    if (!lag) throw validationError({ lagMeasureId: ["Choose a lag measure of this organization."] });
  }
  return db.$transaction(async (tx) => {
    const benefit = await tx.programBenefit.create({
      data: {
        organizationId: ctx.organizationId,
        programId,
        name: input.name,
        kind: input.parameters.kind,
        lagMeasureId: input.parameters.kind === "MANUAL" ? null : (input.lagMeasureId ?? null),
        parameters: input.parameters as Prisma.InputJsonValue,
        margin: input.margin,
        confidence: input.confidence,
        isolationMethod: input.isolationMethod,
        estimateShare: input.estimateShare ?? null,
        estimateConfidence: input.estimateConfidence ?? null,
        evidence: input.evidence,
      },
    });
    await recordAudit(tx, ctx, { action: "program_benefit.create", entityType: "ProgramBenefit", entityId: benefit.id, after: benefit });
    return benefit;
  });
}

export async function addIntangible(db: Db, ctx: TenantContext, programId: string, raw: unknown) {
  requireRole(ctx.role, "MANAGER", "manage programs");
  await requireProgram(db, ctx, programId);
  const input = parseOrThrow(intangibleSchema, raw);
  return db.$transaction(async (tx) => {
    const row = await tx.programIntangible.create({ data: { organizationId: ctx.organizationId, programId, ...input } });
    await recordAudit(tx, ctx, { action: "program_intangible.create", entityType: "ProgramIntangible", entityId: row.id, after: row });
    return row;
  });
}

type LineKind = "cost" | "benefit" | "intangible";

/** Removes one ledger line of a program; returns it so the page can offer an undo. */
export async function removeLine(db: Db, ctx: TenantContext, kind: LineKind, id: string) {
  requireRole(ctx.role, "MANAGER", "manage programs");
  const where = { organizationId_id: { organizationId: ctx.organizationId, id } };
  return db.$transaction(async (tx) => {
    const row =
      kind === "cost"
        ? await tx.programCost.findUnique({ where })
        : kind === "benefit"
          ? await tx.programBenefit.findUnique({ where })
          : await tx.programIntangible.findUnique({ where });
    if (!row) throw notFound("Line not found.");
    if (kind === "cost") await tx.programCost.delete({ where });
    else if (kind === "benefit") await tx.programBenefit.delete({ where });
    else await tx.programIntangible.delete({ where });
    await recordAudit(tx, ctx, {
      action: kind === "cost" ? "program_cost.delete" : kind === "benefit" ? "program_benefit.delete" : "program_intangible.delete",
      entityType: `Program${kind[0]!.toUpperCase()}${kind.slice(1)}`,
      entityId: id,
      before: row,
    });
    return row;
  });
}
