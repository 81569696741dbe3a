// Databases for integration tests: every file gets fresh ones, migrated from the committed
// migrations, and drops them at the end. Always embedded PGlite (in memory); also a real
// PostgreSQL server when TEST_DATABASE_URL (or DATABASE_URL) names one — CI sets it.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openAdapter, type DbTarget } from "@/lib/db/adapter";
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

export type TestDb = { kind: TestDbKind; db: Db; url?: string; close(): Promise<void> };

/** A new, migrated, empty database of the given kind. */
export async function createTestDb(kind: TestDbKind): Promise<TestDb> {
  let target: DbTarget;
  let drop = async () => {};
  let url: string | undefined;
  if (kind === "postgres") {
    const adminUrl = postgresAdminUrl();
    if (!adminUrl) throw new Error("Set TEST_DATABASE_URL to test against PostgreSQL.");
    const name = `leadlag_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    target = { kind: "postgres", url };
    drop = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  } else {
    target = { kind: "embedded", dataDir: null };
  }
  const opened = await openAdapter(target);
  await migrate(opened.factory);
  const db = makeClient(opened.factory);
  return {
    kind,
    db,
    url,
    async close() {
      await db.$disconnect();
      await opened.close();
      await drop();
    },
  };
}
