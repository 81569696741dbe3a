// GET /api/v1/analytics/lead-lag — does a lead measure predict a lag measure? The lagged
// regressions of weekly changes for k = 0…maxLagWeeks, the best k and a plain-words verdict.
import { apiRoute } from "@/lib/http/apiRoute";
import { queryOf } from "@/lib/http/validation";
import { leadLagAnalysis } from "@/lib/views/analytics";

export const GET = apiRoute("measures:read", async ({ db, ctx, request }) => {
  return Response.json(await leadLagAnalysis(db, ctx, queryOf(request)));
});
