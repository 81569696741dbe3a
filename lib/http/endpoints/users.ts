import "server-only";
// GET /api/v1/users: the organization's people (removed people are not listed), by name, a page
// at a time. Tokens need `people:read`; signed-in callers need the manager role.
import { requireRole } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { parseOrThrow, validationError } from "@/lib/errors";
import { decodePeopleCursor, peoplePage } from "@/lib/queries/peoplePage";
import { listPeopleQuerySchema } from "@/lib/schemas/people";
import type { ApiCaller } from "../apiRoute";

export async function listUsers(db: Db, caller: ApiCaller, query: Record<string, string>) {
  const { ctx } = caller;
  requireRole(ctx.role, "MANAGER", "list the organization's people");
  const q = parseOrThrow(listPeopleQuerySchema, query);
  const after = q.cursor ? decodePeopleCursor(q.cursor) : undefined;
  if (after === null) throw validationError({ cursor: ["This cursor is not one we issued; start again without it."] });
  const page = await peoplePage(db, { organizationId: ctx.organizationId, q: q.q, status: q.status, after, limit: q.limit });
  return {
    data: page.data.map(({ id, name, email, role, status, teams }) => ({ id, name, email, role, status, teams })),
    nextCursor: page.nextCursor,
  };
}
