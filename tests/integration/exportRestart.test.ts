// Exports survive a restart of the server, on each database. An export is started; while its
// worker is at work on it, the worker dies without a word — on PostgreSQL a real worker process
// (`npm run worker`, scripts/worker.ts) is killed with SIGKILL; on PGlite, where the worker lives
// in the web server's process, the server's database goes away under it and the server starts
// again on the same data directory. A new worker finds the job whose heartbeat stopped, runs it
// again from scratch ("Retrying after a restart"), and the export the user follows ends
// succeeded, with one report saved.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { TenantContext } from "@/lib/auth/tenant";
import { openAdapter, type OpenedAdapter } from "@/lib/db/adapter";
import { makeClient, type Db } from "@/lib/db/client";
import { JobQueue } from "@/lib/jobs/queue";
import "@/lib/jobs/handlers";
import { REPORT_EXPORT_JOB, RETRYING_AFTER_RESTART } from "@/lib/jobs/reportExport";
import { DEMO_USERS } from "@/lib/seed/demo/catalogue";
import { seedDemo } from "@/lib/seed/demo/seedDemo";
import { startReportExport } from "@/lib/services/reportExports";
import { contextOf } from "../helpers/context";
import { createTestDb, openMigratedEmbedded, testDbKinds, type TestDb } from "../helpers/db";
import { TEST_QUEUE_SETTINGS } from "../helpers/jobs";

/** Tuesday 1 December 2026: Q4 2026 is in progress. */
const NOW = new Date("2026-12-01T12:00:00Z");
const BODY = { scope: "organization", quarter: "2026-Q4" };
const ROOT = path.resolve(import.meta.dirname, "../..");

type Row = { status: string; stage: string; progress: number; reportId: string | null };
const rowOf = (db: Db, organizationId: string, id: string): Promise<Row> =>
  db.reportExport.findFirstOrThrow({ where: { organizationId, id }, select: { status: true, stage: true, progress: true, reportId: true } });

/** Resolves once the export is at work (past its start, not yet done), polling fast. */
async function atWork(db: Db, organizationId: string, id: string): Promise<Row> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const row = await rowOf(db, organizationId, id);
    if (row.status !== "RUNNING") throw new Error(`The export ended before it could be cut off: ${JSON.stringify(row)}`);
    if (row.progress > 0) return row;
    if (Date.now() > deadline) throw new Error("The export never started.");
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Follows the export to its end, noting every stage it shows on the way. */
async function followToEnd(db: Db, organizationId: string, id: string): Promise<{ row: Row; stages: Set<string> }> {
  const stages = new Set<string>();
  const deadline = Date.now() + 120_000;
  let row = await rowOf(db, organizationId, id);
  while (row.status === "RUNNING" && Date.now() < deadline) {
    stages.add(row.stage);
    await new Promise((r) => setTimeout(r, 50));
    row = await rowOf(db, organizationId, id);
  }
  return { row, stages };
}

/**
 * `npm run worker` on the database of `url`, as its own process: node itself with tsx loaded (the
 * tsx command would run the worker in a child of its own, which a SIGKILL would not reach).
 */
function workerProcess(url: string): ChildProcess {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, LEADLAG_SEED_DEMO: "false" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  child.on("exit", (code, signal) => {
    if (code) console.error(`worker process exited ${code}:\n${output}`);
    else if (!signal) console.log(output);
  });
  return child;
}

describe.each(testDbKinds())("exports survive a restart [%s]", (kind) => {
  const cleanup: (() => Promise<unknown> | unknown)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn();
  });

  it(
    "runs an export again, from scratch, after its worker died mid-way, and the user's export ends succeeded",
    async () => {
      const errors = vi.spyOn(console, "error").mockImplementation(() => {});
      cleanup.push(() => errors.mockRestore());
      let db: Db;
      let organizationId: string;
      let manager: TenantContext;
      let exportId: string;

      if (kind === "postgres") {
        const t: TestDb = await createTestDb(kind);
        cleanup.push(() => t.close());
        db = t.db;
        organizationId = (await seedDemo(db, { today: NOW })).organizationId;
        manager = await contextOf(db, DEMO_USERS.manager.email, organizationId);
        // The web server records the export and its job…
        const web = new JobQueue(db, { kind: "postgres", url: t.url! }, { ...TEST_QUEUE_SETTINGS, maintenance: false });
        cleanup.push(() => web.stop());
        exportId = (await startReportExport(db, manager, BODY, NOW, { perOrganization: 1, jobs: web })).id;
        // …a worker process takes it, and is killed at work.
        const child = workerProcess(t.url!);
        cleanup.push(() => child.exitCode === null && child.kill("SIGKILL"));
        await atWork(db, organizationId, exportId);
        child.kill("SIGKILL");
        await new Promise((r) => child.once("exit", r));
        const [job] = await web.boss.findJobs(REPORT_EXPORT_JOB, { key: exportId });
        expect(job).toMatchObject({ state: "active", retryCount: 0 }); // nobody said it stopped
        // Another worker (here, in this process) picks it up.
        const next = new JobQueue(db, { kind: "postgres", url: t.url! }, TEST_QUEUE_SETTINGS);
        cleanup.push(() => next.stop());
        await next.startWorker([REPORT_EXPORT_JOB]);
      } else {
        const dir = mkdtempSync(path.join(os.tmpdir(), "leadlag-restart-"));
        cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
        const dataDir = path.join(dir, "pglite");
        // The web server, with its worker in-process, on a data directory as `npm start` keeps it.
        const before: OpenedAdapter = await openMigratedEmbedded(dataDir);
        const first = makeClient(before.factory);
        organizationId = (await seedDemo(first, { today: NOW })).organizationId;
        manager = await contextOf(first, DEMO_USERS.manager.email, organizationId);
        const server = new JobQueue(first, { kind: "embedded", pglite: before.pglite! }, TEST_QUEUE_SETTINGS);
        await server.startWorker([REPORT_EXPORT_JOB]);
        exportId = (await startReportExport(first, manager, BODY, NOW, { perOrganization: 1, jobs: server })).id;
        await atWork(first, organizationId, exportId);
        // The server dies: its database goes away under the export; nothing is stopped in order.
        await before.close();
        await server.stop({ graceMs: 0 }).catch(() => {});
        await first.$disconnect().catch(() => {});

        // It starts again on the same data directory.
        const after = await openAdapter({ kind: "embedded", dataDir });
        db = makeClient(after.factory);
        cleanup.push(async () => {
          await db.$disconnect();
          await after.close();
        });
        const restarted = new JobQueue(db, { kind: "embedded", pglite: after.pglite! }, TEST_QUEUE_SETTINGS);
        cleanup.push(() => restarted.stop());
        await restarted.start();
        const [job] = await restarted.boss.findJobs(REPORT_EXPORT_JOB, { key: exportId });
        expect(job).toMatchObject({ state: "active", retryCount: 0 }); // cut off at work
        expect((await rowOf(db, organizationId, exportId)).status).toBe("RUNNING");
        await restarted.startWorker([REPORT_EXPORT_JOB]);
      }

      const { row, stages } = await followToEnd(db, organizationId, exportId);
      expect(row).toMatchObject({ status: "SUCCEEDED", stage: "Done", progress: 1 });
      // It said so while it ran again ("Retrying after a restart — Drawing the charts and the PDF").
      expect([...stages].some((s) => s.startsWith(RETRYING_AFTER_RESTART)), [...stages].join(" | ")).toBe(true);
      // Saved once, by the attempt that finished.
      expect(await db.report.count({ where: { organizationId } })).toBe(1);
      expect((await db.report.findFirstOrThrow({ where: { organizationId } })).id).toBe(row.reportId);
    },
    240_000,
  );
});
