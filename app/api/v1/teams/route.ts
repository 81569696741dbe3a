// GET /api/v1/teams — the caller's teams (every team for tokens and managers), with member counts.
// POST /api/v1/teams — creates a team (managers and above; tokens need teams:write).
import { apiRoute, readJson } from "@/lib/http/apiRoute";
import { teamsVisibleTo } from "@/lib/queries/teamsVisibleTo";
import { createTeam } from "@/lib/services/teams";

export const GET = apiRoute("teams:read", async ({ db, ctx }) => {
  const teams = await teamsVisibleTo(db, ctx);
  return Response.json({ data: teams.map(({ id, name, memberCount }) => ({ id, name, memberCount })) });
});

export const POST = apiRoute("teams:write", async ({ db, ctx, request }) => {
  const team = await createTeam(db, ctx, await readJson(request));
  return Response.json({ data: { ...team, memberCount: 0 } }, { status: 201 });
});
