// GET /shared/reports/{token}/report.pdf — a shared report's PDF, for anyone holding a link that
// still works; 410 Gone (and no data) once it is revoked or expired, or when it never existed.
import { getDb } from "@/lib/db";
import { unavailableAs503 } from "@/lib/http/apiRoute";
import { sharedReportPdf } from "@/lib/views/reports";

// pdfkit and the chart canvas are Node modules.
export const runtime = "nodejs";

// During a database outage: 503 with Retry-After (as every route), never "no longer valid".
export const GET = unavailableAs503(async (_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> => {
  const { token } = await params;
  const file = await sharedReportPdf(await getDb(), token);
  if (!file) {
    return new Response("This link is no longer valid.", { status: 410, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
  }
  return new Response(file.body as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
});
