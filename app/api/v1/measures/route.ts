// GET /api/v1/measures — every lead measure (with the teams tracking it and this week's targets)
// and every lag measure (baseline, target, direction), for integrations to map their data to.
import * as clock from "@/lib/clock";
import { apiRoute } from "@/lib/http/apiRoute";
import { currentWeekStart } from "@/lib/domain/calendar/weeks";
import { measuresWithCurrentTargets } from "@/lib/queries/measuresWithCurrentTargets";

export const GET = apiRoute("measures:read", async ({ db, ctx }) => {
  const { timeZone, weekStartsOn } = ctx.organization;
  const weekStart = currentWeekStart(clock.now(), timeZone, weekStartsOn);
  const measures = await measuresWithCurrentTargets(db, { organizationId: ctx.organizationId, weekStart });
  return Response.json({ weekStart, ...measures });
});
