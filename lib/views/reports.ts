import "server-only";
// Past reports: the list, one report's document, and its files — all regenerated from the
// stored snapshot, never from today's data.
import * as clock from "@/lib/clock";
import type { TenantContext } from "@/lib/auth/tenant";
import { requireReportAccess } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { renderAppendixCsv } from "@/lib/report/render/appendix";
import type { ReportDocument } from "@/lib/report/document";
import { renderReportMarkdown } from "@/lib/report/render/markdown";
import { buildNarrative } from "@/lib/report/narrative/narrative";
import { defaultReportQuarter, quarterCutoff, reportableQuarters } from "@/lib/domain/calendar/quarters";
import type { ReportSnapshot } from "@/lib/report/snapshot/types";
import { localDay, type IsoDate } from "@/lib/domain/calendar/weeks";
import { notFound } from "@/lib/errors";
import { firstRecordedDay } from "@/lib/queries/firstRecordedDay";
import { reportList, type ReportListRow } from "@/lib/queries/reportList";
import { renderReportPdf } from "@/lib/report/render/pdf";
import type { ReportFormat } from "@/lib/schemas/reports";
import { isUuid } from "@/lib/schemas/ids";

export type ReportListItem = {
  id: string;
  title: string;
  quarter: string;
  quarterLabel: string;
  scope: "organization" | "program";
  programName: string | null;
  asOf: IsoDate;
  complete: boolean;
  createdAt: string;
  createdBy: string | null;
  pdfPages: number;
  fingerprint: string;
};

export type ReportView = { item: ReportListItem; document: ReportDocument; pdfSha256: string; snapshotSha256: string };

export type ReportOptions = {
  quarters: { id: string; label: string; inProgress: boolean; asOf: IsoDate }[];
  defaultQuarter: string | null;
  programs: { id: string; name: string }[];
};

function itemOf(r: ReportListRow): ReportListItem {
  return {
    id: r.id,
    title: r.title,
    quarter: r.quarter,
    quarterLabel: r.quarterLabel,
    scope: r.scope === "PROGRAM" ? "program" : "organization",
    programName: r.programName,
    asOf: r.asOf,
    complete: r.complete,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy,
    pdfPages: r.pdfPages,
    fingerprint: r.snapshotSha256.slice(0, 16),
  };
}

/** Every report of the organization, newest first. */
export async function listReports(db: Db, ctx: TenantContext): Promise<ReportListItem[]> {
  requireReportAccess(ctx.role);
  return (await reportList(db, { organizationId: ctx.organizationId })).map(itemOf);
}

async function loadRow(db: Db, ctx: TenantContext, reportId: string) {
  requireReportAccess(ctx.role);
  if (!isUuid(reportId)) throw notFound("Report not found.");
  const row = await db.report.findUnique({ where: { organizationId_id: { organizationId: ctx.organizationId, id: reportId } } });
  if (!row) throw notFound("Report not found.");
  return row;
}

/** The report as its page shows it: the narrative rebuilt from the stored snapshot. */
export async function getReport(db: Db, ctx: TenantContext, reportId: string): Promise<ReportView> {
  const row = await loadRow(db, ctx, reportId);
  const [item] = await reportList(db, { organizationId: ctx.organizationId, reportId: row.id });
  const document = buildNarrative(row.snapshot as ReportSnapshot, row.snapshotSha256);
  return { item: itemOf(item!), document, pdfSha256: row.pdfSha256, snapshotSha256: row.snapshotSha256 };
}

const slug = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "-")
    .slice(0, 60) || "report";

const CONTENT_TYPE: Record<ReportFormat, string> = {
  pdf: "application/pdf",
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};

/** One format of a stored report, regenerated from its snapshot (identical bytes every time). */
export async function reportFile(db: Db, ctx: TenantContext, reportId: string, format: ReportFormat): Promise<{ body: Uint8Array | string; contentType: string; filename: string }> {
  const row = await loadRow(db, ctx, reportId);
  const snapshot = row.snapshot as ReportSnapshot;
  const document = buildNarrative(snapshot, row.snapshotSha256);
  const scopeName = snapshot.scope.kind === "program" ? `-${slug(snapshot.scope.programName)}` : "";
  const filename = `leadlag-${slug(snapshot.organization.name)}-${row.quarter.toLowerCase()}${scopeName}.${format === "csv" ? "appendix.csv" : format}`;
  const body =
    format === "pdf" ? new Uint8Array((await renderReportPdf(document)).pdf) : format === "md" ? renderReportMarkdown(document) : renderAppendixCsv(document);
  return { body, contentType: CONTENT_TYPE[format], filename };
}

/** What the export form offers: quarters with data (newest first), the default one, programs. */
export async function reportOptions(db: Db, ctx: TenantContext, now = clock.now()): Promise<ReportOptions> {
  requireReportAccess(ctx.role);
  const { organizationId } = ctx;
  const { timeZone, weekStartsOn } = ctx.organization;
  const today = localDay(now, timeZone);
  const [earliest, programs] = await Promise.all([
    firstRecordedDay(db, organizationId),
    db.program.findMany({ where: { organizationId, archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  // A new organization with nothing logged has nothing to report (the page says so).
  if (earliest == null) return { quarters: [], defaultQuarter: null, programs: [] };
  const quarters = reportableQuarters(earliest, today, weekStartsOn).map((q) => {
    const cut = quarterCutoff(q, today, weekStartsOn)!;
    return { id: q.id, label: cut.complete ? q.label : `${q.label} to date`, inProgress: !cut.complete, asOf: cut.asOf };
  });
  const preferred = defaultReportQuarter(today, weekStartsOn).id;
  const defaultQuarter = quarters.find((q) => q.id === preferred)?.id ?? quarters[0]?.id ?? null;
  return { quarters, defaultQuarter, programs: programs.map(({ id, name }) => ({ id, name })) };
}

