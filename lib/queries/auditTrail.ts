import "server-only";
// The organization's audit trail, newest first, a page at a time (keyset on createdAt).
import type { Db } from "@/lib/db/client";

export const AUDIT_PAGE = 50;

export async function auditTrail(db: Db, params: { organizationId: string; before?: Date; entityType?: string }) {
  const rows = await db.auditEvent.findMany({
    where: {
      organizationId: params.organizationId,
      ...(params.before ? { createdAt: { lt: params.before } } : {}),
      ...(params.entityType ? { entityType: params.entityType } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: AUDIT_PAGE + 1,
  });
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id != null))];
  const actors = await db.membership.findMany({
    where: { organizationId: params.organizationId, userId: { in: actorIds } },
    select: { userId: true, user: { select: { name: true } } },
  });
  const names = new Map(actors.map((a) => [a.userId, a.user.name]));
  const page = rows.slice(0, AUDIT_PAGE);
  return {
    events: page.map((r) => ({
      id: r.id,
      at: r.createdAt.toISOString(),
      actor: r.actorId ? (names.get(r.actorId) ?? "API token / former member") : "system",
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
    })),
    next: rows.length > AUDIT_PAGE ? page[page.length - 1]!.createdAt.toISOString() : null,
  };
}
