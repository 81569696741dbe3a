// GET /api/v1/report-exports/{exportId} — how far an export has got: status, progress (0..1),
// the stage in words, the error when it failed, and the report it made when it succeeded.
import { apiRoute } from "@/lib/http/apiRoute";
import { getReportExport } from "@/lib/services/reportExports";

export const GET = apiRoute<{ exportId: string }>("reports:read", async ({ db, ctx, params }) => {
  return Response.json(await getReportExport(db, ctx, params.exportId));
});
