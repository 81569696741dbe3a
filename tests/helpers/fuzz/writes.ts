// "Nothing was written": every table of the database gets a statement-level trigger that logs
// the table and operation of any INSERT, UPDATE or DELETE into fuzz_writes. A write that rolls
// back leaves no log row (the log is written in the same transaction), so the count of log rows
// before and after a request says exactly whether the request changed the database — in any
// organization, any table. Cheaper than hashing the tables after each of thousands of requests.
import type { Db } from "@/lib/db/client";

/**
 * Bookkeeping a refused request may write, by design: a session's last-seen time (the tests'
 * session mock also starts one per call, tests/helpers/sessionMock.ts), an API token's
 * last-used time, and the counters of failed attempts that rate limits keep. None is data a
 * payload can change.
 */
export const BOOKKEEPING_TABLES = ["UserSession", "ApiToken", "RateLimit"];

/** Installs the triggers on every table of the public schema except the bookkeeping ones. */
export async function recordWrites(db: Db, except: readonly string[] = BOOKKEEPING_TABLES): Promise<void> {
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS fuzz_writes (id serial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL)`);
  await db.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION fuzz_log_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO fuzz_writes (tbl, op) VALUES (TG_TABLE_NAME, TG_OP);
      RETURN NULL;
    END $$`);
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'fuzz_writes' AND tablename NOT LIKE '\\_prisma%'`,
  );
  for (const { name } of tables) {
    if (except.includes(name)) continue;
    await db.$executeRawUnsafe(
      `CREATE OR REPLACE TRIGGER fuzz_log_write AFTER INSERT OR UPDATE OR DELETE ON "${name}" FOR EACH STATEMENT EXECUTE FUNCTION fuzz_log_write()`,
    );
  }
}

/** How many writing statements have committed so far. */
export async function writeCount(db: Db): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM fuzz_writes`);
  return row!.n;
}

/** The tables and operations of the writes committed after `since` (for a failure message). */
export async function writesSince(db: Db, since: number): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ tbl: string; op: string }[]>(
    `SELECT tbl, op FROM fuzz_writes ORDER BY id OFFSET ${Math.trunc(since)}`,
  );
  return rows.map((r) => `${r.op} ${r.tbl}`);
}
