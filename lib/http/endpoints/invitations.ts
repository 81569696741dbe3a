import "server-only";
// The invitation endpoints of the REST API over the invitation services: the token's (or the
// session's) organization is the only one an invitation can be sent from, listed in or revoked in.
import * as clock from "@/lib/clock";
import type { Db } from "@/lib/db/client";
import { requireInviter } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/tenant";
import { parseOrThrow, validationError } from "@/lib/errors";
import { decodeInstantIdCursor } from "@/lib/queries/cursor";
import { invitationList } from "@/lib/queries/invitationList";
import { listInvitationsQuerySchema } from "@/lib/schemas/invitations";

/** GET /api/v1/invitations: one page, newest first. */
export async function listInvitations(db: Db, ctx: TenantContext, query: Record<string, string>) {
  requireInviter(ctx.role);
  const q = parseOrThrow(listInvitationsQuerySchema, query);
  const after = q.cursor ? decodeInstantIdCursor(q.cursor) : undefined;
  if (after === null) throw validationError({ cursor: ["This cursor is not one we issued; start again without it."] });
  return invitationList(db, { organizationId: ctx.organizationId, now: clock.now(), limit: q.limit, after });
}
