import "server-only";
// Opens the database behind Prisma: the real PostgreSQL server when a URL is given, otherwise
// embedded PGlite (the Postgres engine compiled to WebAssembly) in a data directory or in memory.
// One code path: both return a migration-aware Prisma driver adapter factory.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

export type DbTarget =
  | { kind: "postgres"; url: string }
  /**
   * `dataDir: null` keeps the database in memory (tests). `loadDataDir` starts a new database
   * from a tarball of another's data dir (PGlite's `dumpDataDir()`): tests copy a migrated one.
   */
  | { kind: "embedded"; dataDir: string | null; loadDataDir?: Blob };

export type OpenedAdapter = {
  target: DbTarget;
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Releases the PGlite instance (no-op for Postgres, whose pool Prisma owns). */
  close(): Promise<void>;
};

export async function openAdapter(target: DbTarget): Promise<OpenedAdapter> {
  if (target.kind === "postgres") {
    return {
      target,
      // A connect timeout, so an unreachable server fails a request (and /api/health) quickly.
      factory: new PrismaPg({ connectionString: target.url, max: 10, connectionTimeoutMillis: 5_000 }),
      close: async () => {},
    };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const pglite = await PGlite.create(target.dataDir ?? undefined, { loadDataDir: target.loadDataDir });
  return {
    target,
    factory: new PrismaPGlite(pglite),
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}
