// GET /api/v1/reports — the organization's quarterly ROI reports, newest first.
// POST /api/v1/reports — starts an export: 202 with its state and a Location to follow it by;
// the report is built in the background (GET the Location until `status` is not "running").
import { apiRoute, readJson } from "@/lib/http/apiRoute";
import { startReportExport } from "@/lib/services/reportExports";
import { listReports } from "@/lib/views/reports";

// The export draws charts and a PDF with native modules (pdfkit, @napi-rs/canvas).
export const runtime = "nodejs";

export const GET = apiRoute("reports:read", async ({ db, ctx }) => {
  return Response.json({ reports: await listReports(db, ctx) });
});

export const POST = apiRoute("reports:write", async ({ db, ctx, request }) => {
  // Recorded and queued: a worker builds it (lib/jobs/reportExport.ts), the poller follows its row.
  const state = await startReportExport(db, ctx, await readJson(request));
  return Response.json(state, { status: 202, headers: { Location: `/api/v1/report-exports/${state.id}` } });
});
