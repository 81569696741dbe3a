// POST /api/v1/lead-entries/batch — sets up to 10,000 person × measure × day values at once,
// all or nothing, replacing what was there (so a repeated batch changes nothing).
import { apiRoute, readJson } from "@/lib/http/apiRoute";
import { setLeadEntryBatch } from "@/lib/http/endpoints/leadEntries";

export const POST = apiRoute("entries:write", async ({ db, caller, request }) => {
  return Response.json(await setLeadEntryBatch(db, caller, await readJson(request)));
});
