// What one piece of work may take of the database: connections at once, and time per statement.
// The web server's pool is small on purpose (LEADLAG_DB_POOL_MAX) and every statement of a web
// request is cancelled after LEADLAG_STATEMENT_TIMEOUT_MS; these helpers are how code asks for
// its share explicitly instead of grabbing the pool.

/**
 * Connections one request may hold at once for queries it runs side by side. A `Promise.all`
 * of n Prisma queries takes n connections of the pool at the same moment; ten users doing that
 * with three queries each exhaust a pool of ten and the rest time out. Two keeps most of the
 * gain of running in parallel.
 */
export const CONNECTION_BUDGET = 2;

/**
 * Requests the server should answer at once so that none waits for a connection: the pool
 * shared out at the budget each (LEADLAG_MAX_CONCURRENT_REQUESTS overrides it).
 */
export function requestsWithinPool(poolMax: number, budget = CONNECTION_BUDGET): number {
  return Math.max(1, Math.floor(poolMax / budget));
}

type Task = () => Promise<unknown>;
type Results<T extends readonly Task[]> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

/**
 * Runs the tasks (each starts one query, or a few in sequence) with at most `budget` of them
 * in flight, and resolves with their results in order, like `Promise.all`. The first failure
 * rejects; tasks not started yet are then not started.
 *
 *   const [rows, totals, series] = await withConnectionBudget([
 *     () => teamRows(db, ctx), () => orgTotals(db, ctx), () => weeklySeries(db, ctx),
 *   ]);
 */
export async function withConnectionBudget<const T extends readonly Task[]>(tasks: T, budget = CONNECTION_BUDGET): Promise<Results<T>> {
  const results: unknown[] = new Array(tasks.length);
  let next = 0;
  let failed = false;
  async function worker(): Promise<void> {
    while (!failed && next < tasks.length) {
      const i = next++;
      try {
        results[i] = await tasks[i]!();
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  }
  const workers = Array.from({ length: Math.max(1, Math.min(budget, tasks.length)) }, worker);
  await Promise.all(workers);
  return results as Results<T>;
}

/** The part of a Prisma transaction client this needs (any transaction of ours has it). */
type RawExecutor = { $executeRawUnsafe(query: string): Promise<number> };

/**
 * Lets the statements of the current transaction run for up to `ms` (0 = no limit) instead of
 * the pool's statement timeout: for long jobs (imports of a whole year, report exports) that
 * are meant to take a while. `SET LOCAL` ends with the transaction, so the connection goes
 * back to the pool with the usual limit. Call it first in the transaction.
 */
export async function allowLongStatements(tx: RawExecutor, ms: number): Promise<void> {
  // SET takes no bind parameters; a whole number is safe to write into the statement.
  const value = Math.max(0, Math.trunc(ms));
  await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = ${value}`);
}
