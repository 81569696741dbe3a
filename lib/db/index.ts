import "server-only";
// The server's database client: one per process, cached on globalThis so development reloads
// reuse it instead of opening PGlite (which allows a single owner) again.
import { openDb, type OpenedDb } from "./client";
import { dbTarget } from "./target";

const globalForDb = globalThis as unknown as { leadlagDb?: Promise<OpenedDb> };

function opened(): Promise<OpenedDb> {
  globalForDb.leadlagDb ??= openDb(dbTarget()).catch((err) => {
    globalForDb.leadlagDb = undefined;
    throw err;
  });
  return globalForDb.leadlagDb;
}

export async function getDb() {
  return (await opened()).db;
}

export async function getDbKind(): Promise<"postgres" | "embedded"> {
  return dbTarget().kind;
}
