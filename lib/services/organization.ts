import "server-only";
// Organization settings: name, calendar (time zone, first day of the week), money and number
// formats, and the thresholds that colour lead attainment. Admins only; audited.
import type { Db } from "@/lib/db/client";
import { orgSettings } from "@/lib/auth/loadContext";
import type { OrgSettings, TenantContext } from "@/lib/auth/tenant";
import { requireRole } from "@/lib/auth/permissions";
import { notFound, parseOrThrow } from "@/lib/errors";
import { updateOrganizationSchema } from "@/lib/schemas/organization";
import { recordAudit } from "./audit";

export async function updateOrganizationSettings(db: Db, ctx: TenantContext, raw: unknown): Promise<OrgSettings> {
  requireRole(ctx.role, "ADMIN", "change the organization's settings");
  const input = parseOrThrow(updateOrganizationSchema, raw);
  const data = {
    name: input.name,
    timeZone: input.timeZone,
    weekStartsOn: input.weekStartsOn,
    currency: input.currency,
    locale: input.locale,
    // Shares of the target, rounded so that 85% is stored as 0.85 and not 0.8500000000000001.
    greenThreshold: Math.round(input.greenPercent * 100) / 10_000,
    amberThreshold: Math.round(input.amberPercent * 100) / 10_000,
  };
  return db.$transaction(async (tx) => {
    const before = await tx.organization.findUnique({ where: { id: ctx.organizationId } });
    if (!before) throw notFound("Organization not found.");
    const after = await tx.organization.update({ where: { id: ctx.organizationId }, data });
    await recordAudit(tx, ctx, {
      action: "organization.update",
      entityType: "Organization",
      entityId: ctx.organizationId,
      before: orgSettings(before),
      after: orgSettings(after),
    });
    return orgSettings(after);
  });
}
