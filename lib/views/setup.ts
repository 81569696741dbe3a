import "server-only";
// The setup wizard's read model: where the organization stopped, and what it has so far (teams,
// lead measures with their targets, lag measures), from the measure catalog.
import type { TenantContext } from "@/lib/auth/tenant";
import { requireRole } from "@/lib/auth/permissions";
import * as clock from "@/lib/clock";
import type { Db } from "@/lib/db/client";
import { localDay } from "@/lib/domain/calendar/weeks";
import { LAG_TEMPLATES, LEAD_TEMPLATES } from "@/lib/domain/templates";
import { notFound } from "@/lib/errors";
import { isSetupStep, type SetupStep } from "@/lib/schemas/setup";
import { measureCatalog } from "./measureCatalog";

/** Whether the organization still offers the wizard (never finished nor skipped). */
export async function setupPending(db: Db, organizationId: string): Promise<boolean> {
  const org = await db.organization.findUnique({ where: { id: organizationId }, select: { setupCompletedAt: true } });
  return Boolean(org && !org.setupCompletedAt);
}

export async function setupWizard(db: Db, ctx: TenantContext) {
  requireRole(ctx.role, "ADMIN", "set up the organization");
  const org = await db.organization.findUnique({ where: { id: ctx.organizationId }, select: { setupStep: true, setupCompletedAt: true } });
  if (!org) throw notFound("Organization not found.");
  const catalog = await measureCatalog(db, ctx.organizationId);
  const usedLead = new Set(catalog.lead.map((m) => m.name));
  const usedLag = new Set(catalog.lag.map((m) => m.name));
  return {
    step: (isSetupStep(org.setupStep) ? org.setupStep : "teams") as SetupStep,
    completed: Boolean(org.setupCompletedAt),
    teams: catalog.teams,
    lead: catalog.lead.filter((m) => !m.archived),
    lag: catalog.lag.filter((m) => !m.archived),
    /** Who may own a measure: the organization's current members. */
    people: catalog.people,
    /** Templates not used yet. */
    leadTemplates: LEAD_TEMPLATES.filter((t) => !usedLead.has(t.name)),
    lagTemplates: LAG_TEMPLATES.filter((t) => !usedLag.has(t.name)),
    today: localDay(clock.now(), ctx.organization.timeZone),
  };
}

export type SetupWizard = Awaited<ReturnType<typeof setupWizard>>;
