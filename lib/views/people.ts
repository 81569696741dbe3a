import "server-only";
// The people settings page: the organization's people (search by name or email, by status), and
// what the caller may do to each of them, so the page offers only actions the services accept.
import { canAdminister, canGrantRole, hasRole } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import { peoplePage, type PersonRow } from "@/lib/queries/peoplePage";
import { GRANTABLE_ROLES, type GrantableRole } from "@/lib/schemas/people";

/** The page lists this many matches; a search narrows a larger organization. */
export const PEOPLE_PAGE_LIMIT = 200;

export type PersonView = PersonRow & {
  isMe: boolean;
  /** The roles the caller may give this person (empty: their role is above the caller's). */
  roles: GrantableRole[];
  canDeactivate: boolean;
  canRemove: boolean;
  canTransfer: boolean;
};

export type PeopleView = {
  people: PersonView[];
  /** More people match than are listed. */
  truncated: boolean;
  q: string;
  status: "active" | "deactivated" | undefined;
  counts: { active: number; deactivated: number };
  isOwner: boolean;
};

export async function peopleView(db: Db, ctx: TenantContext, filters: { q?: string; status?: string }): Promise<PeopleView> {
  if (!canAdminister(ctx.role)) throw forbidden("You need the admin role to manage people.");
  const q = (filters.q ?? "").trim().slice(0, 200);
  const status = filters.status === "active" || filters.status === "deactivated" ? filters.status : undefined;
  const [page, grouped] = await Promise.all([
    peoplePage(db, { organizationId: ctx.organizationId, q: q || undefined, status, limit: PEOPLE_PAGE_LIMIT }),
    db.membership.groupBy({
      by: ["deactivatedAt"],
      where: { organizationId: ctx.organizationId, removedAt: null },
      _count: { _all: true },
    }),
  ]);
  const counts = { active: 0, deactivated: 0 };
  for (const g of grouped) counts[g.deactivatedAt ? "deactivated" : "active"] += g._count._all;
  const isOwner = ctx.role === "OWNER";
  return {
    people: page.data.map((p) => {
      const isMe = p.id === ctx.userId;
      const mayAct = hasRole(ctx.role, p.role);
      return {
        ...p,
        isMe,
        roles: mayAct ? GRANTABLE_ROLES.filter((r) => canGrantRole(ctx.role, r)) : [],
        canDeactivate: mayAct && !isMe,
        canRemove: mayAct,
        canTransfer: isOwner && !isMe && p.role !== "OWNER" && p.status === "active",
      };
    }),
    truncated: page.nextCursor !== null,
    q,
    status,
    counts,
    isOwner,
  };
}
