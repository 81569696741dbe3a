// GET /api/v1/users — the organization's people with role, status and teams, paged by cursor.
import { apiRoute } from "@/lib/http/apiRoute";
import { listUsers } from "@/lib/http/endpoints/users";
import { queryOf } from "@/lib/http/validation";

export const GET = apiRoute("people:read", async ({ db, caller, request }) => {
  return Response.json(await listUsers(db, caller, queryOf(request)));
});
