import "server-only";
// Builds a TenantContext from the database: the membership decides the role. Used by the
// session helpers, API authentication and tests.
import type { Db } from "@/lib/db/client";
import type { Organization } from "@/lib/generated/prisma/client";
import type { OrgSettings, TenantContext } from "./tenant";

export function orgSettings(o: Organization): OrgSettings {
  return {
    id: o.id,
    name: o.name,
    slug: o.slug,
    timeZone: o.timeZone,
    weekStartsOn: o.weekStartsOn,
    currency: o.currency,
    locale: o.locale,
    greenThreshold: o.greenThreshold,
    amberThreshold: o.amberThreshold,
  };
}

/** The context of `userId` in `organizationId`, or null when they are not a member. */
export async function loadTenantContext(db: Db, userId: string, organizationId: string): Promise<TenantContext | null> {
  const m = await db.membership.findUnique({
    where: { organizationId_userId: { organizationId, userId } },
    include: { organization: true },
  });
  if (!m || m.deactivatedAt || m.removedAt) return null;
  return { organizationId, userId, role: m.role, organization: orgSettings(m.organization) };
}
