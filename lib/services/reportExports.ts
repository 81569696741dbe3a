import "server-only";
// Starting and following a report export. Starting validates the request, records a ReportExport
// row — what the user sees — and enqueues the export job (lib/jobs/reportExport.ts) keyed by the
// export's id, in one transaction: there is never a row without its job, nor a job twice. A
// worker runs it, on this server or another (lib/jobs/queue.ts); the request has long been
// answered by then.
//
// An organization has at most LEADLAG_EXPORTS_PER_ORGANIZATION exports under way (queued, working
// or retrying), counted in the database under an advisory lock so two requests on two servers
// cannot both slip in; another request is refused with 429 and Retry-After. How many run at once
// on a server, the time budget and the retries are the job's (lib/jobs/reportExport.ts).
import * as clock from "@/lib/clock";
import { requireReportAccess, requireReportExporter } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { processJobQueue, type JobQueue } from "@/lib/jobs/queue";
import { REPORT_EXPORT_JOB, RETRYING_ON_REQUEST, WAITING_STAGE, type ReportExportJob } from "@/lib/jobs/reportExport";
import { parseQuarter, quarterContaining, quarterCutoff } from "@/lib/domain/calendar/quarters";
import { localDay } from "@/lib/domain/calendar/weeks";
import { notFound, parseOrThrow, RateLimitedError, validationError } from "@/lib/errors";
import { firstRecordedDay } from "@/lib/queries/firstRecordedDay";
import { isUuid } from "@/lib/schemas/ids";
import { exportReportSchema } from "@/lib/schemas/reports";

export { WAITING_STAGE };

export type ExportState = {
  id: string;
  status: "running" | "succeeded" | "failed";
  /** 0..1 */
  progress: number;
  stage: string;
  error: string | null;
  reportId: string | null;
};

/** What admits an export: the server's from the environment and its queue; a test passes its own. */
export type ExportLimits = {
  /** Exports one organization may have under way (queued, working or retrying) at once. */
  perOrganization: number;
  /** Where the export's job goes (default: this process's queue). */
  jobs?: JobQueue;
};

export function serverExportLimits(): ExportLimits {
  return { perOrganization: env().LEADLAG_EXPORTS_PER_ORGANIZATION };
}

/** When a refused export may be asked for again: an export takes seconds to a minute or two. */
const RETRY_AFTER_SECONDS = 15;

type ExportRow = { id: string; status: string; progress: number; stage: string; error: string | null; reportId: string | null };

function stateOf(row: ExportRow): ExportState {
  return { id: row.id, status: row.status.toLowerCase() as ExportState["status"], progress: row.progress, stage: row.stage, error: row.error, reportId: row.reportId };
}

function busyMessage(underWay: number): string {
  return underWay === 1
    ? "A report export for this organization is already under way: wait for it to finish, then start this one."
    : `This organization already has ${underWay} report exports under way, the most it may have at once: wait for one to finish, then start this one.`;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Refuses (429) an export beyond the organization's limit; call inside the transaction that records it. */
async function admit(tx: Tx, organizationId: string, perOrganization: number): Promise<void> {
  // One admission at a time per organization, on every server: two requests at once must not
  // both count the exports under way before either records its own.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`leadlag:report-export:${organizationId}`}))`;
  const underWay = await tx.reportExport.count({ where: { organizationId, status: "RUNNING" } });
  if (underWay >= perOrganization) throw new RateLimitedError(busyMessage(underWay), RETRY_AFTER_SECONDS);
}

/**
 * A failed export runs again (its failed job is retried from Settings → Jobs): the row is running
 * again, within the organization's limit. Call inside the transaction that retries the job.
 */
export async function reopenReportExport(tx: Tx, organizationId: string, exportId: string, perOrganization = serverExportLimits().perOrganization): Promise<void> {
  await admit(tx, organizationId, perOrganization);
  await tx.reportExport.updateMany({
    where: { organizationId, id: exportId, status: "FAILED" },
    data: { status: "RUNNING", stage: RETRYING_ON_REQUEST, progress: 0, error: null },
  });
}

/** Validates the request, records the export and enqueues its job; resolves with its state. */
export async function startReportExport(db: Db, ctx: TenantContext, raw: unknown, now = clock.now(), limits: ExportLimits = serverExportLimits()): Promise<ExportState> {
  requireReportExporter(ctx.role);
  const input = parseOrThrow(exportReportSchema, raw);
  const quarter = parseQuarter(input.quarter);
  if (!quarter) throw validationError({ quarter: ["Choose a quarter such as 2026-Q3."] });
  const { organizationId } = ctx;
  if (input.scope === "program") {
    const program = await db.program.findUnique({ where: { organizationId_id: { organizationId, id: input.programId! } }, select: { id: true } });
    if (!program) throw notFound("Program not found.");
  }
  // A quarter that ended before anything was recorded has nothing to report: refused here, so no
  // export ever walks years of empty weeks.
  const first = await firstRecordedDay(db, organizationId);
  if (first == null) throw validationError({ quarter: ["There is nothing to report yet: log lead measures or lag values first."] });
  if (quarter.end < first) {
    throw validationError({ quarter: [`${quarter.label} ended before this organization's first record (${first}): choose ${quarterContaining(first).label} or later.`] });
  }
  const today = localDay(now, ctx.organization.timeZone);
  if (!quarterCutoff(quarter, today, ctx.organization.weekStartsOn)) {
    throw validationError({ quarter: [`${quarter.label} has no ended week yet: choose an earlier quarter.`] });
  }
  const jobs = limits.jobs ?? (await processJobQueue());
  // Outside the transaction: the queue's first use creates its tables (PGlite serialises the two).
  await jobs.prepare(REPORT_EXPORT_JOB);
  const row = await db.$transaction(async (tx) => {
    await admit(tx, organizationId, limits.perOrganization);
    const created = await tx.reportExport.create({
      data: {
        organizationId,
        scope: input.scope === "program" ? "PROGRAM" : "ORGANIZATION",
        programId: input.scope === "program" ? input.programId! : null,
        quarter: quarter.id,
        createdById: ctx.userId,
        stage: WAITING_STAGE,
      },
    });
    const job: ReportExportJob = {
      organizationId,
      exportId: created.id,
      userId: ctx.userId,
      scope: input.scope === "program" ? "program" : "organization",
      programId: input.scope === "program" ? input.programId! : null,
      quarter: quarter.id,
      now: now.toISOString(),
    };
    await jobs.enqueue(REPORT_EXPORT_JOB, job, { singletonKey: created.id, tx });
    return created;
  });
  return stateOf(row);
}

export async function getReportExport(db: Db, ctx: TenantContext, exportId: string): Promise<ExportState> {
  requireReportAccess(ctx.role);
  const row = isUuid(exportId) ? await db.reportExport.findUnique({ where: { organizationId_id: { organizationId: ctx.organizationId, id: exportId } } }) : null;
  if (!row) throw notFound("Export not found.");
  return stateOf(row);
}
