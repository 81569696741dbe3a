// The integration project's globalSetup: migrates ONE database of each kind per test run, so
// each test file starts from a copy instead of migrating its own (seconds each, ×2 kinds).
// - PGlite: migrated in memory, then its data dir is dumped to a tarball that every test's
//   in-memory PGlite loads (`loadDataDir`). A dump taken before migrating serves the tests of
//   migrate itself, which start from an empty database but need not run initdb each time.
// - PostgreSQL (when TEST_DATABASE_URL or DATABASE_URL is set): a database migrated once, then
//   closed to connections; every test database is `CREATE DATABASE … TEMPLATE` it.
// Both are new for each run, under a random name, and removed at teardown: nothing depends on
// what an earlier run left, and two runs at once against one server never share one. Test
// files get the names through vitest's provide/inject (tests/helpers/db.ts).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { TestProject } from "vitest/node";
import { openAdapter } from "@/lib/db/adapter";
import { migrate } from "@/lib/db/migrate";
import { databaseUrl, postgresAdminUrl, withAdmin } from "./db";

declare module "vitest" {
  interface ProvidedContext {
    /** Path of a tarball of a migrated PGlite data dir. */
    leadlagEmbeddedTemplate?: string;
    /** Path of a tarball of an empty PGlite data dir (initdb done, nothing migrated). */
    leadlagEmbeddedEmpty?: string;
    /** Name of a migrated PostgreSQL database to copy, on the TEST_DATABASE_URL server. */
    leadlagPostgresTemplate?: string;
  }
}

async function pgliteDumps(emptyFile: string, migratedFile: string): Promise<void> {
  const pglite = await PGlite.create();
  const dumpTo = async (file: string) => {
    // Flush to the data files, so loading the dump has no WAL to replay.
    await pglite.exec("CHECKPOINT");
    const dump = await pglite.dumpDataDir("none");
    writeFileSync(file, new Uint8Array(await dump.arrayBuffer()));
  };
  try {
    await dumpTo(emptyFile);
    await migrate(new PrismaPGlite(pglite));
    await dumpTo(migratedFile);
  } finally {
    await pglite.close();
  }
}

async function migratedPostgresTemplate(adminUrl: string, name: string, created: () => void): Promise<void> {
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  created();
  const opened = await openAdapter({ kind: "postgres", url: databaseUrl(adminUrl, name) });
  await migrate(opened.factory); // disposes every connection it opened
  await opened.close();
  // PostgreSQL copies a template only while nobody is connected to it: refuse new connections
  // and end any the migration left behind.
  await withAdmin(adminUrl, async (admin) => {
    await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);
  });
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "leadlag-template-"));
  const adminUrl = postgresAdminUrl();
  const pgName = adminUrl ? `leadlag_template_${randomBytes(6).toString("hex")}` : undefined;
  let pgCreated = false;

  const teardown = async () => {
    rmSync(dir, { recursive: true, force: true });
    if (adminUrl && pgCreated) await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${pgName}" WITH (FORCE)`));
  };

  try {
    const dumpFile = path.join(dir, "pgdata.tar");
    const emptyFile = path.join(dir, "empty.tar");
    // One after the other: two schema-engine sessions at once in one process fail
    // ("External error id#0").
    await pgliteDumps(emptyFile, dumpFile);
    if (adminUrl && pgName) await migratedPostgresTemplate(adminUrl, pgName, () => (pgCreated = true));
    project.provide("leadlagEmbeddedTemplate", dumpFile);
    project.provide("leadlagEmbeddedEmpty", emptyFile);
    if (pgName) project.provide("leadlagPostgresTemplate", pgName);
  } catch (e) {
    await teardown();
    // vitest goes on to say "No test files found": say first what really failed.
    throw new Error(`Could not migrate the integration tests' template databases: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  return teardown;
}
