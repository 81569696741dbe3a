// Settings → Jobs, on each database: an admin sees their organization's jobs — a job that failed
// for good with its error — and never another organization's; Retry puts it back in line, it runs
// again, and the retry is audited; another organization's admin cannot retry it (404), a manager
// of its own cannot see or retry jobs (403), and only a failed job can be retried. A report export
// that failed for good runs again on Retry, and the user's export ends succeeded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTenantContext } from "@/lib/auth/loadContext";
import type { TenantContext } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { quarterContaining, shiftQuarter, weeksOfQuarter } from "@/lib/domain/calendar/quarters";
import { localDay } from "@/lib/domain/calendar/weeks";
import { registerHandler, type JobQueue } from "@/lib/jobs/queue";
import { REPORT_EXPORT_JOB, RETRYING_ON_REQUEST } from "@/lib/jobs/reportExport";
import { createLeadEntries, utcDate } from "@/lib/seed/factories";
import { retryJob } from "@/lib/services/jobs";
import { startReportExport } from "@/lib/services/reportExports";
import { jobsView } from "@/lib/views/jobs";
import { appErrorOf } from "../helpers/context";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";
import { startTestJobs, stopTestJobs } from "../helpers/jobs";
import { apiOrg, type ApiOrg } from "./apiFixtures";

type Sync = { organizationId: string };
/** The CRM sync fails until it is fixed, by organization. */
const fixed = new Set<string>();
const synced: string[] = [];
registerHandler<Sync>(
  "test-crm-sync",
  async ({ organizationId }) => {
    if (!fixed.has(organizationId)) throw new Error("The CRM answered 503 Service Unavailable");
    synced.push(organizationId);
  },
  { retryLimit: 1, retryDelaySeconds: 1 },
);

describe.each(testDbKinds())("Settings → Jobs [%s]", (kind) => {
  let t: TestDb;
  let jobs: JobQueue | undefined;
  let a: ApiOrg;
  let b: ApiOrg;
  let aManager: TenantContext;
  let aJob: string;
  let bJob: string;

  beforeAll(async () => {
    t = await createTestDb(kind);
    jobs = await startTestJobs(t, { worker: true, only: ["test-crm-sync"] });
    [a, b] = [await apiOrg(t.db), await apiOrg(t.db)];
    aManager = (await loadTenantContext(t.db, a.manager.id, a.organizationId))!;
    aJob = (await jobs.enqueue<Sync>("test-crm-sync", { organizationId: a.organizationId }))!;
    bJob = (await jobs.enqueue<Sync>("test-crm-sync", { organizationId: b.organizationId }))!;
    // Both fail twice (the attempt and its retry), then for good.
    const failed = async (ctx: TenantContext) => (await jobsView(t.db, ctx)).failed.length;
    const deadline = Date.now() + 30_000;
    while ((await failed(a.owner)) + (await failed(b.owner)) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  }, 120_000);
  afterAll(async () => {
    await stopTestJobs(jobs);
    await t?.close();
  });

  it("lists the organization's failed job with its error, and none of another organization's", async () => {
    const view = await jobsView(t.db, a.owner);
    expect(view.failed).toEqual([
      expect.objectContaining({ id: aJob, name: "test-crm-sync", state: "failed", stateLabel: "Failed", attempts: 2, maxAttempts: 2, error: "The CRM answered 503 Service Unavailable", retryable: true }),
    ]);
    expect(view.recent.map((j) => j.id)).toEqual([aJob]);
    expect(JSON.stringify(view)).not.toContain(bJob);
    expect(JSON.stringify(view)).not.toMatch(/at .*\.ts:\d+/); // no stack
    expect((await jobsView(t.db, b.owner)).failed.map((j) => j.id)).toEqual([bJob]);
  });

  it("refuses the page and Retry to a manager (403), and another organization's admin Retry on it (404)", async () => {
    expect((await appErrorOf(jobsView(t.db, aManager))).code).toBe("forbidden");
    expect((await appErrorOf(retryJob(t.db, aManager, aJob, jobs))).code).toBe("forbidden");
    expect((await appErrorOf(retryJob(t.db, b.owner, aJob, jobs))).code).toBe("not_found");
    expect((await appErrorOf(retryJob(t.db, b.owner, "not-a-job", jobs))).code).toBe("not_found");
    expect((await jobsView(t.db, a.owner)).failed.map((j) => j.id)).toEqual([aJob]);
    expect(await t.db.auditEvent.count({ where: { organizationId: { in: [a.organizationId, b.organizationId] }, action: "job.retry" } })).toBe(0);
  });

  it("retries a failed job: it runs again, is done, and the retry is audited; a job that is not failed cannot be retried", async () => {
    fixed.add(a.organizationId);
    expect(await retryJob(t.db, a.owner, aJob, jobs)).toBe("test-crm-sync");
    await expect.poll(() => synced.filter((o) => o === a.organizationId).length, { timeout: 20_000, interval: 100 }).toBe(1);
    await expect.poll(async () => (await jobsView(t.db, a.owner)).recent.find((j) => j.id === aJob)?.state, { timeout: 10_000, interval: 100 }).toBe("completed");
    expect((await jobsView(t.db, a.owner)).failed).toEqual([]);
    expect(await t.db.auditEvent.findFirst({ where: { organizationId: a.organizationId, action: "job.retry", entityId: aJob } })).toMatchObject({
      actorId: a.owner.userId,
      entityType: "Job",
      before: expect.objectContaining({ state: "failed", error: "The CRM answered 503 Service Unavailable" }),
    });
    expect((await appErrorOf(retryJob(t.db, a.owner, aJob, jobs))).code).toBe("conflict");
    // B's job was not touched.
    expect((await jobsView(t.db, b.owner)).failed.map((j) => j.id)).toEqual([bJob]);
    expect(synced).not.toContain(b.organizationId);
  }, 60_000);

  it("re-runs a report export that failed for good: the export is running again, then succeeded", async () => {
    const quarter = shiftQuarter(quarterContaining(localDay(new Date(), "UTC")), -1);
    const c = await apiOrg(t.db);
    await createLeadEntries(
      t.db,
      c.organizationId,
      weeksOfQuarter(quarter, 1).map((w, i) => ({ teamId: c.teamId, leadMeasureId: c.leadMeasureId, userId: c.member.id, entryDate: utcDate(w), value: 6 + (i % 5) })),
    );
    const exportRow = () => t.db.reportExport.findFirstOrThrow({ where: { organizationId: c.organizationId } });
    // A worker whose database refuses every save: each attempt fails at its very end.
    const broken = new Proxy(t.db, {
      get: (target, prop, receiver) => (prop === "$transaction" ? () => Promise.reject(new Error("could not extend file: No space left on device")) : Reflect.get(target, prop, receiver)),
    }) as Db;
    const failing = await startTestJobs({ ...t, db: broken }, { install: false, worker: true, only: [REPORT_EXPORT_JOB] });
    let exportId: string;
    try {
      exportId = (await startReportExport(t.db, c.owner, { scope: "organization", quarter: quarter.id }, new Date(), { perOrganization: 1, jobs })).id;
      const deadline = Date.now() + 60_000;
      while ((await exportRow()).status === "RUNNING" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      // Its last attempt says why, and the export is no longer running.
      expect(await exportRow()).toMatchObject({ status: "FAILED", error: expect.stringMatching(/failed on our side; nothing was saved/) });
    } finally {
      await failing.stop();
    }
    const [failed] = (await jobsView(t.db, c.owner)).failed;
    expect(failed).toMatchObject({ label: "Report export", attempts: 3, error: "could not extend file: No space left on device", retryable: true });

    const healthy = await startTestJobs(t, { install: false, worker: true, only: [REPORT_EXPORT_JOB] });
    try {
      expect(await retryJob(t.db, c.owner, failed!.id, jobs)).toBe("Report export");
      expect((await exportRow()).status).toBe("RUNNING");
      const deadline = Date.now() + 60_000;
      const stages = new Set<string>();
      let row = await exportRow();
      while (row.status === "RUNNING" && Date.now() < deadline) {
        stages.add(row.stage);
        await new Promise((r) => setTimeout(r, 50));
        row = await exportRow();
      }
      expect(row).toMatchObject({ id: exportId, status: "SUCCEEDED", error: null });
      expect([...stages].some((s) => s.startsWith(RETRYING_ON_REQUEST)), [...stages].join(" | ")).toBe(true);
    } finally {
      await healthy.stop();
    }
  }, 150_000);
});
