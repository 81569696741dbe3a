import "server-only";
// The people of an organization, by name, a page at a time: the people settings page and
// GET /api/v1/users. Removed people are not listed (their membership row stays for history).
// Pages are keyed on (name, userId), so people added while a client pages through are neither
// skipped nor repeated.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/schemas/ids";

export type PersonRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: "active" | "deactivated";
  teams: { id: string; name: string; isLead: boolean }[];
  /** The latest request of any of their sessions; null when they never signed in. */
  lastSeenAt: Date | null;
};

type NameIdCursor = { name: string; id: string };

/** Opaque to clients: base64url of the last row's [name, id]. */
export function encodePeopleCursor(c: NameIdCursor): string {
  return Buffer.from(JSON.stringify([c.name, c.id])).toString("base64url");
}

/** The position a cursor points after, or null when it is not one of ours. */
export function decodePeopleCursor(cursor: string): NameIdCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === "string" && isUuid(parsed[1])) {
      return { name: parsed[0], id: parsed[1] };
    }
  } catch {
    // not JSON: not ours
  }
  return null;
}

export async function peoplePage(
  db: Db,
  params: { organizationId: string; q?: string; status?: "active" | "deactivated"; after?: NameIdCursor; limit: number },
): Promise<{ data: PersonRow[]; nextCursor: string | null }> {
  const { organizationId } = params;
  const q = params.q?.trim();
  const where: Prisma.MembershipWhereInput = {
    organizationId,
    removedAt: null,
    ...(params.status === "active" ? { deactivatedAt: null } : params.status === "deactivated" ? { deactivatedAt: { not: null } } : {}),
    ...(q
      ? { OR: [{ user: { name: { contains: q, mode: "insensitive" } } }, { user: { email: { contains: q.toLowerCase(), mode: "insensitive" } } }] }
      : {}),
    ...(params.after
      ? {
          AND: [
            {
              OR: [
                { user: { name: { gt: params.after.name } } },
                { user: { name: params.after.name }, userId: { gt: params.after.id } },
              ],
            },
          ],
        }
      : {}),
  };
  const rows = await db.membership.findMany({
    where,
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
    take: params.limit + 1,
    select: {
      userId: true,
      role: true,
      deactivatedAt: true,
      user: { select: { name: true, email: true } },
      teamMembers: {
        where: { team: { archivedAt: null } },
        select: { isLead: true, team: { select: { id: true, name: true } } },
        orderBy: { team: { name: "asc" } },
      },
    },
  });
  const page = rows.slice(0, params.limit);
  const seen = page.length
    ? await db.userSession.groupBy({ by: ["userId"], where: { userId: { in: page.map((r) => r.userId) } }, _max: { lastSeenAt: true } })
    : [];
  const lastSeen = new Map(seen.map((s) => [s.userId, s._max.lastSeenAt]));
  const last = page.at(-1);
  return {
    data: page.map((r) => ({
      id: r.userId,
      name: r.user.name,
      email: r.user.email,
      role: r.role,
      status: r.deactivatedAt ? "deactivated" : "active",
      teams: r.teamMembers.map((t) => ({ id: t.team.id, name: t.team.name, isLead: t.isLead })),
      lastSeenAt: lastSeen.get(r.userId) ?? null,
    })),
    nextCursor: rows.length > params.limit && last ? encodePeopleCursor({ name: last.user.name, id: last.userId }) : null,
  };
}
