import "server-only";
// Where the job worker runs (LEADLAG_ROLE, README "Background jobs"):
// - `all` (the default): inside the web server's process, started by instrumentation.ts when
//   Next starts — `npm start` and `npm run dev` run both. The only choice with the embedded
//   database: one process owns a PGlite data directory, and the worker must use the same one.
// - `web`: the web server only; jobs are enqueued here and run by workers elsewhere.
// - `worker`: the worker only (`npm run worker`, or `npm start` with LEADLAG_ROLE=worker).
// Any number of web servers and workers may run on one PostgreSQL database.
import os from "node:os";
import type { DbTarget } from "@/lib/db/adapter";
import type { Env } from "@/lib/env";
import { scheduleNotificationTick } from "./notificationTick";
import { startWorker, stopWorker } from "./queue";

export type Role = Env["LEADLAG_ROLE"];

/** Why this role cannot run on this database, or null when it can. */
export function roleProblem(role: Role, target: DbTarget): string | null {
  if (target.kind !== "embedded" || role === "all") return null;
  return role === "worker"
    ? "LEADLAG_ROLE=worker needs PostgreSQL (DATABASE_URL). With the embedded database the job worker runs inside the web server's process, " +
        "which owns the data directory: run `npm start` (LEADLAG_ROLE=all, the default) instead."
    : "LEADLAG_ROLE=web needs PostgreSQL (DATABASE_URL): with the embedded database no other process can run the jobs (report exports, reminders). " +
        "Unset LEADLAG_ROLE (all: the web server runs the jobs too).";
}

/** Does a process of this role run the worker? */
export const runsWorker = (role: Role) => role !== "web";

const instanceName = (role: Role) => `${role === "all" ? "web+worker" : role} ${os.hostname()}:${process.pid}`;

/** Starts this process's worker on every registered job (lib/jobs/handlers.ts). */
export async function startProcessWorker(role: Role): Promise<void> {
  const queue = await startWorker({ instanceName: instanceName(role) });
  // The reminders' and digests' tick (lib/jobs/notificationTick.ts): one schedule for the whole
  // instance, however many workers set it. Reminders not scheduled is logged, not fatal to the server.
  await scheduleNotificationTick(queue).catch((err: unknown) =>
    console.error(`[jobs] could not schedule the notification tick: ${err instanceof Error ? err.message : String(err)}`),
  );
}

/**
 * Stops it on SIGTERM/SIGINT: no new jobs; those at work get `graceMs` to finish, then are failed
 * and retried (by another worker, or by this one after its restart). Resolves once stopped.
 */
export async function stopProcessWorker(graceMs: number): Promise<void> {
  await stopWorker({ graceMs });
}
