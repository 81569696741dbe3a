import "server-only";
// Running an export: a ReportExport row tracks the stage and progress the page shows; the work
// runs after the request has been answered, yielding between steps so other requests are served
// meanwhile. The Report row is written once, in one transaction, at the very end — a failure on
// the way leaves no half-written snapshot, only a failed export with its reason.
import * as clock from "@/lib/clock";
import { createHash } from "node:crypto";
import { requireReportAccess, requireReportExporter } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { REPORT_VERSION } from "@/lib/report/document";
import { buildNarrative } from "@/lib/report/narrative/narrative";
import { parseQuarter, quarterCutoff } from "@/lib/domain/calendar/quarters";
import { canonicalJson } from "@/lib/report/snapshot/canonical";
import { localDay, toUtcDate } from "@/lib/domain/calendar/weeks";
import { AppError, notFound, parseOrThrow, validationError } from "@/lib/errors";
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

/** An export that has not moved for this long was cut off (e.g. by a restart). */
const STALE_MS = 10 * 60_000;

function stateOf(row: { id: string; status: string; progress: number; stage: string; error: string | null; reportId: string | null; updatedAt: Date }, now = Date.now()): ExportState {
  if (row.status === "RUNNING" && now - row.updatedAt.getTime() > STALE_MS) {
    return { id: row.id, status: "failed", progress: row.progress, stage: row.stage, error: "The export was interrupted (the server stopped). Start it again.", reportId: null };
  }
  return { id: row.id, status: row.status.toLowerCase() as ExportState["status"], progress: row.progress, stage: row.stage, error: row.error, reportId: row.reportId };
}

/**
 * Validates the request, records the export and starts it. `done` settles when the work has
 * finished (the route does not wait for it; tests and scripts may).
 */
export async function startReportExport(db: Db, ctx: TenantContext, raw: unknown, now = clock.now()): Promise<{ state: ExportState; done: Promise<void> }> {
  requireReportExporter(ctx.role);
  const input = parseOrThrow(exportReportSchema, raw);
  const quarter = parseQuarter(input.quarter)!;
  const { organizationId } = ctx;
  const today = localDay(now, ctx.organization.timeZone);
  if (!quarterCutoff(quarter, today, ctx.organization.weekStartsOn)) {
    throw validationError({ quarter: [`${quarter.label} has no ended week yet: choose an earlier quarter.`] });
  }
  if (input.scope === "program") {
    const program = await db.program.findUnique({ where: { organizationId_id: { organizationId, id: input.programId! } }, select: { id: true } });
    if (!program) throw notFound("Program not found.");
  }
  const row = await db.reportExport.create({
    data: {
      organizationId,
      scope: input.scope === "program" ? "PROGRAM" : "ORGANIZATION",
      programId: input.scope === "program" ? input.programId! : null,
      quarter: quarter.id,
      createdById: ctx.userId,
      stage: "Queued",
    },
  });
  const done = runExport(db, ctx, row.id, input, now);
  return { state: stateOf(row), done };
}

export async function getReportExport(db: Db, ctx: TenantContext, exportId: string): Promise<ExportState> {
  requireReportAccess(ctx.role);
  const row = isUuid(exportId) ? await db.reportExport.findUnique({ where: { organizationId_id: { organizationId: ctx.organizationId, id: exportId } } }) : null;
  if (!row) throw notFound("Export not found.");
  return stateOf(row);
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

async function runExport(db: Db, ctx: TenantContext, exportId: string, input: { scope: "organization" | "program"; programId?: string; quarter: string }, now: Date): Promise<void> {
  const { organizationId } = ctx;
  const where = { organizationId_id: { organizationId, id: exportId } };
  const progress = async (share: number, stage: string) => {
    await db.reportExport.update({ where, data: { progress: Math.max(0, Math.min(1, share)), stage } });
    await yieldToOthers();
  };
  try {
    await yieldToOthers();
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
        written = written.then(() => db.reportExport.update({ where, data: { progress: 0.85 + (0.12 * d) / Math.max(1, t) } })).then(() => {});
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
      await tx.reportExport.update({ where, data: { status: "SUCCEEDED", progress: 1, stage: "Done", reportId: created.id } });
    });
  } catch (err) {
    const message = err instanceof AppError ? err.message : "The export failed on our side; nothing was saved. Try again, or tell us if it keeps failing.";
    if (!(err instanceof AppError)) console.error("report export failed", err);
    await db.reportExport.update({ where, data: { status: "FAILED", error: message, stage: "Failed" } }).catch(() => {});
  }
}
