// The durable job queue (lib/jobs/queue.ts), on each database: a job enqueued twice with one
// idempotency key — even by two processes' queues at once — is one job and runs once; a job
// that keeps failing is retried later each time (exponential back-off), then ends failed with
// its error, and its onFailed runs once; a job enqueued inside a transaction exists only if the
// transaction commits; and a job stopped mid-way by its worker's shutdown is run again by
// another worker.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerHandler, JobQueue } from "@/lib/jobs/queue";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";
import { connectionOf, startTestJobs, stopTestJobs, TEST_QUEUE_SETTINGS } from "../helpers/jobs";

type Probe = { organizationId: string | null; tag: string };

/** What the test jobs did, by tag. */
const runs = new Map<string, number[]>();
const failures = new Map<string, string[]>();
const record = (tag: string) => runs.set(tag, [...(runs.get(tag) ?? []), Date.now()]);
const runsOf = (tag: string) => runs.get(tag)?.length ?? 0;

registerHandler<Probe>("test-probe", async ({ tag }) => void record(tag));
registerHandler<Probe>(
  "test-failing",
  async ({ tag }) => {
    record(tag);
    throw new Error(`The webhook of ${tag} answered 500`);
  },
  { retryLimit: 2, retryDelaySeconds: 1, onFailed: async ({ tag }, { error, attempts }) => void failures.set(tag, [...(failures.get(tag) ?? []), `${error} (${attempts} attempts)`]) },
);
/** Works until its signal says the worker is stopping (then fails, as a cut-off job does); the next attempt finishes. */
registerHandler<Probe>(
  "test-long",
  async ({ tag }, { attempt, signal }) => {
    record(tag);
    if (attempt > 0) return;
    await new Promise((_, reject) => signal.addEventListener("abort", () => reject(new Error("stopped mid-way"))));
  },
  { retryLimit: 2, retryDelaySeconds: 1 },
);

describe.each(testDbKinds())("the job queue [%s]", (kind) => {
  let t: TestDb;
  let jobs: JobQueue;

  beforeAll(async () => {
    t = await createTestDb(kind);
    jobs = await startTestJobs(t, { worker: true, only: ["test-probe", "test-failing"] });
  });
  afterAll(async () => {
    await stopTestJobs(jobs);
    await t?.close();
  });

  it("runs a job enqueued twice with one idempotency key once, however the two were sent", async () => {
    const tag = `once-${kind}`;
    const first = await jobs.enqueue<Probe>("test-probe", { organizationId: null, tag }, { singletonKey: tag });
    expect(first).toEqual(expect.any(String));
    expect(await jobs.enqueue<Probe>("test-probe", { organizationId: null, tag }, { singletonKey: tag })).toBeNull();
    // Another process's queue on the same database, at the same moment.
    const other = new JobQueue(t.db, connectionOf(t), { ...TEST_QUEUE_SETTINGS, maintenance: false });
    try {
      const both = await Promise.all([other.enqueue<Probe>("test-probe", { organizationId: null, tag: `${tag}-b` }, { singletonKey: `${tag}-b` }), jobs.enqueue<Probe>("test-probe", { organizationId: null, tag: `${tag}-b` }, { singletonKey: `${tag}-b` })]);
      expect(both.filter((id) => id !== null)).toHaveLength(1);
    } finally {
      await other.stop();
    }
    await expect.poll(() => runsOf(tag) + runsOf(`${tag}-b`), { timeout: 20_000, interval: 100 }).toBe(2);
    // Done once: the key stays taken, and nothing runs again.
    expect(await jobs.enqueue<Probe>("test-probe", { organizationId: null, tag }, { singletonKey: tag })).toBeNull();
    await new Promise((r) => setTimeout(r, 1500));
    expect([runsOf(tag), runsOf(`${tag}-b`)]).toEqual([1, 1]);
  });

  it("retries a failing job later each time, then lists it failed with its error and runs onFailed once", async () => {
    const tag = `failing-${kind}`;
    const id = (await jobs.enqueue<Probe>("test-failing", { organizationId: null, tag }))!;
    await expect.poll(() => failures.get(tag), { timeout: 40_000, interval: 200 }).toEqual([`The webhook of ${tag} answered 500 (3 attempts)`]);
    const at = runs.get(tag)!;
    expect(at).toHaveLength(3); // the first attempt and its two retries
    // Back-off: the first retry comes at least 1 s after the failure, the second at least 2 s.
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(1000);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(2000);
    const [job] = await jobs.boss.findJobs("test-failing", { id });
    expect(job).toMatchObject({ state: "failed", retryCount: 2, output: expect.objectContaining({ message: `The webhook of ${tag} answered 500` }) });
  }, 60_000);

  it("enqueues inside a transaction only if it commits", async () => {
    const tag = `tx-${kind}`;
    await expect(
      t.db.$transaction(async (tx) => {
        await jobs.enqueue<Probe>("test-probe", { organizationId: null, tag: `${tag}-rolled-back` }, { singletonKey: `${tag}-rolled-back`, tx });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    await t.db.$transaction((tx) => jobs.enqueue<Probe>("test-probe", { organizationId: null, tag }, { singletonKey: tag, tx }));
    await expect.poll(() => runsOf(tag), { timeout: 20_000, interval: 100 }).toBe(1);
    expect(await jobs.boss.findJobs("test-probe", { key: `${tag}-rolled-back` })).toEqual([]);
    expect(runsOf(`${tag}-rolled-back`)).toBe(0);
  });

  it("refuses a job without its organization", async () => {
    await expect(jobs.enqueue("test-probe", { tag: "no-org" } as unknown as Probe)).rejects.toThrow(/organizationId/);
  });

  it("runs again, on another worker, a job its worker stopped mid-way", async () => {
    const tag = `long-${kind}`;
    const first = new JobQueue(t.db, connectionOf(t), TEST_QUEUE_SETTINGS);
    await first.startWorker(["test-long"]);
    await first.enqueue<Probe>("test-long", { organizationId: null, tag });
    await expect.poll(() => runsOf(tag), { timeout: 20_000, interval: 100 }).toBe(1);
    await first.stop({ graceMs: 0 }); // the job is still at work
    const second = new JobQueue(t.db, connectionOf(t), TEST_QUEUE_SETTINGS);
    try {
      await second.startWorker(["test-long"]);
      await expect.poll(() => runsOf(tag), { timeout: 30_000, interval: 100 }).toBe(2);
    } finally {
      await second.stop();
    }
  }, 60_000);
});
