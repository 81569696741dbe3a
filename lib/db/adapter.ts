import "server-only";
// Opens the database behind Prisma: the real PostgreSQL server when a URL is given, otherwise
// embedded PGlite (the Postgres engine compiled to WebAssembly) in a data directory or in memory.
// One code path: both return a migration-aware Prisma driver adapter factory.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { watchForOverload } from "./overloadSignal";

export type DbTarget =
  | { kind: "postgres"; url: string }
  /**
   * `dataDir: null` keeps the database in memory (tests). `loadDataDir` starts a new database
   * from a tarball of another's data dir (PGlite's `dumpDataDir()`): tests copy a migrated one.
   */
  | { kind: "embedded"; dataDir: string | null; loadDataDir?: Blob };

/**
 * How the PostgreSQL pool is sized and how long it lets anything take. The web server uses the
 * environment's (`poolSettings()` in lib/db/index.ts); scripts, migrations and tests the defaults,
 * with no statement timeout. PGlite has one connection and ignores all of it.
 */
export type PoolSettings = {
  /** Connections opened at most. */
  max: number;
  /** How long a query waits for a free connection (or a new one to open) before it fails. */
  connectionTimeoutMs: number;
  /** PostgreSQL cancels a statement after this long (SQLSTATE 57014); 0 = never. */
  statementTimeoutMs: number;
};

export const DEFAULT_POOL: PoolSettings = { max: 10, connectionTimeoutMs: 5_000, statementTimeoutMs: 0 };

export type OpenedAdapter = {
  target: DbTarget;
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** The embedded database itself, for the job queue to run on the same instance (lib/jobs/queue.ts). */
  pglite?: PGlite;
  /** Releases the PGlite instance (no-op for Postgres, whose pool Prisma owns). */
  close(): Promise<void>;
};

export async function openAdapter(target: DbTarget, pool: Partial<PoolSettings> = {}): Promise<OpenedAdapter> {
  if (target.kind === "postgres") {
    const { max, connectionTimeoutMs, statementTimeoutMs } = { ...DEFAULT_POOL, ...pool };
    return {
      target,
      // Watched so a page that fails for want of a connection answers 503 (overloadSignal.ts).
      factory: watchForOverload(
        new PrismaPg({
          connectionString: target.url,
          max,
          // Bounds both opening a connection and waiting for a free one, so an unreachable or
          // saturated server fails a request (and /api/health) quickly instead of hanging it.
          connectionTimeoutMillis: connectionTimeoutMs,
          // Sent as a startup parameter: every connection of the pool has it, and a transaction
          // may raise it for itself with SET LOCAL (allowLongStatements in lib/db/budget.ts).
          ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
        }),
      ),
      close: async () => {},
    };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const pglite = await PGlite.create(target.dataDir ?? undefined, { loadDataDir: target.loadDataDir });
  return {
    target,
    factory: new PrismaPGlite(pglite),
    pglite,
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}
