// Databases for integration tests: every file gets fresh ones, migrated from the committed
// migrations, and drops them at the end. Always embedded PGlite (in memory); also a real
// PostgreSQL server when TEST_DATABASE_URL (or DATABASE_URL) names one — CI sets it.
// Under vitest they start as copies of the run's templates, migrated once by the globalSetup
// (tests/helpers/templateDbs.ts): CREATE DATABASE … TEMPLATE on PostgreSQL, a data-dir dump on
// PGlite. Elsewhere (the benchmarks) there is no template and each database is migrated here.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { openAdapter, type DbTarget, type OpenedAdapter } from "@/lib/db/adapter";
import { makeClient, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";

export type TestDbKind = "embedded" | "postgres";

export function postgresAdminUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL?.trim() || process.env.DATABASE_URL?.trim() || undefined;
}

/** The databases this run tests against, for `describe.each`. */
export function testDbKinds(): TestDbKind[] {
  return postgresAdminUrl() ? ["embedded", "postgres"] : ["embedded"];
}

/** The URL of database `name` on the server of `adminUrl`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs `fn` on a short-lived connection to the server's admin database. */
export async function withAdmin<T>(adminUrl: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** What the globalSetup provided; nothing outside vitest. */
async function provided(): Promise<{ embedded?: string; embeddedEmpty?: string; postgres?: string }> {
  if (!process.env.VITEST) return {};
  const { inject } = await import("vitest");
  return {
    embedded: inject("leadlagEmbeddedTemplate"),
    embeddedEmpty: inject("leadlagEmbeddedEmpty"),
    postgres: inject("leadlagPostgresTemplate"),
  };
}

const dumps = new Map<string, Blob>();
/** One of the run's PGlite data-dir tarballs, read once per test file. */
async function embeddedDump(which: "embedded" | "embeddedEmpty"): Promise<Blob | undefined> {
  const file = (await provided())[which];
  if (!file) return undefined;
  if (!dumps.has(file)) dumps.set(file, new Blob([readFileSync(file)]));
  return dumps.get(file);
}

/**
 * An embedded PGlite holding the migrated, empty schema: in memory (`dataDir: null`) or in a
 * data directory that holds no database yet.
 */
export async function openMigratedEmbedded(dataDir: string | null): Promise<OpenedAdapter> {
  const template = await embeddedDump("embedded");
  const opened = await openAdapter({ kind: "embedded", dataDir, loadDataDir: template });
  if (!template) await migrate(opened.factory);
  return opened;
}

/**
 * An embedded PGlite with nothing migrated yet, for the tests of migrate itself: in memory or in
 * a data directory that holds no database yet. A copy of the run's empty one, when there is one,
 * so it skips initdb.
 */
export async function openEmptyEmbedded(dataDir: string | null): Promise<OpenedAdapter> {
  return openAdapter({ kind: "embedded", dataDir, loadDataDir: await embeddedDump("embeddedEmpty") });
}

export type TestDb = {
  kind: TestDbKind;
  db: Db;
  url?: string;
  /** The embedded database's instance, for a job queue on it (tests/helpers/jobs.ts). */
  pglite?: PGlite;
  close(): Promise<void>;
};

/** A new, migrated, empty database of the given kind. */
export async function createTestDb(kind: TestDbKind): Promise<TestDb> {
  let opened: OpenedAdapter;
  let drop = async () => {};
  let url: string | undefined;
  if (kind === "postgres") {
    const adminUrl = postgresAdminUrl();
    if (!adminUrl) throw new Error("Set TEST_DATABASE_URL to test against PostgreSQL.");
    const template = (await provided()).postgres;
    const name = `leadlag_test_${randomBytes(6).toString("hex")}`;
    await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`));
    url = databaseUrl(adminUrl, name);
    const target: DbTarget = { kind: "postgres", url };
    opened = await openAdapter(target);
    if (!template) await migrate(opened.factory);
    drop = () => withAdmin(adminUrl, async (admin) => void (await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));
  } else {
    opened = await openMigratedEmbedded(null);
  }
  const db = makeClient(opened.factory);
  return {
    kind,
    db,
    url,
    pglite: opened.pglite,
    async close() {
      await db.$disconnect();
      await opened.close();
      await drop();
    },
  };
}
