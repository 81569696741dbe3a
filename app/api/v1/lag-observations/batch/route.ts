// POST /api/v1/lag-observations/batch — records up to 10,000 lag results at once, all or nothing.
import { apiRoute, readJson } from "@/lib/api/handler";
import { setLagObservationBatch } from "@/lib/api/lagObservations";

export const POST = apiRoute("entries:write", async ({ db, caller, request }) => {
  return Response.json(await setLagObservationBatch(db, caller, await readJson(request)));
});
