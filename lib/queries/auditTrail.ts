import "server-only";
// The organization's audit trail, newest first, a page at a time (keyset on createdAt), with the
// names of who acted and of the person a people event is about (memberships are never deleted,
// so removed people keep their names here).
import type { Db } from "@/lib/db/client";

export const AUDIT_PAGE = 50;

/** Events whose entityId is a user's id. */
const ABOUT_A_PERSON = new Set(["Membership", "User"]);

export async function auditTrail(db: Db, params: { organizationId: string; before?: Date; entityType?: string; entityTypes?: readonly string[] }) {
  const types = params.entityTypes ? [...params.entityTypes] : params.entityType ? [params.entityType] : null;
  const rows = await db.auditEvent.findMany({
    where: {
      organizationId: params.organizationId,
      ...(params.before ? { createdAt: { lt: params.before } } : {}),
      ...(types ? { entityType: { in: types } } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: AUDIT_PAGE + 1,
  });
  const page = rows.slice(0, AUDIT_PAGE);
  const personIds = page.flatMap((r) => [r.actorId, ABOUT_A_PERSON.has(r.entityType) ? r.entityId : null]);
  const people = await db.membership.findMany({
    where: { organizationId: params.organizationId, userId: { in: [...new Set(personIds.filter((id): id is string => id != null))] } },
    select: { userId: true, user: { select: { name: true } } },
  });
  const names = new Map(people.map((a) => [a.userId, a.user.name]));
  return {
    events: page.map((r) => ({
      id: r.id,
      at: r.createdAt.toISOString(),
      actor: r.actorId ? (names.get(r.actorId) ?? "API token") : "system",
      subject: ABOUT_A_PERSON.has(r.entityType) ? (names.get(r.entityId) ?? null) : null,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
    })),
    next: rows.length > AUDIT_PAGE ? page[page.length - 1]!.createdAt.toISOString() : null,
  };
}
