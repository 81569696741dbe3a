import { apiRoute } from "@/lib/http/apiRoute";
import { exportAuditTrail } from "@/lib/http/endpoints/auditExport";

export const dynamic = "force-dynamic";

/** GET ?person=&kind=&from=&to=&bom= → the filtered audit trail as CSV (owners and admins). */
export const GET = apiRoute("audit:read", ({ db, ctx, request }) => exportAuditTrail(db, ctx, new URL(request.url)));
