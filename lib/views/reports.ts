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
import { hashLinkToken } from "@/lib/auth/linkTokens";
import { mediumDateTime } from "@/lib/domain/format";
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

type ReportRow = { quarter: string; snapshot: unknown; snapshotSha256: string };

/** One format of a stored report row, regenerated from its snapshot (identical bytes every time). */
async function fileOf(row: ReportRow, format: ReportFormat): Promise<ReportFileBody> {
  const snapshot = row.snapshot as ReportSnapshot;
  const document = buildNarrative(snapshot, row.snapshotSha256);
  const scopeName = snapshot.scope.kind === "program" ? `-${slug(snapshot.scope.programName)}` : "";
  const filename = `leadlag-${slug(snapshot.organization.name)}-${row.quarter.toLowerCase()}${scopeName}.${format === "csv" ? "appendix.csv" : format}`;
  const body =
    format === "pdf" ? new Uint8Array((await renderReportPdf(document)).pdf) : format === "md" ? renderReportMarkdown(document) : renderAppendixCsv(document);
  return { body, contentType: CONTENT_TYPE[format], filename };
}

export type ReportFileBody = { body: Uint8Array | string; contentType: string; filename: string };

/** One format of a stored report, regenerated from its snapshot (identical bytes every time). */
export async function reportFile(db: Db, ctx: TenantContext, reportId: string, format: ReportFormat): Promise<ReportFileBody> {
  return fileOf(await loadRow(db, ctx, reportId), format);
}

export type ReportShareItem = { id: string; createdAt: string; expiresAt: string; createdBy: string | null };

/** A report's share links that still work, newest first (for its page; managers and above see them). */
export async function activeReportShares(db: Db, ctx: TenantContext, reportId: string, now = clock.now()): Promise<ReportShareItem[]> {
  const row = await loadRow(db, ctx, reportId);
  const shares = await db.reportShare.findMany({
    where: { organizationId: ctx.organizationId, reportId: row.id, revokedAt: null, expiresAt: { gt: now } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  const ids = [...new Set(shares.map((s) => s.createdById).filter((id): id is string => id != null))];
  const people = ids.length ? await db.membership.findMany({ where: { organizationId: ctx.organizationId, userId: { in: ids } }, select: { userId: true, user: { select: { name: true, email: true } } } }) : [];
  const nameOf = new Map(people.map((p) => [p.userId, p.user.name || p.user.email]));
  return shares.map((s) => ({ id: s.id, createdAt: s.createdAt.toISOString(), expiresAt: s.expiresAt.toISOString(), createdBy: s.createdById ? (nameOf.get(s.createdById) ?? null) : null }));
}

/**
 * The report a share link opens, for anyone holding it: found by the SHA-256 of the token alone
 * (never by an id the visitor could change), and only while the link is neither revoked nor
 * expired. Null otherwise — the page says the link is no longer valid and shows nothing else.
 */
async function sharedRow(db: Db, token: string, now: Date) {
  // A token is 43 base64url characters; anything else cannot be one of ours (and is not looked up).
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const share = await db.reportShare.findUnique({ where: { tokenHash: hashLinkToken(token) } });
  if (!share || share.revokedAt || share.expiresAt <= now) return null;
  // The link's own organization and report: exactly one report, whatever else the visitor sends.
  const row = await db.report.findUnique({ where: { organizationId_id: { organizationId: share.organizationId, id: share.reportId } } });
  return row ? { share, row } : null;
}

export type SharedReportView = { document: ReportDocument; /** When the link stops working, in the organization's words and time zone. */ expires: string };

export async function sharedReport(db: Db, token: string, now = clock.now()): Promise<SharedReportView | null> {
  const found = await sharedRow(db, token, now);
  if (!found) return null;
  const snapshot = found.row.snapshot as ReportSnapshot;
  return { document: buildNarrative(snapshot, found.row.snapshotSha256), expires: mediumDateTime(found.share.expiresAt, snapshot.organization.locale, snapshot.organization.timeZone) };
}

/** The shared report's PDF, or null when the link is not (or no longer) valid. */
export async function sharedReportPdf(db: Db, token: string, now = clock.now()): Promise<ReportFileBody | null> {
  const found = await sharedRow(db, token, now);
  return found ? fileOf(found.row, "pdf") : null;
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

