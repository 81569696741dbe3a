import "server-only";
// The durable job queue: pg-boss on the app's own database. Work that must outlive a request — a
// report export, a reminder, a digest — is a job: a row in the `pgboss` schema, created in the
// same database (and, when asked, in the same transaction) as the data it is about. Workers fetch
// jobs with row locks, so several worker processes share one queue and no job runs on two at once;
// a job whose worker died is seen by its missed heartbeats (or its expiry) and retried elsewhere;
// a job that throws is retried with exponential back-off, then listed as failed (Settings → Jobs).
//
// Why pg-boss: it needs nothing but PostgreSQL (no Redis), keeps its own versioned schema and
// migrates it at start under an advisory lock, has idempotency, retries with back-off, expiry,
// heartbeats, dead-letter queues and cron schedules in time zones, and runs on PGlite as a
// first-class backend (`fromPglite`, `backend: "pglite"`). graphile-worker has no PGlite story.
//
// The embedded database: pg-boss runs on the very PGlite instance the app opened (lib/db), its SQL
// serialised with Prisma's on PGlite's one connection. One process owns a PGlite data directory,
// so with PGlite the worker runs inside the web server's process (LEADLAG_ROLE=all, the default).
// The semantics are the same: the jobs are rows in the same data directory, so they survive a
// restart, and the same tests run on both databases (tests/integration/jobQueue.test.ts).
//
// Tenancy: every job's data carries `organizationId` (null only for jobs of the whole instance,
// such as a schedule that fans out per organization); Settings → Jobs lists and retries a job only
// through it (lib/queries/jobsOfOrganization.ts).
//
// Idempotency: `enqueue(name, data, { singletonKey })` derives the job's id from the name and the
// key, so the same key enqueued twice — by two requests, two workers, a retried batch — is one
// job, run once, for as long as pg-boss keeps the job (DELETE_AFTER_SECONDS after it ended).
import type { PGlite } from "@electric-sql/pglite";
import { createHash } from "node:crypto";
import { fromPglite, fromPrisma, PgBoss, type ConstructorOptions, type JobWithMetadata, type Queue as BossQueue } from "pg-boss";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";

/** pg-boss's own schema, next to Prisma's `public` (which never describes it). */
export const JOBS_SCHEMA = "pgboss";
/** How long a finished job is kept: what Settings → Jobs can show, and how long a key stays taken. */
export const DELETE_AFTER_SECONDS = 14 * 24 * 3600;
/** The queue a job goes to once its retries are spent, when its handler has `onFailed`. */
export const failedQueueOf = (name: string) => `${name}.failed`;

/** What every job carries: the organization it is about (null: the whole instance). */
export type JobData = { organizationId: string | null };

export type JobContext = {
  id: string;
  name: string;
  /** 0 on the first attempt, 1 on the first retry… */
  attempt: number;
  retryLimit: number;
  /** No retry is left after this attempt. */
  lastAttempt: boolean;
  /** Aborted when the worker stops and the job is still at work after the grace period. */
  signal: AbortSignal;
  /** The worker's database client. */
  db: Db;
  /** The queue, to enqueue follow-up jobs. */
  jobs: JobQueue;
};

export type JobHandler<T extends JobData> = (data: T, ctx: JobContext) => Promise<unknown>;

export type JobFailure = { db: Db; jobs: JobQueue; error: string; attempts: number };

export type HandlerOptions<T extends JobData> = {
  /** How many of these jobs one worker process runs at once (default 1). */
  concurrency?: number | (() => number);
  /** Retries after the first attempt (default 3), each later than the last (exponential back-off). */
  retryLimit?: number;
  /** The first retry's delay; each next one about doubles (default 5 s). */
  retryDelaySeconds?: number;
  /** The longest delay between retries (default 10 min). */
  retryDelayMaxSeconds?: number;
  /** How long one attempt may be at work before it is taken for lost and retried (default 15 min). */
  expireInSeconds?: number | (() => number);
  /**
   * The worker touches a job at work every half of this; a job untouched this long belonged to a
   * worker that died and is retried by another (≥ 10; default: none, only the expiry).
   */
  heartbeatSeconds?: number;
  /** Runs once a job has failed for good (retries spent, however the last attempt ended). */
  onFailed?: (data: T, failure: JobFailure) => Promise<void>;
};

export type EnqueueOptions = {
  /** The idempotency key: one job per name and key, however often it is enqueued. */
  singletonKey?: string;
  /** Not before this moment. */
  startAfter?: Date;
  retryLimit?: number;
  /** Enqueue inside this Prisma transaction: the job exists only if the transaction commits. */
  tx?: Pick<Db, "$queryRawUnsafe">;
};

export type ScheduleOptions = {
  /** IANA time zone the cron expression is read in (default UTC). */
  tz?: string;
  /** Several schedules of one job name, told apart by key (e.g. one per organization). */
  key?: string;
};

type Registered = { handler: JobHandler<JobData>; options: HandlerOptions<JobData> };

const globalForJobs = globalThis as unknown as {
  leadlagJobHandlers?: Map<string, Registered>;
  leadlagJobQueue?: Promise<JobQueue>;
  leadlagStopJobs?: (graceMs?: number) => Promise<void>;
};

/** Every handler this process knows, by job name (on globalThis: Next may load this module twice). */
function registry(): Map<string, Registered> {
  globalForJobs.leadlagJobHandlers ??= new Map();
  return globalForJobs.leadlagJobHandlers;
}

/**
 * Declares what runs a job of this name, and how it is retried. Called at the top level of the
 * job's module (lib/jobs/<job>.ts), which lib/jobs/handlers.ts imports.
 */
export function registerHandler<T extends JobData>(name: string, handler: JobHandler<T>, options: HandlerOptions<T> = {}): void {
  registry().set(name, { handler: handler as JobHandler<JobData>, options: options as HandlerOptions<JobData> });
}

/** The names of the registered jobs. */
export function registeredJobs(): string[] {
  return [...registry().keys()];
}

/** A job id derived from its name and idempotency key (a name-based UUID, RFC 9562 version 5). */
export function jobIdFor(name: string, key: string): string {
  const h = createHash("sha1").update(`leadlag-job\u0000${name}\u0000${key}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export type QueueConnection =
  /** PostgreSQL: pg-boss opens its own small pool to the same database. */
  | { kind: "postgres"; url: string; max?: number }
  /** PGlite: the app's own instance (lib/db/adapter.ts), shared with Prisma. */
  | { kind: "embedded"; pglite: PGlite };

export type QueueSettings = {
  /** How often an idle worker looks for new jobs (default 2 s). */
  pollingIntervalSeconds?: number;
  /**
   * How often a worker process sweeps for jobs whose worker died (missed heartbeats, expiry) and
   * deletes old ones (default 30 s).
   */
  superviseIntervalSeconds?: number;
  /** Name of this process in pg-boss's registry of instances. */
  instanceName?: string;
  /**
   * Run the maintenance pass (retry the jobs of dead workers, delete old jobs) and the cron pass
   * (fire schedules). Default true; a web-only process that only enqueues turns them off.
   */
  maintenance?: boolean;
  /** Shorter heartbeats than the handlers ask for (tests: a dead worker's job is retried sooner). */
  heartbeatSeconds?: number;
  /** This process's concurrency for some jobs, instead of their handlers'. */
  concurrency?: Partial<Record<string, number>>;
};

type BossJob = JobWithMetadata<JobData>;

/** The message of what a failed job stored as its output (never its stack). */
export function failureMessage(output: unknown): string {
  if (output && typeof output === "object" && "message" in output && typeof output.message === "string") return output.message;
  return "The job failed.";
}

/**
 * One pg-boss instance on one database: enqueues from any process, works on the registered jobs
 * once `startWorker()` is called. A process has one (processJobQueue()); tests make their own.
 */
export class JobQueue {
  readonly boss: PgBoss;
  private starting?: Promise<void>;
  private readonly ready = new Map<string, Promise<void>>();
  private working = false;
  private stopped = false;

  constructor(
    readonly db: Db,
    readonly connection: QueueConnection,
    private readonly settings: QueueSettings = {},
  ) {
    const common: ConstructorOptions = {
      schema: JOBS_SCHEMA,
      // Maintenance and cron passes: pg-boss coordinates them between instances (each pass is
      // claimed in the database), so any number of processes may run them.
      supervise: settings.maintenance ?? true,
      schedule: settings.maintenance ?? true,
      superviseIntervalSeconds: settings.superviseIntervalSeconds ?? 30,
      monitorIntervalSeconds: settings.superviseIntervalSeconds ?? 30,
      instanceName: settings.instanceName,
    };
    this.boss =
      connection.kind === "embedded"
        ? new PgBoss({
            ...common,
            db: fromPglite(connection.pglite),
            backend: "pglite",
            // PGlite runs no autovacuum (lib/seed/prepare.ts runs ANALYZE) and cannot REINDEX
            // CONCURRENTLY: pg-boss would warn about the one and fail at the other.
            monitorVacuum: false,
            reindex: false,
          })
        : new PgBoss({ ...common, connectionString: connection.url, max: connection.max ?? 4, application_name: "leadlag-jobs" });
    this.boss.on("error", (err) => {
      if (!this.stopped) console.error("job queue:", err);
    });
  }

  /** Installs or migrates pg-boss's schema (its own versioned migrations, under an advisory lock). */
  start(): Promise<void> {
    this.starting ??= this.boss.start().then(() => undefined);
    return this.starting;
  }

  /**
   * Creates the job's queue (and its failed-jobs queue) once per process, with its handler's
   * options. enqueue() does it too; call it first when enqueueing inside a transaction.
   */
  prepare(name: string): Promise<void> {
    let ready = this.ready.get(name);
    if (!ready) {
      ready = (async () => {
        await this.start();
        const options = registry().get(name)?.options ?? {};
        const failed = options.onFailed ? failedQueueOf(name) : undefined;
        const heartbeatSeconds = options.heartbeatSeconds && Math.min(options.heartbeatSeconds, this.settings.heartbeatSeconds ?? Infinity);
        if (failed) await this.boss.createQueue(failed, { retryLimit: 5, retryDelay: 5, retryBackoff: true, deleteAfterSeconds: DELETE_AFTER_SECONDS });
        const queue: Omit<BossQueue, "name"> = {
          retryLimit: options.retryLimit ?? 3,
          retryDelay: options.retryDelaySeconds ?? 5,
          retryBackoff: true,
          retryDelayMax: options.retryDelayMaxSeconds ?? 600,
          expireInSeconds: (typeof options.expireInSeconds === "function" ? options.expireInSeconds() : options.expireInSeconds) ?? 900,
          deleteAfterSeconds: DELETE_AFTER_SECONDS,
          ...(heartbeatSeconds ? { heartbeatSeconds } : {}),
          ...(failed ? { deadLetter: failed } : {}),
        };
        await this.boss.createQueue(name, queue);
        // An existing queue keeps its stored options: bring them in line with the code's.
        const { retryLimit, retryDelay, retryBackoff, retryDelayMax, expireInSeconds, deleteAfterSeconds } = queue;
        await this.boss.updateQueue(name, {
          retryLimit,
          retryDelay,
          retryBackoff,
          retryDelayMax,
          expireInSeconds,
          deleteAfterSeconds,
          heartbeatSeconds: heartbeatSeconds || null,
          deadLetter: failed ?? null,
        });
      })().catch((err) => {
        this.ready.delete(name);
        throw err;
      });
      this.ready.set(name, ready);
    }
    return ready;
  }

  /**
   * Adds a job; resolves with its id, or null when a job with this name and `singletonKey`
   * exists already (it is not added again).
   */
  async enqueue<T extends JobData>(name: string, data: T, options: EnqueueOptions = {}): Promise<string | null> {
    if (!data || (typeof data.organizationId !== "string" && data.organizationId !== null)) {
      throw new TypeError(`Job ${name}: its data must carry organizationId (a string, or null for the whole instance).`);
    }
    // Before any transaction: on PGlite a query outside the transaction waits for it to end.
    await this.prepare(name);
    return this.boss.send(name, data, {
      ...(options.singletonKey ? { id: jobIdFor(name, options.singletonKey), singletonKey: options.singletonKey } : {}),
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      ...(options.retryLimit !== undefined ? { retryLimit: options.retryLimit } : {}),
      ...(options.tx ? { db: fromPrisma(options.tx) } : {}),
    });
  }

  /**
   * Enqueues `name` with `data` on every occurrence of the cron expression, in `tz`. Schedules are
   * rows too: set once (again at every start is harmless), fired by whichever worker runs the
   * cron pass, once per occurrence however many workers run.
   */
  async schedule<T extends JobData>(name: string, cron: string, data: T, options: ScheduleOptions = {}): Promise<void> {
    await this.prepare(name);
    await this.boss.schedule(name, cron, data, { tz: options.tz ?? "UTC", ...(options.key ? { key: options.key } : {}) });
  }

  async unschedule(name: string, key?: string): Promise<void> {
    await this.start();
    await this.boss.unschedule(name, key);
  }

  /**
   * Puts a failed job back in line, now (inside `tx` when given). False when there is no such
   * failed job. Its handler sees it as its last attempt: another failure ends it failed again.
   */
  async retry(name: string, id: string, options: { tx?: Pick<Db, "$queryRawUnsafe"> } = {}): Promise<boolean> {
    await this.prepare(name);
    // Typed as {} by pg-boss; it answers { jobs, requested, affected }.
    const { affected } = (await this.boss.retry(name, id, options.tx ? { db: fromPrisma(options.tx) } : {})) as { affected?: number };
    return (affected ?? 0) > 0;
  }

  /**
   * Starts working on every registered job (or those named), each with its own concurrency, and
   * turns on this process's maintenance and cron passes.
   */
  async startWorker(only?: string[]): Promise<void> {
    if (this.working) return;
    this.working = true;
    const names = only ?? registeredJobs();
    await this.start();
    for (const name of names) {
      const registered = registry().get(name);
      if (!registered) throw new Error(`No handler is registered for job ${name}.`);
      await this.prepare(name);
      const { handler, options } = registered;
      const concurrency = this.settings.concurrency?.[name] ?? (typeof options.concurrency === "function" ? options.concurrency() : (options.concurrency ?? 1));
      const polling = { pollingIntervalSeconds: this.settings.pollingIntervalSeconds ?? 2, includeMetadata: true as const, localConcurrency: concurrency };
      await this.boss.work(name, polling, async (jobs) => {
        const job = jobs[0] as BossJob | undefined;
        if (!job) return;
        await handler(job.data, {
          id: job.id,
          name,
          attempt: job.retryCount,
          retryLimit: job.retryLimit,
          lastAttempt: job.retryCount >= job.retryLimit,
          signal: job.signal,
          db: this.db,
          jobs: this,
        });
      });
      if (options.onFailed) {
        const onFailed = options.onFailed;
        await this.boss.work(failedQueueOf(name), { pollingIntervalSeconds: this.settings.pollingIntervalSeconds ?? 2, includeMetadata: true as const }, async (jobs) => {
          const job = jobs[0] as BossJob | undefined;
          if (!job) return;
          await onFailed(job.data, { db: this.db, jobs: this, error: failureMessage(job.sourceOutput), attempts: (job.sourceRetryCount ?? 0) + 1 });
        });
      }
    }
  }

  /**
   * Stops working: no new jobs are taken; with `graceMs` the jobs at work get that long to finish
   * (0: stop at once, as a killed process would — they are retried once their heartbeat lapses).
   */
  async stop({ graceMs = 20_000 }: { graceMs?: number } = {}): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (!this.starting) return;
    await this.starting.catch(() => {});
    await this.boss.stop({ graceful: graceMs > 0, timeout: Math.max(graceMs, 1), close: true });
  }
}

// ---------------------------------------------------------------------------------------------
// This process's queue

/**
 * The process's queue, on the process's database (lib/db): PGlite's own instance, or the
 * PostgreSQL database of DATABASE_URL. Every registered job is known to it (lib/jobs/handlers.ts).
 */
export function processJobQueue(settings: QueueSettings = {}): Promise<JobQueue> {
  globalForJobs.leadlagJobQueue ??= (async () => {
    const [{ getOpenedDb }] = await Promise.all([import("@/lib/db"), import("./handlers")]);
    const opened = await getOpenedDb();
    const connection: QueueConnection | undefined = opened.pglite
      ? { kind: "embedded", pglite: opened.pglite }
      : opened.target.kind === "postgres"
        ? { kind: "postgres", url: opened.target.url }
        : undefined;
    if (!connection) throw new Error("The job queue needs the database's connection (PGlite instance or PostgreSQL URL).");
    // A web-only process enqueues; the maintenance and cron passes are the workers'.
    const queue = new JobQueue(opened.db, connection, { maintenance: env().LEADLAG_ROLE !== "web", ...settings });
    await queue.start();
    return queue;
  })().catch((err) => {
    globalForJobs.leadlagJobQueue = undefined;
    throw err;
  });
  return globalForJobs.leadlagJobQueue;
}

/**
 * The process's queue if it has one under way (a server's worker, or a web process's own), else
 * null: for work that is welcome now but may wait for the next scheduled pass (a test that calls an
 * action without any queue must not open one on the app's database).
 */
export function runningJobQueue(): Promise<JobQueue> | null {
  return globalForJobs.leadlagJobQueue ?? null;
}

/** Makes `queue` the process's queue (tests and scripts that opened their own database), or forgets it. */
export function installJobQueue(queue: JobQueue | undefined): void {
  globalForJobs.leadlagJobQueue = queue ? Promise.resolve(queue) : undefined;
}

/** enqueue() on the process's queue. */
export async function enqueue<T extends JobData>(name: string, data: T, options: EnqueueOptions = {}): Promise<string | null> {
  return (await processJobQueue()).enqueue(name, data, options);
}

/** schedule() on the process's queue. */
export async function schedule<T extends JobData>(name: string, cron: string, data: T, options: ScheduleOptions = {}): Promise<void> {
  return (await processJobQueue()).schedule(name, cron, data, options);
}

/**
 * Starts this process's worker on every registered job. `stopWorker()` (also registered for
 * scripts/server.ts, which cannot import this module) stops it gracefully.
 */
export async function startWorker(settings: QueueSettings = {}): Promise<JobQueue> {
  const queue = await processJobQueue(settings);
  await queue.startWorker();
  globalForJobs.leadlagStopJobs = (graceMs) => stopWorker({ graceMs });
  return queue;
}

/** Stops this process's queue and worker: jobs at work get `graceMs` to finish, the rest are retried. */
export async function stopWorker(options: { graceMs?: number } = {}): Promise<void> {
  const pending = globalForJobs.leadlagJobQueue;
  globalForJobs.leadlagJobQueue = undefined;
  globalForJobs.leadlagStopJobs = undefined;
  if (pending) await (await pending.catch(() => undefined))?.stop(options);
}
