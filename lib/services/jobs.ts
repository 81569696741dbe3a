import "server-only";
// Retrying a failed background job from Settings → Jobs: admins of its organization only, a job
// found through its organization (another organization's is "not found"), put back in line and
// audited in one transaction. A failed report export runs again with it: its row, what its
// people see, is running again (within the organization's limit on exports under way).
import { requireJobsAdmin } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { processJobQueue, type JobQueue } from "@/lib/jobs/queue";
import { REPORT_EXPORT_JOB } from "@/lib/jobs/reportExport";
import { jobOfOrganization } from "@/lib/queries/jobsOfOrganization";
import { isUuid } from "@/lib/schemas/ids";
import { jobLabel } from "@/lib/jobs/labels";
import { recordAudit } from "./audit";
import { reopenReportExport } from "./reportExports";

const NOT_OURS = "That job is not one of this organization's.";

/** Retries the organization's failed job `jobId`; resolves with what it is, in words. */
export async function retryJob(db: Db, ctx: TenantContext, jobId: string, jobs?: JobQueue): Promise<string> {
  requireJobsAdmin(ctx.role);
  if (!isUuid(jobId)) throw notFound(NOT_OURS);
  const job = await jobOfOrganization(db, ctx.organizationId, jobId);
  if (!job) throw notFound(NOT_OURS);
  const queue = jobs ?? (await processJobQueue());
  if (job.state !== "failed") throw new AppError("conflict", `Only a failed job can be retried; this one is ${job.state === "completed" ? "done" : "not failed"}.`);
  // Before the transaction: on PGlite a query outside it would wait for it to end.
  await queue.prepare(job.name);
  await db.$transaction(async (tx) => {
    if (job.name === REPORT_EXPORT_JOB && typeof job.data.exportId === "string") await reopenReportExport(tx, ctx.organizationId, job.data.exportId);
    if (!(await queue.retry(job.name, job.id, { tx }))) throw new AppError("conflict", "The job changed meanwhile; reload the page.");
    await recordAudit(tx, ctx, {
      action: "job.retry",
      entityType: "Job",
      entityId: job.id,
      before: { name: job.name, state: job.state, attempts: job.retryCount + 1, error: job.error },
      after: { name: job.name, state: "retry" },
    });
  });
  return jobLabel(job.name);
}
