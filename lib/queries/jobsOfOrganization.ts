import "server-only";
// An organization's background jobs, read from pg-boss's job table (lib/jobs/queue.ts): every
// job's data carries its organizationId, and only that decides whose a job is — a job of another
// organization, or of the whole instance (organizationId null), never matches. The copies pg-boss
// makes of a failed job for its onFailed handler (queues named `….failed`) are the queue's
// internals and never listed. Before the queue's first start there is no table: no jobs.
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

export type JobState = "created" | "retry" | "active" | "completed" | "cancelled" | "failed";

export type JobRow = {
  id: string;
  name: string;
  state: JobState;
  /** Retries so far (0: the first attempt). */
  retryCount: number;
  retryLimit: number;
  /** The idempotency key it was enqueued with, if any. */
  key: string | null;
  createdOn: Date;
  startedOn: Date | null;
  completedOn: Date | null;
  /** When a waiting job (or retry) may start. */
  startAfter: Date;
  /** Its last failure's message (never the stack). */
  error: string | null;
};

const COLUMNS = Prisma.sql`id::text AS id, name, state::text AS state, retry_count AS "retryCount", retry_limit AS "retryLimit",
  singleton_key AS key, created_on AS "createdOn", started_on AS "startedOn", completed_on AS "completedOn",
  start_after AS "startAfter", CASE WHEN state IN ('failed', 'retry') THEN output->>'message' END AS error`;

async function installed(db: Db): Promise<boolean> {
  const [row] = await db.$queryRaw<{ installed: boolean }[]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS installed`;
  return row?.installed === true;
}

/** The organization's newest jobs (only failed ones with `failedOnly`), newest first. */
export async function jobsOfOrganization(db: Db, organizationId: string, opts: { limit: number; failedOnly?: boolean }): Promise<JobRow[]> {
  if (!(await installed(db))) return [];
  return db.$queryRaw<JobRow[]>`
    SELECT ${COLUMNS} FROM pgboss.job
    WHERE data->>'organizationId' = ${organizationId} AND name NOT LIKE '%.failed'
      ${opts.failedOnly ? Prisma.sql`AND state = 'failed'` : Prisma.empty}
    ORDER BY created_on DESC, id DESC
    LIMIT ${opts.limit}`;
}

/** One job of the organization with its data; null when it is not one of theirs. */
export async function jobOfOrganization(db: Db, organizationId: string, id: string): Promise<(JobRow & { data: Record<string, unknown> }) | null> {
  if (!(await installed(db))) return null;
  const [row] = await db.$queryRaw<(JobRow & { data: Record<string, unknown> })[]>`
    SELECT ${COLUMNS}, data FROM pgboss.job
    WHERE id = ${id}::uuid AND data->>'organizationId' = ${organizationId} AND name NOT LIKE '%.failed'`;
  return row ?? null;
}
