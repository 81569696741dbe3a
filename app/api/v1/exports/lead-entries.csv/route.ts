import { apiRoute } from "@/lib/api/handler";
import { exportLeadEntries } from "@/lib/csv/exporter";

export const dynamic = "force-dynamic";

/** GET ?from=YYYY-MM-DD&to=YYYY-MM-DD&team=<id>&bom=true|false → the lead-entry CSV the importer reads. */
export const GET = apiRoute("entries:read", ({ db, ctx, request }) => exportLeadEntries(db, ctx, new URL(request.url)));
