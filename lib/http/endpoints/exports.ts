import "server-only";
// The CSV exports: GET /api/v1/exports/lead-entries.csv and /lag-observations.csv. Lead entries
// are streamed a few weeks at a time, so a large organization's history never sits in memory
// at once; lag observations are few and come in one query.
import type { TenantContext } from "@/lib/auth/tenant";
import { requireExportAccess } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { addDays, type IsoDate } from "@/lib/domain/calendar/weeks";
import { notFound, parseOrThrow } from "@/lib/errors";
import { leadEntriesForExport, leadEntryDateSpan, lagObservationsForExport } from "@/lib/queries/csvExportRows";
import { CSV_BOM, csvHeader, csvLine } from "@/lib/csv/format";
import { LAG_OBSERVATION_COLUMNS } from "@/lib/csv/lagObservationColumns";
import { LEAD_ENTRY_COLUMNS } from "@/lib/csv/leadEntryColumns";
import { exportParamsSchema } from "@/lib/schemas/csv";
import { csvResponse } from "../csvResponse";

export type ExportKind = "lead-entries" | "lag-observations";

/** Days per query while streaming lead entries. */
const WINDOW_DAYS = 28;

async function paramsOf(db: Db, ctx: TenantContext, url: URL) {
  requireExportAccess(ctx.role);
  const p = parseOrThrow(exportParamsSchema, Object.fromEntries(url.searchParams));
  if (p.team) {
    const team = await db.team.findUnique({ where: { organizationId_id: { organizationId: ctx.organizationId, id: p.team } }, select: { id: true } });
    if (!team) throw notFound("Team not found.");
  }
  return { from: p.from ?? null, to: p.to ?? null, teamId: p.team ?? null, bom: p.bom === "true" };
}

function fileName(kind: ExportKind, from: IsoDate | null, to: IsoDate | null): string {
  return `${kind}${from ? `-from-${from}` : ""}${to ? `-to-${to}` : ""}.csv`;
}

export async function exportLeadEntries(db: Db, ctx: TenantContext, url: URL): Promise<Response> {
  const p = await paramsOf(db, ctx, url);
  const organizationId = ctx.organizationId;
  const span = await leadEntryDateSpan(db, { organizationId, ...p });
  return csvResponse(fileName("lead-entries", p.from, p.to), async function* () {
    yield (p.bom ? CSV_BOM : "") + csvHeader(LEAD_ENTRY_COLUMNS.map((c) => c.header));
    if (!span) return;
    for (let start = span.first; start <= span.last; start = addDays(start, WINDOW_DAYS)) {
      const end = addDays(start, WINDOW_DAYS - 1);
      const rows = await leadEntriesForExport(db, { organizationId, teamId: p.teamId, from: start, to: end < span.last ? end : span.last });
      if (rows.length === 0) continue;
      yield rows
        .map((r) => csvLine([{ text: r.email }, { text: r.team }, { text: r.measure }, { raw: r.date }, { number: r.value }, { text: r.note }]))
        .join("");
    }
  });
}

export async function exportLagObservations(db: Db, ctx: TenantContext, url: URL): Promise<Response> {
  const p = await paramsOf(db, ctx, url);
  const rows = await lagObservationsForExport(db, { organizationId: ctx.organizationId, ...p });
  return csvResponse(fileName("lag-observations", p.from, p.to), async function* () {
    yield (p.bom ? CSV_BOM : "") + csvHeader(LAG_OBSERVATION_COLUMNS.map((c) => c.header));
    yield rows.map((r) => csvLine([{ text: r.measure }, { text: r.team }, { raw: r.date }, { number: r.value }, { text: r.note }])).join("");
  });
}
