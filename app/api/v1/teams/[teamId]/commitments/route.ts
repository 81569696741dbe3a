// GET /api/v1/teams/{teamId}/commitments — one week's commitments (this week's by default).
// POST /api/v1/teams/{teamId}/commitments — makes commitments for a week, as the check-in page does.
import { apiRoute, readJson } from "@/lib/http/apiRoute";
import { addCommitments, listCommitments } from "@/lib/http/endpoints/checkIns";
import { idParam, queryOf } from "@/lib/http/validation";

type Params = { teamId: string };

export const GET = apiRoute<Params>("teams:read", async ({ db, ctx, request, params }) => {
  return Response.json(await listCommitments(db, ctx, idParam(params.teamId, "Team"), queryOf(request)));
});

export const POST = apiRoute<Params>("teams:write", async ({ db, ctx, request, params }) => {
  return Response.json(await addCommitments(db, ctx, idParam(params.teamId, "Team"), await readJson(request)), { status: 201 });
});
