import { apiRoute } from "@/lib/http/apiRoute";
import { exportLagObservations } from "@/lib/http/endpoints/exports";

export const dynamic = "force-dynamic";

/** GET ?from=YYYY-MM-DD&to=YYYY-MM-DD&team=<id>&bom=true|false → the lag-observation CSV the importer reads. */
export const GET = apiRoute("entries:read", ({ db, ctx, request }) => exportLagObservations(db, ctx, new URL(request.url)));
