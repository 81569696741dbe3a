// GET /api/v1/analytics/forecast — a lag measure's next weeks from its last 26 weekly means
// (linear trend or random walk, chosen by backtest), within its range, with 80% and 95% bands.
import { apiRoute } from "@/lib/http/apiRoute";
import { queryOf } from "@/lib/http/validation";
import { lagForecast } from "@/lib/views/analytics";

export const GET = apiRoute("measures:read", async ({ db, ctx, request }) => {
  return Response.json(await lagForecast(db, ctx, queryOf(request)));
});
