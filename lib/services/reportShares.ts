import "server-only";
// Share links for one report: a manager makes a read-only link that anyone can open without an
// account (app/shared/reports/[token]); it lasts 7, 30 (the default) or 90 days and can be
// revoked at any time. The link's secret is 32 random bytes shown once; only its SHA-256 is
// stored (lib/auth/linkTokens.ts), so a database read cannot rebuild a link and a guess is
// hopeless. A link names exactly one report of one organization. Creating and revoking are audited.
import { newLinkToken } from "@/lib/auth/linkTokens";
import { requireReportSharing } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/tenant";
import * as clock from "@/lib/clock";
import type { Db } from "@/lib/db/client";
import { appOrigin } from "@/lib/env";
import { notFound, parseOrThrow } from "@/lib/errors";
import type { ReportShare } from "@/lib/generated/prisma/client";
import { createReportShareSchema } from "@/lib/schemas/reports";
import { isUuid } from "@/lib/schemas/ids";
import { recordAudit } from "./audit";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The address a share link opens. */
export const reportShareUrl = (token: string) => `${appOrigin()}/shared/reports/${token}`;

/** What the audit trail keeps of a link: never its token hash. */
const audited = (row: ReportShare, title: string) => ({ report: title, reportId: row.reportId, expiresAt: row.expiresAt.toISOString(), revokedAt: row.revokedAt?.toISOString() ?? null });

/** Makes a link to one report of the caller's organization; the URL (with its secret) is returned only here. */
export async function createReportShare(db: Db, ctx: TenantContext, input: unknown): Promise<{ id: string; url: string; expiresAt: Date }> {
  requireReportSharing(ctx.role);
  const { reportId, days } = parseOrThrow(createReportShareSchema, input);
  const now = clock.now();
  const { token, tokenHash } = newLinkToken();
  const row = await db.$transaction(async (tx) => {
    const report = await tx.report.findUnique({ where: { organizationId_id: { organizationId: ctx.organizationId, id: reportId } }, select: { title: true } });
    if (!report) throw notFound("Report not found.");
    const row = await tx.reportShare.create({
      data: { organizationId: ctx.organizationId, reportId, tokenHash, expiresAt: new Date(now.getTime() + days * DAY_MS), createdById: ctx.userId },
    });
    await recordAudit(tx, ctx, { action: "report.share.create", entityType: "ReportShare", entityId: row.id, after: { ...audited(row, report.title), days } });
    return row;
  });
  return { id: row.id, url: reportShareUrl(token), expiresAt: row.expiresAt };
}

/** Revokes a link: it stops working at once. Revoking a revoked link changes nothing. */
export async function revokeReportShare(db: Db, ctx: TenantContext, id: string): Promise<{ reportId: string }> {
  requireReportSharing(ctx.role);
  if (!isUuid(id)) throw notFound("Share link not found.");
  return db.$transaction(async (tx) => {
    const before = await tx.reportShare.findUnique({ where: { organizationId_id: { organizationId: ctx.organizationId, id } } });
    if (!before) throw notFound("Share link not found.");
    const report = await tx.report.findUnique({ where: { organizationId_id: { organizationId: ctx.organizationId, id: before.reportId } }, select: { title: true } });
    const title = report?.title ?? "";
    if (before.revokedAt) return { reportId: before.reportId };
    const row = await tx.reportShare.update({ where: { organizationId_id: { organizationId: ctx.organizationId, id } }, data: { revokedAt: clock.now() } });
    await recordAudit(tx, ctx, { action: "report.share.revoke", entityType: "ReportShare", entityId: id, before: audited(before, title), after: audited(row, title) });
    return { reportId: row.reportId };
  });
}
