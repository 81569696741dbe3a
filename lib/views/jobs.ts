import "server-only";
// Settings → Jobs: what admins read about their organization's background work (report exports,
// reminders, digests): the newest jobs and every failed one still kept, with its error, and
// whether it may be retried. Tenant-scoped: only jobs whose data names ctx.organizationId
// (lib/queries/jobsOfOrganization.ts).
import { requireJobsAdmin } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { jobLabel } from "@/lib/jobs/labels";
import { jobsOfOrganization, type JobRow, type JobState } from "@/lib/queries/jobsOfOrganization";

/** Each list shows this many jobs. */
export const JOBS_PAGE_SIZE = 100;

const STATES: Record<JobState, string> = {
  created: "Waiting",
  retry: "Waiting to retry",
  active: "Running",
  completed: "Done",
  cancelled: "Cancelled",
  failed: "Failed",
};

export type JobItem = {
  id: string;
  name: string;
  label: string;
  state: JobState;
  stateLabel: string;
  /** Attempts made or under way. */
  attempts: number;
  maxAttempts: number;
  createdOn: Date;
  /** When it ended, failed or not. */
  completedOn: Date | null;
  /** When a waiting retry starts. */
  retryAt: Date | null;
  error: string | null;
  retryable: boolean;
};

export type JobsView = { recent: JobItem[]; failed: JobItem[] };

const MAX_ERROR = 500;

function itemOf(row: JobRow): JobItem {
  const error = row.error && row.error.length > MAX_ERROR ? `${row.error.slice(0, MAX_ERROR)}…` : row.error;
  return {
    id: row.id,
    name: row.name,
    label: jobLabel(row.name),
    state: row.state,
    stateLabel: STATES[row.state] ?? row.state,
    attempts: row.retryCount + (row.state === "created" ? 0 : 1),
    maxAttempts: row.retryLimit + 1,
    createdOn: row.createdOn,
    completedOn: row.completedOn,
    retryAt: row.state === "retry" ? row.startAfter : null,
    error,
    retryable: row.state === "failed",
  };
}

export async function jobsView(db: Db, ctx: TenantContext): Promise<JobsView> {
  requireJobsAdmin(ctx.role);
  const [recent, failed] = await Promise.all([
    jobsOfOrganization(db, ctx.organizationId, { limit: JOBS_PAGE_SIZE }),
    jobsOfOrganization(db, ctx.organizationId, { limit: JOBS_PAGE_SIZE, failedOnly: true }),
  ]);
  return { recent: recent.map(itemOf), failed: failed.map(itemOf) };
}
