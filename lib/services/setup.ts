import "server-only";
// The setup wizard's own writes: its teams step (teams, with the person running it as their lead
// so they can log from day one), where the organization stopped (saved after every step, so the
// wizard resumes there), and finishing or skipping it. The measure steps write through
// ./measures.ts like the measure pages do. Admins and owners only; audited.
import type { TenantContext } from "@/lib/auth/tenant";
import { requireRole } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { parseOrThrow, validationError } from "@/lib/errors";
import { setupStepSchema, setupTeamsSchema, type SetupStep } from "@/lib/schemas/setup";
import { recordAudit } from "./audit";
import { createTeam, setTeamMembers } from "./teams";

const requireSetup = (ctx: TenantContext) => requireRole(ctx.role, "ADMIN", "set up the organization");

/** Saves the step the wizard shows next. */
export async function saveSetupStep(db: Db, ctx: TenantContext, raw: unknown): Promise<SetupStep> {
  requireSetup(ctx);
  const step = parseOrThrow(setupStepSchema, raw);
  await db.organization.update({ where: { id: ctx.organizationId }, data: { setupStep: step } });
  return step;
}

/**
 * Creates the teams named (one per line) and moves the wizard on to lead measures. Refuses when
 * the organization would still have no team, or when a name is taken (nothing is created then).
 */
export async function setupTeams(db: Db, ctx: TenantContext, raw: unknown): Promise<{ id: string; name: string }[]> {
  requireSetup(ctx);
  const input = parseOrThrow(setupTeamsSchema, raw);
  const organizationId = ctx.organizationId;
  const existing = await db.team.findMany({ where: { organizationId }, select: { name: true, archivedAt: true } });
  if (input.names.length === 0 && !existing.some((t) => !t.archivedAt)) throw validationError({ names: ["Add at least one team."] });
  const taken = input.names.filter((n) => existing.some((t) => t.name.toLowerCase() === n.toLowerCase()));
  if (taken.length) throw validationError({ names: [`Already a team: ${taken.join(", ")}.`] });
  const me = input.joinAsLead ? await db.user.findUnique({ where: { id: ctx.userId }, select: { email: true } }) : null;
  const created: { id: string; name: string }[] = [];
  for (const name of input.names) {
    const team = await createTeam(db, ctx, { name });
    if (me) await setTeamMembers(db, ctx, team.id, { members: [{ email: me.email, isLead: true }] });
    created.push(team);
  }
  await saveSetupStep(db, ctx, "lead");
  return created;
}

/** Finishes the wizard, or skips the rest of it: either way it is no longer offered. */
export async function finishSetup(db: Db, ctx: TenantContext, how: "finish" | "skip"): Promise<{ firstTeamId: string | null }> {
  requireSetup(ctx);
  const organizationId = ctx.organizationId;
  return db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { setupStep: true, setupCompletedAt: true } });
    if (!before.setupCompletedAt) {
      await tx.organization.update({ where: { id: organizationId }, data: { setupStep: "done", setupCompletedAt: new Date() } });
      await recordAudit(tx, ctx, {
        action: how === "skip" ? "organization.setup_skip" : "organization.setup_finish",
        entityType: "Organization",
        entityId: organizationId,
        before: { setupStep: before.setupStep },
        after: { setupStep: "done" },
      });
    }
    const first = await tx.team.findFirst({ where: { organizationId, archivedAt: null }, orderBy: [{ createdAt: "asc" }, { name: "asc" }], select: { id: true } });
    return { firstTeamId: first?.id ?? null };
  });
}
