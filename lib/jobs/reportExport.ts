import "server-only";
// The report export job. The request (lib/services/reportExports.ts) records a ReportExport row —
// what the user sees — and enqueues this job, keyed by the export's id, in the same transaction;
// a worker runs it. The ReportExport row tracks the stage and progress the page shows; the Report
// row is written once, in one transaction, at the very end — so an attempt cut off anywhere
// (an error, a restart, a dead server) leaves nothing half-written and the retry starts afresh.
//
// Bounds: a worker process works on at most LEADLAG_EXPORTS_PER_SERVER exports at once (the
// queue's concurrency; the rest wait in line, in the database); each attempt works for at most
// LEADLAG_EXPORT_BUDGET_MS (then it stops at its next step and fails, nothing saved, no retry: it
// would only run out of time again). An export whose worker died is retried once its heartbeat
// lapses ("Retrying after a restart"); after RETRY_LIMIT retries it is failed with the reason.
import { createHash } from "node:crypto";
import { loadTenantContext } from "@/lib/auth/loadContext";
import type { TenantContext } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { toUtcDate } from "@/lib/domain/calendar/weeks";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { REPORT_VERSION } from "@/lib/report/document";
import { buildNarrative } from "@/lib/report/narrative/narrative";
import { renderReportPdf } from "@/lib/report/render/pdf";
import { canonicalJson } from "@/lib/report/snapshot/canonical";
import { collectSnapshot } from "@/lib/report/snapshot/collect";
import { registerHandler, type JobContext } from "./queue";

export const REPORT_EXPORT_JOB = "report-export";
/** Retries after the first attempt, for an attempt cut off by a restart or an unexpected error. */
export const RETRY_LIMIT = 2;
/** A live worker touches its export's job every 15 s; one untouched for 30 s belonged to a dead worker. */
export const HEARTBEAT_SECONDS = 30;

export const WAITING_STAGE = "Waiting for a free slot";
export const RETRYING_AFTER_RESTART = "Retrying after a restart";
export const RETRYING_AFTER_ERROR = "Retrying after an error";
export const RETRYING_ON_REQUEST = "Retrying, as an admin asked";
export const GAVE_UP_MESSAGE = "The export could not finish: it was interrupted or failed on our side several times; nothing was saved. Start it again, or tell us if it keeps failing.";
const UNEXPECTED_MESSAGE = "The export failed on our side; nothing was saved. Try again, or tell us if it keeps failing.";

export type ReportExportJob = {
  organizationId: string;
  exportId: string;
  userId: string;
  scope: "organization" | "program";
  programId: string | null;
  quarter: string;
  /** The instant of the request, ISO 8601: the report is as of then, whenever it runs. */
  now: string;
};

/** What bounds one attempt: the server's from the environment; a test passes its own. */
export type ExportRunLimits = {
  /** How long one attempt may work. */
  budgetMs: number;
  /** Milliseconds on a steady clock, for the budget (a test passes one it moves itself). */
  clock: () => number;
  /** Aborted when the worker stops with the export still at work: the attempt writes nothing more. */
  signal?: AbortSignal;
  /** A retry says so in every stage it shows ("Retrying after a restart — Drawing the charts"). */
  retrying?: string;
};

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The export is no longer this attempt's to write (it ended meanwhile, or the worker is stopping). */
class Stopped extends Error {}

/** The export ran out of time: its reason, as the page shows it. */
class OverBudget extends Error {
  constructor(budgetMs: number) {
    super(
      `The export took longer than its limit of ${Math.round(budgetMs / 1000)} seconds and was stopped; nothing was saved. ` +
        "Try again when the server is less busy, or export one program's report.",
    );
  }
}

/** Marks the export FAILED with `error` if it is still running; false when it was not. */
export async function failExport(db: Db, organizationId: string, exportId: string, error: string): Promise<boolean> {
  const { count } = await db.reportExport.updateMany({ where: { organizationId, id: exportId, status: "RUNNING" }, data: { status: "FAILED", error, stage: "Failed" } });
  return count > 0;
}

/**
 * One attempt at an export: builds the snapshot, the narrative and the PDF, then saves the report.
 * Resolves when it has succeeded or failed for a reason the user can act on (recorded on the row);
 * throws when it failed unexpectedly (the job is retried).
 */
export async function runReportExport(db: Db, job: ReportExportJob, limits: ExportRunLimits): Promise<void> {
  const { organizationId, exportId } = job;
  // Every write is to the export while it is still running: once it has ended, the work stops
  // at its next step instead of overwriting that.
  const live = { organizationId, id: exportId, status: "RUNNING" as const };
  const update = async (data: { progress?: number; stage?: string }) => {
    if (limits.signal?.aborted) throw new Stopped();
    const { count } = await db.reportExport.updateMany({ where: live, data });
    if (count === 0) throw new Stopped();
  };
  let timer: NodeJS.Timeout | undefined;
  try {
    const ctx: TenantContext | null = await loadTenantContext(db, job.userId, organizationId);
    if (!ctx) {
      await failExport(db, organizationId, exportId, "The person who started this export is no longer a member of the organization; nothing was saved.");
      return;
    }
    const deadline = limits.clock() + limits.budgetMs;
    // A step that hangs past the budget: the export is failed at once, and its work stops when
    // that step returns (a query cannot be taken back from the database mid-way).
    timer = setTimeout(() => void failExport(db, organizationId, exportId, new OverBudget(limits.budgetMs).message).catch(() => {}), limits.budgetMs);
    timer.unref();
    const progress = async (share: number, stage: string) => {
      if (limits.clock() > deadline) throw new OverBudget(limits.budgetMs);
      await update({ progress: Math.max(0, Math.min(1, share)), stage: limits.retrying ? `${limits.retrying} — ${stage}` : stage });
      await yieldToOthers();
    };
    await progress(0.01, "Starting");
    const snapshot = await collectSnapshot(db, ctx, { scope: job.scope, programId: job.programId, quarter: job.quarter, now: new Date(job.now) }, (share, stage) => progress(0.05 + share * 0.75, stage));
    const canonical = canonicalJson(snapshot);
    const snapshotSha256 = createHash("sha256").update(canonical).digest("hex");
    await progress(0.82, "Writing the narrative");
    const document = buildNarrative(snapshot, snapshotSha256);
    await progress(0.85, "Drawing the charts and the PDF");
    // The renderer reports each section synchronously: its writes are queued in order and
    // waited for, so none can land after the export's final state.
    let written = Promise.resolve();
    const { pdf, pages } = await renderReportPdf(document, {
      onProgress: (d, t) => {
        written = written.then(() => db.reportExport.updateMany({ where: live, data: { progress: 0.85 + (0.12 * d) / Math.max(1, t) } })).then(() => {});
      },
    });
    await written;
    await progress(0.97, "Saving the report");
    await db.$transaction(async (tx) => {
      const created = await tx.report.create({
        data: {
          organizationId,
          scope: job.scope === "program" ? "PROGRAM" : "ORGANIZATION",
          programId: job.scope === "program" ? job.programId : null,
          quarter: snapshot.quarter.id,
          title: `${document.title} — ${document.subtitle}`,
          periodStart: toUtcDate(snapshot.quarter.start),
          periodEnd: toUtcDate(snapshot.quarter.end),
          asOf: toUtcDate(snapshot.quarter.asOf),
          version: REPORT_VERSION,
          snapshot: JSON.parse(canonical),
          snapshotSha256,
          pdfSha256: createHash("sha256").update(pdf).digest("hex"),
          pdfPages: pages,
          createdById: job.userId,
        },
        // Not the row back: its snapshot is megabytes of JSON at hundreds of teams, parsed for nothing.
        select: { id: true },
      });
      const { count } = await tx.reportExport.updateMany({ where: live, data: { status: "SUCCEEDED", progress: 1, stage: "Done", reportId: created.id } });
      // Ended meanwhile (out of time): the report goes back with the transaction.
      if (count === 0) throw new Stopped();
    });
  } catch (err) {
    if (err instanceof Stopped) return;
    // The user's own limits or data: trying again would end the same way.
    if (err instanceof AppError || err instanceof OverBudget) {
      await failExport(db, organizationId, exportId, err.message);
      return;
    }
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

export function serverExportRunLimits(signal?: AbortSignal): ExportRunLimits {
  return { budgetMs: env().LEADLAG_EXPORT_BUDGET_MS, clock: () => performance.now(), signal };
}

/** The job: one attempt, as the queue runs it. */
export async function handleReportExport(job: ReportExportJob, ctx: Pick<JobContext, "db" | "attempt" | "lastAttempt" | "signal">, limits = serverExportRunLimits(ctx.signal)): Promise<void> {
  const { db } = ctx;
  const row = await db.reportExport.findUnique({ where: { organizationId_id: { organizationId: job.organizationId, id: job.exportId } }, select: { status: true, stage: true } });
  // Ended already (an earlier attempt saved it just before its worker stopped): nothing to do.
  if (!row || row.status !== "RUNNING") return;
  // A retry that nobody announced: the last attempt's worker stopped before it could say why.
  const announced = [RETRYING_AFTER_ERROR, RETRYING_ON_REQUEST].find((r) => row.stage === r);
  const retrying = ctx.attempt > 0 ? (announced ?? RETRYING_AFTER_RESTART) : undefined;
  if (retrying) {
    await db.reportExport.updateMany({ where: { organizationId: job.organizationId, id: job.exportId, status: "RUNNING" }, data: { stage: retrying, progress: 0 } });
  }
  try {
    await runReportExport(db, job, { ...limits, retrying });
  } catch (err) {
    console.error("report export failed", err);
    if (!ctx.lastAttempt) {
      await db.reportExport
        .updateMany({ where: { organizationId: job.organizationId, id: job.exportId, status: "RUNNING" }, data: { stage: RETRYING_AFTER_ERROR, progress: 0 } })
        .catch(() => {});
    } else {
      await failExport(db, job.organizationId, job.exportId, UNEXPECTED_MESSAGE).catch(() => {});
    }
    // The job fails: retried with back-off, or listed as failed in Settings → Jobs.
    throw err;
  }
}

registerHandler<ReportExportJob>(REPORT_EXPORT_JOB, (data, ctx) => handleReportExport(data, ctx), {
  concurrency: () => env().LEADLAG_EXPORTS_PER_SERVER,
  retryLimit: RETRY_LIMIT,
  retryDelaySeconds: 5,
  retryDelayMaxSeconds: 60,
  heartbeatSeconds: HEARTBEAT_SECONDS,
  // An attempt stops itself at its budget; the expiry is the backstop for one that hangs.
  expireInSeconds: () => Math.ceil(env().LEADLAG_EXPORT_BUDGET_MS / 1000) + 60,
  // Retries spent, however the last attempt ended (a dead worker cannot say): the user sees why.
  onFailed: async (data, { db }) => {
    await failExport(db, data.organizationId, data.exportId, GAVE_UP_MESSAGE);
  },
});
