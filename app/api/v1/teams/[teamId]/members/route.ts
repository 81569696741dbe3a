// GET /api/v1/teams/{teamId}/members — who is on the team.
// PUT /api/v1/teams/{teamId}/members — sets the member list by email (HR sync), all or nothing.
import { apiRoute, readJson } from "@/lib/http/apiRoute";
import { idParam } from "@/lib/http/validation";
import { requireTeamAccess } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { teamMembers } from "@/lib/queries/teamMembers";
import { setTeamMembers } from "@/lib/services/teams";

type Params = { teamId: string };

export const GET = apiRoute<Params>("teams:read", async ({ db, ctx, params }) => {
  const teamId = idParam(params.teamId, "Team");
  const result = await teamMembers(db, { organizationId: ctx.organizationId, teamId });
  if (!result) throw notFound("Team not found.");
  requireTeamAccess(ctx.role, result.members.some((m) => m.userId === ctx.userId));
  return Response.json({ data: result.members });
});

export const PUT = apiRoute<Params>("teams:write", async ({ db, ctx, request, params }) => {
  const teamId = idParam(params.teamId, "Team");
  const result = await setTeamMembers(db, ctx, teamId, await readJson(request));
  const after = await teamMembers(db, { organizationId: ctx.organizationId, teamId });
  return Response.json({ ...result, data: after?.members ?? [] });
});
