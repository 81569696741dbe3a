// Report exports are bounded and durable, on each database: one organization has one export
// under way at a time (a second is refused with 429, the error shape and Retry-After; another
// organization's still starts); every export is a job keyed by its id, waiting in the database
// for a worker, which runs as many at once as its concurrency allows; an export past its time
// budget fails with its reason and saves nothing; exports whose job is gone (left by a version
// before the job queue) are failed at start-up while queued ones are not; and a quarter before
// anything was recorded (year 0000 included) is refused with 400 before any export is recorded.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // The handlers load next-auth's options, which need a secret (else one is written to .data/).
  process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
});
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

import * as reportsRoute from "@/app/api/v1/reports/route";
import type { TenantContext } from "@/lib/auth/tenant";
import { openAdapter } from "@/lib/db/adapter";
import { makeClient, type Db } from "@/lib/db/client";
import { quarterContaining, shiftQuarter, weeksOfQuarter } from "@/lib/domain/calendar/quarters";
import { localDay } from "@/lib/domain/calendar/weeks";
import { failOrphanedExports, ORPHANED_MESSAGE } from "@/lib/jobs/exportOrphans";
import type { JobQueue } from "@/lib/jobs/queue";
import { handleReportExport, REPORT_EXPORT_JOB, type ReportExportJob } from "@/lib/jobs/reportExport";
import { createLeadEntries, createOrganization, utcDate } from "@/lib/seed/factories";
import { prepareDatabase } from "@/lib/seed/prepare";
import { getReportExport, startReportExport, WAITING_STAGE, type ExportLimits, type ExportState } from "@/lib/services/reportExports";
import { documented } from "../helpers/apiSchemas";
import { appErrorOf } from "../helpers/context";
import { createTestDb, openMigratedEmbedded, testDbKinds, type TestDb } from "../helpers/db";
import { startTestJobs, stopTestJobs } from "../helpers/jobs";
import { apiOrg, isErrorShape, serveFrom, type ApiOrg } from "./apiFixtures";

/** The last quarter that has ended: always reportable. */
const QUARTER = shiftQuarter(quarterContaining(localDay(new Date(), "UTC")), -1);
const BODY = { scope: "organization", quarter: QUARTER.id };

/** One export under way per organization, on the test's queue (installed by startTestJobs). */
const limits = (): ExportLimits => ({ perOrganization: 1 });

/** POST /api/v1/reports with the organization's token, as a client sends it; checked against the OpenAPI document. */
async function post(org: ApiOrg, body: unknown): Promise<{ status: number; retryAfter: string | null; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const request = new Request("http://leadlag.test/api/v1/reports", {
    method: "POST",
    headers: { authorization: `Bearer ${org.token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const res = await documented(reportsRoute.POST)(request, { params: Promise.resolve({}) });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: await res.json() };
}

/** Follows an export until it has ended (the route does not wait for it). */
async function ended(db: Db, ctx: TenantContext, exportId: string): Promise<ExportState> {
  const deadline = Date.now() + 90_000;
  let state = await getReportExport(db, ctx, exportId);
  while (state.status === "running" && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    state = await getReportExport(db, ctx, exportId);
  }
  return state;
}

describe.each(testDbKinds())("bounded report exports [%s]", (kind) => {
  let t: TestDb;
  /** The queue requests enqueue to; no worker of its own (each test starts the ones it needs). */
  let jobs: JobQueue | undefined;

  beforeAll(async () => {
    t = await createTestDb(kind);
    serveFrom(t.db);
    jobs = await startTestJobs(t);
  }, 120_000);
  afterAll(async () => {
    await stopTestJobs(jobs);
    await t?.close();
  });

  /** A worker on the test database for the length of `fn`, running `concurrency` exports at once. */
  async function withWorker<T>(fn: () => Promise<T>, concurrency = 2): Promise<T> {
    const worker = await startTestJobs(t, { install: false, worker: true, only: [REPORT_EXPORT_JOB], settings: { concurrency: { [REPORT_EXPORT_JOB]: concurrency } } });
    try {
      return await fn();
    } finally {
      await worker.stop({ graceMs: 5_000 });
    }
  }

  /** An organization of its own for each test, with some coaching in every week of the quarter. */
  async function orgWithData(): Promise<ApiOrg> {
    const org = await apiOrg(t.db);
    await createLeadEntries(
      t.db,
      org.organizationId,
      weeksOfQuarter(QUARTER, 1).map((w, i) => ({ teamId: org.teamId, leadMeasureId: org.leadMeasureId, userId: org.member.id, entryDate: utcDate(w), value: 6 + (i % 5) })),
    );
    return org;
  }
  const exportsOf = (org: ApiOrg) => t.db.reportExport.count({ where: { organizationId: org.organizationId } });
  const reportsOf = (org: ApiOrg) => t.db.report.count({ where: { organizationId: org.organizationId } });
  /** The job the export was enqueued as, keyed by the export's id. */
  const jobOf = async (exportId: string) => {
    const found = await jobs!.boss.findJobs<ReportExportJob>(REPORT_EXPORT_JOB, { key: exportId });
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it("refuses a second export of one organization while the first is under way (429, the error shape, Retry-After); another organization's starts", async () => {
    const [a, b] = [await orgWithData(), await orgWithData()];
    const first = await post(a, BODY);
    expect(first.status).toBe(202);
    const second = await post(a, BODY);
    expect(second.status).toBe(429);
    expect(isErrorShape(second.body)).toBe(true);
    expect(second.body.error).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/already under way: wait for it to finish/) });
    expect(Number(second.retryAfter)).toBeGreaterThan(0);
    expect(await exportsOf(a)).toBe(1); // the refused one left no row
    expect(await jobs!.boss.findJobs(REPORT_EXPORT_JOB, { data: { organizationId: a.organizationId } })).toHaveLength(1); // nor a job

    const other = await post(b, BODY);
    expect(other.status).toBe(202);

    await withWorker(async () => {
      expect(await ended(t.db, a.owner, first.body.id)).toMatchObject({ status: "succeeded" });
      expect(await ended(t.db, b.owner, other.body.id)).toMatchObject({ status: "succeeded" });
      // Once the first has ended, the organization may export again.
      const again = await post(a, BODY);
      expect(again.status).toBe(202);
      expect(await ended(t.db, a.owner, again.body.id)).toMatchObject({ status: "succeeded" });
    });
  }, 180_000);

  it("admits one of several exports asked for at the same moment in one organization", async () => {
    const a = await orgWithData();
    const tries = await Promise.allSettled([1, 2, 3].map(() => startReportExport(t.db, a.owner, BODY, new Date(), limits())));
    const started = tries.filter((r) => r.status === "fulfilled");
    expect(started).toHaveLength(1);
    for (const r of tries) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "rate_limited", retryAfterSeconds: expect.any(Number) });
    expect(await exportsOf(a)).toBe(1);
    await withWorker(async () => expect(await ended(t.db, a.owner, started[0]!.value.id)).toMatchObject({ status: "succeeded" }));
  }, 180_000);

  it("keeps exports waiting in the database until a worker is free, then runs them first come first served, as many at once as its concurrency", async () => {
    const [a, b] = [await orgWithData(), await orgWithData()];
    // No worker yet: the exports wait, each as a job keyed by its id.
    const first = await startReportExport(t.db, a.owner, BODY, new Date(), limits());
    const second = await startReportExport(t.db, b.owner, BODY, new Date(), limits());
    expect(first).toMatchObject({ status: "running", stage: WAITING_STAGE, progress: 0 });
    for (const [org, e] of [[a, first], [b, second]] as const) {
      expect(await jobOf(e.id)).toMatchObject({ state: "created", data: { organizationId: org.organizationId, exportId: e.id } });
    }
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await getReportExport(t.db, a.owner, first.id)).toMatchObject({ status: "running", stage: WAITING_STAGE, progress: 0 });
    expect(await getReportExport(t.db, b.owner, second.id)).toMatchObject({ status: "running", stage: WAITING_STAGE, progress: 0 });

    // A worker that runs one at a time: the second starts only when the first has finished.
    const [firstState, secondState] = await withWorker(async () => [await ended(t.db, a.owner, first.id), await ended(t.db, b.owner, second.id)], 1);
    expect([firstState.status, secondState.status]).toEqual(["succeeded", "succeeded"]);
    const [r1, r2] = await Promise.all([firstState, secondState].map((s) => t.db.report.findFirstOrThrow({ where: { id: s.reportId! } })));
    expect(r1!.createdAt.getTime()).toBeLessThanOrEqual(r2!.createdAt.getTime());
    expect((await jobOf(first.id)).state).toBe("completed");
    expect((await jobOf(second.id)).state).toBe("completed");
  }, 180_000);

  it("stops an export past its time budget at its next step: failed with the reason, no report saved, no retry", async () => {
    const a = await orgWithData();
    const reports = await reportsOf(a);
    const { id } = await startReportExport(t.db, a.owner, BODY, new Date(), limits());
    // The job's first attempt as the worker runs it, on a clock where every reading is 50 s
    // later: the budget of 120 s runs out after a few steps.
    let ms = 0;
    const job = await jobOf(id);
    await handleReportExport(job.data, { db: t.db, attempt: 0, lastAttempt: false, signal: new AbortController().signal }, { budgetMs: 120_000, clock: () => (ms += 50_000) });
    const after = await getReportExport(t.db, a.owner, id);
    expect(after).toMatchObject({ status: "failed", stage: "Failed", reportId: null });
    expect(after.error).toMatch(/took longer than its limit of 120 seconds and was stopped; nothing was saved/);
    expect(after.progress).toBeGreaterThan(0); // it had started working
    expect(await reportsOf(a)).toBe(reports);
    // And it no longer holds the organization's turn; its job, run again, finds nothing to do.
    const next = await startReportExport(t.db, a.owner, BODY, new Date(), limits());
    await withWorker(async () => expect(await ended(t.db, a.owner, next.id)).toMatchObject({ status: "succeeded" }));
    expect(await getReportExport(t.db, a.owner, id)).toMatchObject({ status: "failed", reportId: null });
  }, 180_000);

  it("fails the exports whose job is gone (left by a server before the job queue), not those whose job waits", async () => {
    const [a, b] = [await orgWithData(), await orgWithData()];
    const waiting = await startReportExport(t.db, a.owner, BODY, new Date(), limits());
    const orphan = (quarter: string) =>
      t.db.reportExport.create({ data: { organizationId: b.organizationId, scope: "ORGANIZATION", quarter, stage: "Reading 4 lag measures", progress: 0.4 } });
    const orphans = [await orphan(QUARTER.id), await orphan(shiftQuarter(QUARTER, -1).id)];

    expect(await failOrphanedExports(t.db)).toBe(2);
    for (const o of orphans) {
      expect(await t.db.reportExport.findFirstOrThrow({ where: { id: o.id } })).toMatchObject({ status: "FAILED", stage: "Failed", error: ORPHANED_MESSAGE });
    }
    expect((await t.db.reportExport.findFirstOrThrow({ where: { id: waiting.id } })).status).toBe("RUNNING");
    // B may export again at once.
    const next = await startReportExport(t.db, b.owner, BODY, new Date(), limits());
    await withWorker(async () => {
      expect(await ended(t.db, a.owner, waiting.id)).toMatchObject({ status: "succeeded" });
      expect(await ended(t.db, b.owner, next.id)).toMatchObject({ status: "succeeded" });
    });
  }, 180_000);

  it("fails, when a server starts, the exports left running with no job — also before the queue ever ran", async () => {
    const running = (organizationId: string) => ({ organizationId, scope: "ORGANIZATION", quarter: QUARTER.id, stage: "Reading 4 lag measures" }) as const;
    if (kind === "postgres") {
      const org = await apiOrg(t.db);
      const dead = await t.db.reportExport.create({ data: running(org.organizationId) });
      const { interruptedExports } = await prepareDatabase({ kind: "postgres", url: t.url! }, { seedDemo: false });
      expect(interruptedExports).toBeGreaterThanOrEqual(1);
      expect(await t.db.reportExport.findFirstOrThrow({ where: { id: dead.id } })).toMatchObject({ status: "FAILED", error: ORPHANED_MESSAGE });
      return;
    }
    // An embedded database on disk, as `npm start` keeps it, where no job queue has run yet.
    const dir = mkdtempSync(path.join(os.tmpdir(), "leadlag-exports-"));
    try {
      const dataDir = path.join(dir, "pglite");
      const before = await openMigratedEmbedded(dataDir);
      const db = makeClient(before.factory);
      const { id: organizationId } = await createOrganization(db, { name: "Stopped mid-export", slug: `stopped-${Date.now()}` });
      const row = await db.reportExport.create({ data: running(organizationId) });
      await db.$disconnect();
      await before.close();

      expect(await prepareDatabase({ kind: "embedded", dataDir }, { seedDemo: false })).toMatchObject({ interruptedExports: 1 });
      const after = await openAdapter({ kind: "embedded", dataDir });
      const reopened = makeClient(after.factory);
      expect(await reopened.reportExport.findFirstOrThrow({ where: { id: row.id } })).toMatchObject({ status: "FAILED", error: ORPHANED_MESSAGE });
      await reopened.$disconnect();
      await after.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it("refuses a quarter before anything was recorded with 400, recording no export", async () => {
    const a = await orgWithData();
    const rows = await exportsOf(a);
    const year0 = await post(a, { scope: "organization", quarter: "0000-Q1" });
    expect(year0.status).toBe(400);
    expect(isErrorShape(year0.body)).toBe(true);
    expect(year0.body.error.details.fieldErrors.quarter).toHaveLength(1);

    const early = await post(a, { scope: "organization", quarter: "2001-Q1" });
    expect(early.status).toBe(400);
    expect(early.body.error.details.fieldErrors.quarter[0]).toMatch(new RegExp(`^Q1 2001 ended before this organization's first record \\(\\d{4}-\\d{2}-\\d{2}\\): choose ${QUARTER.label} or later\\.$`));
    expect(await exportsOf(a)).toBe(rows);

    // An organization with nothing on record has nothing to report.
    const empty = await apiOrg(t.db);
    const fresh = await appErrorOf(startReportExport(t.db, empty.owner, BODY, new Date(), limits()));
    expect(fresh.details!.fieldErrors!.quarter![0]).toMatch(/nothing to report yet/);
    expect(await exportsOf(empty)).toBe(0);
  });
});
