// GET /api/v1/reports/{reportId} — one report: its list entry and the document, rebuilt from
// the stored snapshot, with the fingerprints of the snapshot and the PDF.
import { apiRoute } from "@/lib/http/apiRoute";
import { getReport } from "@/lib/views/reports";

export const GET = apiRoute<{ reportId: string }>("reports:read", async ({ db, ctx, params }) => {
  return Response.json(await getReport(db, ctx, params.reportId));
});
