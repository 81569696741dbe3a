import "server-only";
// Which lead measures a team tracks, from the team's side (the teams settings page): start
// tracking one with a weekly target, change that target, stop tracking it. The assignment and
// its dated targets are the measures' own (./measures.ts): this module only chooses which of
// those to call. Managers and above; audited.
import * as clock from "@/lib/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { TenantContext } from "@/lib/auth/tenant";
import { requireRole } from "@/lib/auth/permissions";
import { currentWeekStart } from "@/lib/domain/calendar/weeks";
import { AppError, notFound, parseOrThrow, validationError } from "@/lib/errors";
import { isUuid } from "@/lib/schemas/ids";
import { teamLeadMeasureSchema } from "@/lib/schemas/team";
import { recordAudit } from "./audit";
import { assignToTeams, changeLeadTarget } from "./measures";
import { teamForChange } from "./teams";

export type TrackResult = { leadMeasureId: string; weeklyTarget: number; personWeeklyTarget: number | null; started: boolean };

/**
 * The team tracks the lead measure with this weekly target (and optional per-person target).
 * A measure it does not track yet starts with the target for every week; one it tracks gets the
 * new target from the current week on, earlier weeks keeping theirs (as on the measure's page).
 */
export async function trackLeadMeasure(db: Db, ctx: TenantContext, teamId: string, raw: unknown, now: Date = clock.now()): Promise<TrackResult> {
  requireRole(ctx.role, "MANAGER", "choose what a team tracks");
  const input = parseOrThrow(teamLeadMeasureSchema, raw);
  const organizationId = ctx.organizationId;
  const targets = { weeklyTarget: input.weeklyTarget, personWeeklyTarget: input.personWeeklyTarget ?? null };
  const result = { leadMeasureId: input.leadMeasureId, ...targets };
  const team = await teamForChange(db, organizationId, teamId);
  const measure = await db.leadMeasure.findUnique({ where: { organizationId_id: { organizationId, id: input.leadMeasureId } } });
  if (!measure || measure.archivedAt) throw validationError({ leadMeasureId: ["Choose one of this organization's lead measures."] });

  const key = { organizationId, teamId: team.id, leadMeasureId: measure.id };
  const tracked = await db.teamLeadMeasure.findUnique({ where: { organizationId_teamId_leadMeasureId: key } });
  if (tracked) {
    if (tracked.weeklyTarget === targets.weeklyTarget && tracked.personWeeklyTarget === targets.personWeeklyTarget) return { ...result, started: false };
    const { weekStartsOn, timeZone } = ctx.organization;
    await changeLeadTarget(db, ctx, { teamId: team.id, ...result, effectiveFrom: currentWeekStart(now, timeZone, weekStartsOn) }, now);
    return { ...result, started: false };
  }
  try {
    await db.$transaction(async (tx) => {
      await assignToTeams(tx, organizationId, measure.id, [{ teamId: team.id, ...targets }], ctx.userId);
      await recordAudit(tx, ctx, { action: "team.measure.track", entityType: "Team", entityId: team.id, after: { team: team.name, measure: measure.name, ...result } });
    });
  } catch (err) {
    // Two managers started it at once: the first one's target stands.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new AppError("conflict", "The team already tracks this measure; change its target instead.");
    }
    throw err;
  }
  return { ...result, started: true };
}

/**
 * The team stops tracking the lead measure: it leaves the team's scoreboard and check-in. The
 * entries logged for it stay; tracking it again later starts from a fresh target.
 */
export async function untrackLeadMeasure(db: Db, ctx: TenantContext, teamId: string, leadMeasureId: string): Promise<void> {
  requireRole(ctx.role, "MANAGER", "choose what a team tracks");
  const organizationId = ctx.organizationId;
  await db.$transaction(async (tx) => {
    const team = await teamForChange(tx, organizationId, teamId);
    const key = { organizationId_teamId_leadMeasureId: { organizationId, teamId, leadMeasureId } };
    const tracked = isUuid(leadMeasureId) ? await tx.teamLeadMeasure.findUnique({ where: key, include: { leadMeasure: { select: { name: true } } } }) : null;
    if (!tracked) throw notFound("This team does not track that measure.");
    await tx.teamLeadMeasure.delete({ where: key });
    const { leadMeasure, ...assignment } = tracked;
    await recordAudit(tx, ctx, { action: "team.measure.untrack", entityType: "Team", entityId: teamId, before: { team: team.name, measure: leadMeasure.name, ...assignment } });
  });
}
