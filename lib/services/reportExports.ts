import "server-only";
// Running an export: a ReportExport row tracks the stage and progress the page shows; the work
// runs after the request has been answered, yielding between steps so other requests are served
// meanwhile. The Report row is written once, in one transaction, at the very end — a failure on
// the way leaves no half-written snapshot, only a failed export with its reason.
//
// Exports are bounded, because one of them holds hundreds of megabytes and a core for seconds:
// an organization has at most LEADLAG_EXPORTS_PER_ORGANIZATION under way (another request is
// refused with 429 and Retry-After), a server works on at most LEADLAG_EXPORTS_PER_SERVER at once
// (the others wait their turn, lib/jobs/exportSlots.ts), each works for at most
// LEADLAG_EXPORT_BUDGET_MS (then it stops at its next step and fails, nothing saved), and one
// whose server died is failed, not left running (lib/jobs/exportLiveness.ts).
import * as clock from "@/lib/clock";
import { createHash } from "node:crypto";
import { requireReportAccess, requireReportExporter } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { failInterruptedExportsOf, heartbeat, HEARTBEAT_MS, INTERRUPTED_MESSAGE, isStale } from "@/lib/jobs/exportLiveness";
import { serverExportSlots, type ExportSlots, type Release } from "@/lib/jobs/exportSlots";
import { REPORT_VERSION } from "@/lib/report/document";
import { buildNarrative } from "@/lib/report/narrative/narrative";
import { parseQuarter, quarterContaining, quarterCutoff } from "@/lib/domain/calendar/quarters";
import { canonicalJson } from "@/lib/report/snapshot/canonical";
import { localDay, toUtcDate } from "@/lib/domain/calendar/weeks";
import { AppError, notFound, parseOrThrow, RateLimitedError, validationError } from "@/lib/errors";
import { firstRecordedDay } from "@/lib/queries/firstRecordedDay";
import { renderReportPdf } from "@/lib/report/render/pdf";
import { isUuid } from "@/lib/schemas/ids";
import { exportReportSchema } from "@/lib/schemas/reports";
import { collectSnapshot } from "../report/snapshot/collect";

export type ExportState = {
  id: string;
  status: "running" | "succeeded" | "failed";
  /** 0..1 */
  progress: number;
  stage: string;
  error: string | null;
  reportId: string | null;
};

/** What bounds exports: the server's own come from the environment; a test passes its own. */
export type ExportLimits = {
  /** Exports one organization may have under way (working or waiting) at once. */
  perOrganization: number;
  /** This process's slots: how many exports it works on at once. */
  slots: ExportSlots;
  /** How long one export may work, counted from when it gets its slot. */
  budgetMs: number;
  /** Milliseconds on a steady clock, for the budget (a test passes one it moves itself). */
  clock: () => number;
  /** How often a live export's row is touched (lib/jobs/exportLiveness.ts). */
  heartbeatMs: number;
};

export function serverExportLimits(): ExportLimits {
  const e = env();
  return {
    perOrganization: e.LEADLAG_EXPORTS_PER_ORGANIZATION,
    slots: serverExportSlots(),
    budgetMs: e.LEADLAG_EXPORT_BUDGET_MS,
    clock: () => performance.now(),
    heartbeatMs: HEARTBEAT_MS,
  };
}

export const WAITING_STAGE = "Waiting for a free slot";
/** When a refused export may be asked for again: an export takes seconds to a minute or two. */
const RETRY_AFTER_SECONDS = 15;

type ExportRow = { id: string; status: string; progress: number; stage: string; error: string | null; reportId: string | null; updatedAt: Date };

function stateOf(row: ExportRow, now = Date.now()): ExportState {
  // Its server is gone and nobody has failed the row yet (lib/jobs/exportLiveness.ts): say so now.
  if (row.status === "RUNNING" && isStale(row.updatedAt, now)) {
    return { id: row.id, status: "failed", progress: row.progress, stage: "Failed", error: INTERRUPTED_MESSAGE, reportId: null };
  }
  return { id: row.id, status: row.status.toLowerCase() as ExportState["status"], progress: row.progress, stage: row.stage, error: row.error, reportId: row.reportId };
}

function busyMessage(underWay: number): string {
  return underWay === 1
    ? "A report export for this organization is already under way: wait for it to finish, then start this one."
    : `This organization already has ${underWay} report exports under way, the most it may have at once: wait for one to finish, then start this one.`;
}

/**
 * Validates the request, records the export and starts it. `done` settles when the work has
 * finished (the route does not wait for it; tests and scripts may).
 */
export async function startReportExport(
  db: Db,
  ctx: TenantContext,
  raw: unknown,
  now = clock.now(),
  limits: ExportLimits = serverExportLimits(),
): Promise<{ state: ExportState; done: Promise<void> }> {
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
  const row = await db.$transaction(async (tx) => {
    // One admission at a time per organization, on every server: two requests at once must not
    // both count the exports under way before either records its own.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`leadlag:report-export:${organizationId}`}))`;
    await failInterruptedExportsOf(tx, organizationId);
    const underWay = await tx.reportExport.count({ where: { organizationId, status: "RUNNING" } });
    if (underWay >= limits.perOrganization) throw new RateLimitedError(busyMessage(underWay), RETRY_AFTER_SECONDS);
    return tx.reportExport.create({
      data: {
        organizationId,
        scope: input.scope === "program" ? "PROGRAM" : "ORGANIZATION",
        programId: input.scope === "program" ? input.programId! : null,
        quarter: quarter.id,
        createdById: ctx.userId,
        stage: limits.slots.hasFree() ? "Starting" : WAITING_STAGE,
      },
    });
  });
  const done = runExport(db, ctx, row.id, input, now, limits);
  return { state: stateOf(row), done };
}

export async function getReportExport(db: Db, ctx: TenantContext, exportId: string): Promise<ExportState> {
  requireReportAccess(ctx.role);
  const row = isUuid(exportId) ? await db.reportExport.findUnique({ where: { organizationId_id: { organizationId: ctx.organizationId, id: exportId } } }) : null;
  if (!row) throw notFound("Export not found.");
  return stateOf(row);
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The export was failed by someone else meanwhile (its budget ran out, or it was taken for interrupted): it writes nothing more. */
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

async function runExport(db: Db, ctx: TenantContext, exportId: string, input: { scope: "organization" | "program"; programId?: string; quarter: string }, now: Date, limits: ExportLimits): Promise<void> {
  const { organizationId } = ctx;
  // Every write is to the export while it is still running: once it has been failed, the work
  // stops at its next step instead of overwriting that.
  const live = { organizationId, id: exportId, status: "RUNNING" as const };
  const update = async (data: { progress?: number; stage?: string }) => {
    const { count } = await db.reportExport.updateMany({ where: live, data });
    if (count === 0) throw new Stopped();
  };
  const fail = (error: string) => db.reportExport.updateMany({ where: live, data: { status: "FAILED", error, stage: "Failed" } }).catch(() => {});
  const stopBeating = heartbeat(db, organizationId, exportId, limits.heartbeatMs);
  let release: Release | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    await yieldToOthers();
    if (!limits.slots.hasFree()) await update({ stage: WAITING_STAGE });
    release = await limits.slots.acquire();
    const deadline = limits.clock() + limits.budgetMs;
    // A step that hangs past the budget: the export is failed at once, and its work stops when
    // that step returns (a query cannot be taken back from the database mid-way).
    timer = setTimeout(() => void fail(new OverBudget(limits.budgetMs).message), limits.budgetMs);
    timer.unref();
    const progress = async (share: number, stage: string) => {
      if (limits.clock() > deadline) throw new OverBudget(limits.budgetMs);
      await update({ progress: Math.max(0, Math.min(1, share)), stage });
      await yieldToOthers();
    };
    await progress(0.01, "Starting");
    const snapshot = await collectSnapshot(db, ctx, { scope: input.scope, programId: input.programId ?? null, quarter: input.quarter, now }, (share, stage) => progress(0.05 + share * 0.75, stage));
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
          scope: input.scope === "program" ? "PROGRAM" : "ORGANIZATION",
          programId: input.scope === "program" ? input.programId! : null,
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
          createdById: ctx.userId,
        },
        // Not the row back: its snapshot is megabytes of JSON at hundreds of teams, parsed for nothing.
        select: { id: true },
      });
      const { count } = await tx.reportExport.updateMany({ where: live, data: { status: "SUCCEEDED", progress: 1, stage: "Done", reportId: created.id } });
      // Failed meanwhile (out of time, or taken for interrupted): the report goes back with the transaction.
      if (count === 0) throw new Stopped();
    });
  } catch (err) {
    if (err instanceof Stopped) return;
    const known = err instanceof AppError || err instanceof OverBudget;
    if (!known) console.error("report export failed", err);
    await fail(known ? err.message : "The export failed on our side; nothing was saved. Try again, or tell us if it keeps failing.");
  } finally {
    clearTimeout(timer);
    stopBeating();
    release?.();
  }
}
