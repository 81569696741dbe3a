// GET /api/v1/analytics/forecast — a lag measure's next weeks: the linear trend of its last 26
// weekly means with 80% and 95% prediction bands.
import { apiRoute } from "@/lib/http/apiRoute";
import { queryOf } from "@/lib/http/validation";
import { lagForecast } from "@/lib/views/analytics";

export const GET = apiRoute("measures:read", async ({ db, ctx, request }) => {
  return Response.json(await lagForecast(db, ctx, queryOf(request)));
});
