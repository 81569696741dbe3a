import { apiRoute } from "@/lib/api/handler";
import { exportLagObservations } from "@/lib/csv/exporter";

export const dynamic = "force-dynamic";

/** GET ?from=YYYY-MM-DD&to=YYYY-MM-DD&team=<id>&bom=true|false → the lag-observation CSV the importer reads. */
export const GET = apiRoute("entries:read", ({ db, ctx, request }) => exportLagObservations(db, ctx, new URL(request.url)));
