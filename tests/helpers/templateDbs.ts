// The integration project's globalSetup: migrates ONE database of each kind per test run, so
// each test file starts from a copy instead of migrating its own (seconds each, ×2 kinds).
// - PGlite: migrated in memory, then its data dir is dumped to a tarball that every test's
//   in-memory PGlite loads (`loadDataDir`). A dump taken before migrating serves the tests of
//   migrate itself, which start from an empty database but need not run initdb each time.
// - PostgreSQL (when TEST_DATABASE_URL or DATABASE_URL is set): a database migrated once, then
//   closed to connections; every test database is `CREATE DATABASE … TEMPLATE` it.
// Both are new for each run, under a random name, and removed at teardown: nothing depends on
// what an earlier run left, and two runs at once against one server never share one. A run
// killed before its teardown (SIGTERM, SIGKILL) leaves them behind; the next run removes them.
// Test files get the names through vitest's provide/inject (tests/helpers/db.ts).
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
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

const DUMP_DIR = /^leadlag-template-(\d+)-/;
const TEMPLATE_DB = /^leadlag_tpl_[0-9a-f]{12}$/;
/** Advisory locks `(TEMPLATE_LOCK, hashtext(name))` mark the templates whose run is still going. */
const TEMPLATE_LOCK = 0x4c4c54;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes the dump folders (named after their run's pid) of runs on this machine that are gone. */
function removeLeftoverDumps() {
  for (const entry of readdirSync(os.tmpdir())) {
    const run = DUMP_DIR.exec(entry);
    if (run && !processAlive(Number(run[1]))) rmSync(path.join(os.tmpdir(), entry), { recursive: true, force: true });
  }
}

/**
 * A new template name, claimed by an advisory lock on a connection held until teardown. A run
 * that dies without its teardown loses the lock with its connection: later runs can tell its
 * template is left over, whichever machine they run on.
 */
async function claimTemplateName(adminUrl: string): Promise<{ name: string; release(): Promise<void> }> {
  const owner = new pg.Client({ connectionString: adminUrl });
  // Losing this idle connection (a server restart) only ends the claim; the tests report the rest.
  owner.on("error", () => {});
  await owner.connect();
  for (;;) {
    const name = `leadlag_tpl_${randomBytes(6).toString("hex")}`;
    const { rows } = await owner.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1::int, hashtext($2)) AS ok", [TEMPLATE_LOCK, name]);
    if (rows[0]!.ok) return { name, release: () => owner.end() };
  }
}

/** Drops the templates whose run ended without its teardown (nobody holds their lock). */
async function dropLeftoverTemplates(admin: pg.Client) {
  const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, 'leadlag_tpl_')");
  for (const { datname } of rows) {
    if (!TEMPLATE_DB.test(datname)) continue;
    const lock = [TEMPLATE_LOCK, datname];
    const { rows: free } = await admin.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1::int, hashtext($2)) AS ok", lock);
    if (!free[0]!.ok) continue; // its run is still going
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } finally {
      await admin.query("SELECT pg_advisory_unlock($1::int, hashtext($2))", lock);
    }
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
  removeLeftoverDumps();
  const dir = mkdtempSync(path.join(os.tmpdir(), `leadlag-template-${process.pid}-`));
  const adminUrl = postgresAdminUrl();
  let claim: { name: string; release(): Promise<void> } | undefined;
  let pgCreated = false;

  const teardown = async () => {
    rmSync(dir, { recursive: true, force: true });
    if (adminUrl && claim) {
      const { name } = claim;
      if (pgCreated) await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      await claim.release();
    }
  };

  try {
    if (adminUrl) {
      claim = await claimTemplateName(adminUrl);
      await withAdmin(adminUrl, dropLeftoverTemplates);
    }
    const dumpFile = path.join(dir, "pgdata.tar");
    const emptyFile = path.join(dir, "empty.tar");
    // One after the other: two schema-engine sessions at once in one process fail
    // ("External error id#0").
    await pgliteDumps(emptyFile, dumpFile);
    if (adminUrl && claim) await migratedPostgresTemplate(adminUrl, claim.name, () => (pgCreated = true));
    project.provide("leadlagEmbeddedTemplate", dumpFile);
    project.provide("leadlagEmbeddedEmpty", emptyFile);
    if (claim) project.provide("leadlagPostgresTemplate", claim.name);
  } catch (e) {
    await teardown();
    // vitest goes on to say "No test files found": say first what really failed.
    throw new Error(`Could not migrate the integration tests' template databases: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  return teardown;
}
