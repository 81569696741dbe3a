// POST /api/v1/lag-observations — records one lag measure result (managers and above; tokens
// need entries:write). A result for the same measure, team and date is replaced.
import { apiRoute, readJson } from "@/lib/http/apiRoute";
import { addLagObservation } from "@/lib/http/endpoints/lagObservations";

export const POST = apiRoute("entries:write", async ({ db, caller, request }) => {
  const result = await addLagObservation(db, caller, await readJson(request));
  return Response.json(result, { status: result.replaced ? 200 : 201 });
});
