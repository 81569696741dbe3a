// POST /api/v1/lag-observations/batch — records up to 10,000 lag results at once, all or nothing.
import { apiRoute, readJson } from "@/lib/http/apiRoute";
import { setLagObservationBatch } from "@/lib/http/endpoints/lagObservations";

export const POST = apiRoute("entries:write", async ({ db, caller, request }) => {
  return Response.json(await setLagObservationBatch(db, caller, await readJson(request)));
});
