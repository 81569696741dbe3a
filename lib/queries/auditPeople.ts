import "server-only";
// Everyone who is or was a member of the organization, by name: the audit page's "who" filter
// (people removed since still have a membership row, and their changes stay in the trail).
import type { Db } from "@/lib/db/client";

export async function auditPeople(db: Db, organizationId: string): Promise<{ id: string; name: string }[]> {
  const rows = await db.membership.findMany({
    where: { organizationId },
    select: { userId: true, user: { select: { name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return rows.map((r) => ({ id: r.userId, name: r.user.name }));
}

/** True when the person is or was a member of the organization. */
export async function isMember(db: Db, organizationId: string, userId: string): Promise<boolean> {
  return (await db.membership.count({ where: { organizationId, userId } })) > 0;
}
