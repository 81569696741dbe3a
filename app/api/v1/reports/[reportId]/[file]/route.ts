// GET /api/v1/reports/{reportId}/report.pdf | report.md | appendix.csv — a report's files,
// regenerated from its snapshot (the same bytes every time). `?inline=1` shows the PDF in the
// browser instead of downloading it.
import { apiRoute } from "@/lib/http/apiRoute";
import { notFound } from "@/lib/errors";
import type { ReportFormat } from "@/lib/schemas/reports";
import { reportFile } from "@/lib/views/reports";

// pdfkit and the chart canvas are Node modules.
export const runtime = "nodejs";

const REPORT_FILES: Record<string, ReportFormat> = { "report.pdf": "pdf", "report.md": "md", "appendix.csv": "csv" };

export const GET = apiRoute<{ reportId: string; file: string }>("reports:read", async ({ db, ctx, request, params }) => {
  const format = Object.hasOwn(REPORT_FILES, params.file) ? REPORT_FILES[params.file]! : null;
  if (!format) throw notFound(`A report has no file "${params.file}": ask for ${Object.keys(REPORT_FILES).join(", ")}.`);
  const { body, contentType, filename } = await reportFile(db, ctx, params.reportId, format);
  const inline = format === "pdf" && new URL(request.url).searchParams.get("inline") === "1";
  // The PDF's bytes sit in a plain ArrayBuffer (never shared memory), as a Response body needs.
  return new Response(body as string | Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
