// The job queue for one test database: pg-boss on the test's own PGlite instance or PostgreSQL
// database (its schema is created on first use, so the template databases hold none), installed
// as the process's queue so routes and services enqueue to it. With `worker`, it also works on
// the jobs, polling often and sweeping for dead workers every second.
import "@/lib/jobs/handlers";
import { installJobQueue, JobQueue, type QueueConnection, type QueueSettings } from "@/lib/jobs/queue";
import type { Db } from "@/lib/db/client";
import type { TestDb } from "./db";

/** Quick polls, a sweep every second, heartbeats of 10 s (pg-boss's least): a dead worker's job is retried within seconds. */
export const TEST_QUEUE_SETTINGS: QueueSettings = { pollingIntervalSeconds: 0.5, superviseIntervalSeconds: 1, heartbeatSeconds: 10 };

export function connectionOf(t: Pick<TestDb, "kind" | "url" | "pglite">): QueueConnection {
  if (t.kind === "postgres") return { kind: "postgres", url: t.url!, max: 4 };
  if (!t.pglite) throw new Error("An embedded test database without its PGlite instance.");
  return { kind: "embedded", pglite: t.pglite };
}

/**
 * A started queue on the test database (installed as the process's unless `install: false`);
 * with `worker: true` it runs every registered job (or `only` those). Stop it before closing the database.
 */
export async function startTestJobs(
  t: Pick<TestDb, "kind" | "url" | "pglite"> & { db: Db },
  opts: { worker?: boolean; install?: boolean; only?: string[]; settings?: QueueSettings } = {},
): Promise<JobQueue> {
  const queue = new JobQueue(t.db, connectionOf(t), { ...TEST_QUEUE_SETTINGS, ...opts.settings });
  await queue.start();
  if (opts.install !== false) installJobQueue(queue);
  if (opts.worker) await queue.startWorker(opts.only);
  return queue;
}

/** Stops the queue (at once by default) and forgets it as the process's queue. */
export async function stopTestJobs(queue: JobQueue | undefined, graceMs = 0): Promise<void> {
  if (!queue) return;
  installJobQueue(undefined);
  await queue.stop({ graceMs });
}

/** A job of `organizationId` that has failed for good with `message` (queue "test-failed", no handler). */
export async function failedJobOf(queue: JobQueue, organizationId: string, message = "The webhook answered 500"): Promise<string> {
  const id = (await queue.enqueue("test-failed", { organizationId }, { retryLimit: 0 }))!;
  const fetched = await queue.boss.fetch("test-failed", { batchSize: 100 });
  if (!fetched.some((j) => j.id === id)) throw new Error("The failed job to be was not fetched.");
  await queue.boss.fail("test-failed", fetched.map((j) => j.id), { message });
  return id;
}
