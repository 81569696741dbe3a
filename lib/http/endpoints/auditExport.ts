import "server-only";
// GET /api/v1/exports/audit.csv: the audit trail with the page's filters, for owners and admins —
// when, who, action, record, the sentence, and the values before and after as JSON — streamed a
// page of events at a time, so a long trail never sits in memory at once.
import type { TenantContext } from "@/lib/auth/tenant";
import { requireAuditExport } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { CSV_BOM, csvHeader, csvLine } from "@/lib/csv/format";
import { notFound, parseOrThrow } from "@/lib/errors";
import { auditExportQuerySchema } from "@/lib/schemas/audit";
import { auditTrailEntries } from "@/lib/views/auditTrail";
import { isMember } from "@/lib/queries/auditPeople";
import { csvResponse } from "../csvResponse";

export const AUDIT_CSV_COLUMNS = ["when", "who", "action", "record", "sentence", "before", "after"] as const;

const json = (v: unknown) => (v == null ? "" : JSON.stringify(v));

export async function exportAuditTrail(db: Db, ctx: TenantContext, url: URL): Promise<Response> {
  requireAuditExport(ctx.role);
  const { bom, ...filters } = parseOrThrow(auditExportQuerySchema, Object.fromEntries(url.searchParams));
  if (filters.person && !(await isMember(db, ctx.organizationId, filters.person))) throw notFound("Person not found.");
  const name = `audit-trail${filters.from ? `-from-${filters.from}` : ""}${filters.to ? `-to-${filters.to}` : ""}.csv`;
  return csvResponse(name, async function* () {
    yield (bom === "true" ? CSV_BOM : "") + csvHeader(AUDIT_CSV_COLUMNS);
    for await (const entries of auditTrailEntries(db, ctx, filters)) {
      yield entries
        .map((e) => csvLine([{ raw: e.at }, { text: e.who }, { raw: e.action }, { text: e.record }, { text: e.sentence }, { text: json(e.before) }, { text: json(e.after) }]))
        .join("");
    }
  });
}
