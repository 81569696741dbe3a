// GET /api/v1/invitations — the organization's invitations, newest first, paged by cursor.
// POST /api/v1/invitations — invites one address or a list, with a role and teams; each gets an email.
import { apiRoute, readJson } from "@/lib/http/apiRoute";
import { listInvitations } from "@/lib/http/endpoints/invitations";
import { queryOf } from "@/lib/http/validation";
import { inviteFromList } from "@/lib/services/invitations";

export const GET = apiRoute("people:read", async ({ db, ctx, request }) => {
  return Response.json(await listInvitations(db, ctx, queryOf(request)));
});

export const POST = apiRoute("people:write", async ({ db, ctx, request }) => {
  const result = await inviteFromList(db, ctx, await readJson(request));
  return Response.json(result, { status: result.invited.length > 0 ? 201 : 200 });
});
