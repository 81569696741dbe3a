// GET /api/v1/reports/{reportId} — one report: its list entry and the document, rebuilt from
// the stored snapshot, with the fingerprints of the snapshot and the PDF.
import { apiRoute } from "@/lib/api/handler";
import { getReport } from "@/lib/services/reports";

export const GET = apiRoute<{ reportId: string }>("reports:read", async ({ db, ctx, params }) => {
  return Response.json(await getReport(db, ctx, params.reportId));
});
