// GET /api/v1/teams/{teamId}/check-ins — the team's held check-ins with notes, decisions and commitments, newest first, paged.
import { apiRoute } from "@/lib/http/apiRoute";
import { listCheckIns } from "@/lib/http/endpoints/checkIns";
import { idParam, queryOf } from "@/lib/http/validation";

export const GET = apiRoute<{ teamId: string }>("teams:read", async ({ db, ctx, request, params }) => {
  return Response.json(await listCheckIns(db, ctx, idParam(params.teamId, "Team"), queryOf(request)));
});
