import { apiRoute } from "@/lib/http/apiRoute";
import { exportLeadEntries } from "@/lib/http/endpoints/exports";

export const dynamic = "force-dynamic";

/** GET ?from=YYYY-MM-DD&to=YYYY-MM-DD&team=<id>&bom=true|false → the lead-entry CSV the importer reads. */
export const GET = apiRoute("entries:read", ({ db, ctx, request }) => exportLeadEntries(db, ctx, new URL(request.url)));
