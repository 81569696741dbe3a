import "server-only";
// The server's database client: one per process, cached on globalThis so development reloads
// reuse it instead of opening PGlite (which allows a single owner) again.
import { env, type Env } from "@/lib/env";
import type { PoolSettings } from "./adapter";
import { openDb, type OpenedDb } from "./client";
import { dbTarget } from "./target";

/** The web server's pool: sized and timed by the environment (README, "Under load"). */
export function poolSettings(e: Env = env()): PoolSettings {
  return {
    max: e.LEADLAG_DB_POOL_MAX,
    connectionTimeoutMs: e.LEADLAG_DB_POOL_TIMEOUT_MS,
    statementTimeoutMs: e.LEADLAG_STATEMENT_TIMEOUT_MS,
  };
}

const globalForDb = globalThis as unknown as { leadlagDb?: Promise<OpenedDb> };

function opened(): Promise<OpenedDb> {
  globalForDb.leadlagDb ??= openDb(dbTarget(), poolSettings()).catch((err) => {
    globalForDb.leadlagDb = undefined;
    throw err;
  });
  return globalForDb.leadlagDb;
}

/** The process's database with what opened it (the job queue needs the PGlite instance itself). */
export function getOpenedDb(): Promise<OpenedDb> {
  return opened();
}

export async function getDb() {
  return (await opened()).db;
}

export async function getDbKind(): Promise<"postgres" | "embedded"> {
  return dbTarget().kind;
}
