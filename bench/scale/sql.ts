// "Each page's SQL timed directly on the database beside it." In this process, the view loader a
// page calls runs on a Prisma client (the app's own client factory) whose pg pool records every
// statement it sends: text, parameters as sent, and when it started and ended. The statements
// are then replayed through `pg` alone — no Prisma, no rendering, no HTTP — in the same order
// and with the same overlap: statements the loader had in flight together run together (on a
// pool of the server's size), the others one after another. That replay is the page's SQL time;
// the server's time ÷ it is what the app adds on top of its database work. The loader itself is
// timed too (Prisma and the view's JavaScript, no HTTP or rendering).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { makeClient, type Db } from "@/lib/db/client";

export type Statement = { text: string; values: unknown[]; start: number; end: number };

/** A pg pool that records what it is asked to run while `recording` is set. */
class RecordingPool extends pg.Pool {
  recording: Statement[] | null = null;
  override query(...args: unknown[]): never {
    const [config] = args;
    const log = this.recording;
    if (!log || typeof config !== "object" || config === null || args.length > 1) {
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const c = config as { text: string; values?: unknown[] };
    const s: Statement = { text: c.text, values: c.values ?? [], start: performance.now(), end: 0 };
    log.push(s);
    const p = (super.query as (...a: unknown[]) => Promise<unknown>)(config);
    return p.then(
      (r) => {
        s.end = performance.now();
        return r;
      },
      (e: unknown) => {
        s.end = performance.now();
        throw e;
      },
    ) as never;
  }
}

/** Pool size of the server's client (lib/db/adapter.ts), so the replay overlaps as the server can. */
export const SERVER_POOL_SIZE = 10;

export type Recorder = {
  db: Db;
  /** Runs `fn` and returns the statements it sent, in the order they were sent. */
  record(fn: () => Promise<unknown>): Promise<Statement[]>;
  close(): Promise<void>;
};

export function openRecorder(url: string): Recorder {
  const pool = new RecordingPool({ connectionString: url, max: SERVER_POOL_SIZE });
  const db = makeClient(new PrismaPg(pool));
  return {
    db,
    async record(fn) {
      const log: Statement[] = [];
      pool.recording = log;
      try {
        await fn();
      } finally {
        pool.recording = null;
      }
      return log;
    },
    async close() {
      await db.$disconnect();
      await pool.end();
    },
  };
}

/**
 * Groups statements into waves: a statement joins the current wave when it was sent before any
 * statement of that wave had answered (so it cannot have waited for one of them); otherwise it
 * starts the next wave.
 */
export function waves(statements: Statement[]): Statement[][] {
  const sorted = [...statements].sort((a, b) => a.start - b.start);
  const out: Statement[][] = [];
  let current: Statement[] = [];
  let firstEnd = Infinity;
  for (const s of sorted) {
    if (current.length && s.start >= firstEnd) {
      out.push(current);
      current = [];
      firstEnd = Infinity;
    }
    current.push(s);
    firstEnd = Math.min(firstEnd, s.end);
  }
  if (current.length) out.push(current);
  return out;
}

/** Replays recorded statements through plain pg connections, wave by wave. */
export class Replayer {
  private pool: pg.Pool;
  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: SERVER_POOL_SIZE });
  }
  async warm(): Promise<void> {
    // Open the connections first: the server's are open too.
    const clients = await Promise.all(Array.from({ length: SERVER_POOL_SIZE }, () => this.pool.connect()));
    for (const c of clients) c.release();
  }
  async replay(plan: Statement[][]): Promise<void> {
    for (const wave of plan) await Promise.all(wave.map((s) => this.pool.query({ text: s.text, values: s.values as unknown[] })));
  }
  close(): Promise<void> {
    return this.pool.end();
  }
}
