// Migrations through Prisma's WebAssembly schema engine (lib/db/migrate.ts), on every database
// Leadlag runs on: embedded PGlite in memory and on disk, and — when TEST_DATABASE_URL is set —
// a real PostgreSQL server, in a fresh database created and dropped by this file.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAdapter, type OpenedAdapter } from "@/lib/db/adapter";
import { diffNextMigration, migrate, MIGRATION_LOCK_CONTENT } from "@/lib/db/migrate";
import { openEmptyEmbedded } from "../helpers/db";

const root = fileURLToPath(new URL("../..", import.meta.url));
const migrationsDir = path.join(root, "prisma/migrations");
const schemaPath = path.join(root, "prisma/schema.prisma");

/** The committed migrations, by directory name. */
const committed = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(path.join(migrationsDir, e.name, "migration.sql")))
  .map((e) => e.name)
  .sort();

/** A fresh, empty database; `reopen` closes and reopens it (a new process, as far as it can tell). */
type Fresh = {
  factory(): SqlMigrationAwareDriverAdapterFactory;
  reopen(): Promise<void>;
  destroy(): Promise<void>;
};

type Target = { name: string; fresh(): Promise<Fresh> };

const inMemory: Target = {
  name: "embedded",
  async fresh() {
    const opened = await openEmptyEmbedded(null);
    return { factory: () => opened.factory, reopen: async () => {}, destroy: () => opened.close() };
  },
};

const onDisk: Target = {
  name: "embedded on disk",
  async fresh() {
    const dir = mkdtempSync(path.join(os.tmpdir(), "leadlag-migrate-"));
    let opened: OpenedAdapter = await openEmptyEmbedded(dir);
    return {
      factory: () => opened.factory,
      async reopen() {
        await opened.close();
        opened = await openAdapter({ kind: "embedded", dataDir: dir });
      },
      async destroy() {
        await opened.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const adminUrl = process.env.TEST_DATABASE_URL?.trim();
const postgres: Target = {
  name: "postgres",
  async fresh() {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const database = `leadlag_test_migrate_${randomBytes(6).toString("hex")}`;
    await admin.query(`CREATE DATABASE "${database}"`);
    const url = new URL(adminUrl!);
    url.pathname = `/${database}`;
    const opened = await openAdapter({ kind: "postgres", url: url.toString() });
    return {
      factory: () => opened.factory,
      reopen: async () => {},
      async destroy() {
        await opened.close();
        await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await admin.end();
      },
    };
  },
};

const targets: Target[] = [inMemory, onDisk, ...(adminUrl ? [postgres] : [])];

/** Runs one query through a connection of its own, rows as objects. */
async function query(factory: SqlMigrationAwareDriverAdapterFactory, sql: string): Promise<Record<string, unknown>[]> {
  const conn = await factory.connect();
  try {
    const rs = await conn.queryRaw({ sql, args: [], argTypes: [] });
    return rs.rows.map((row) => Object.fromEntries(rs.columnNames.map((c, i) => [c, row[i]])));
  } finally {
    await conn.dispose();
  }
}

async function tables(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const rows = await query(
    factory,
    `SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`,
  );
  return rows.map((r) => String(r.name));
}

async function history(factory: SqlMigrationAwareDriverAdapterFactory) {
  return query(
    factory,
    `SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NULL AS current, applied_steps_count::int AS steps
       FROM _prisma_migrations ORDER BY migration_name`,
  );
}

it("has committed migrations to test", () => {
  expect(committed.length).toBeGreaterThan(0);
});

describe.each(targets.map((t) => [t.name, t] as const))("migrate on %s", (_name, target) => {
  let db: Fresh;
  let first: { applied: string[] };
  const announced: { name: string; position: number; total: number }[] = [];

  beforeAll(async () => {
    db = await target.fresh();
    first = await migrate(db.factory(), { migrationsDir, onApplying: (m) => announced.push(m) });
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("applies every committed migration to an empty database", async () => {
    expect(first.applied).toEqual(committed);
    const names = await tables(db.factory());
    for (const table of ["User", "Organization", "Membership", "Team", "LeadMeasure", "LeadEntry", "LagMeasure", "LagObservation", "AuditEvent"]) {
      expect(names).toContain(table);
    }
  });

  it("records one finished row per migration in _prisma_migrations, as prisma migrate deploy does", async () => {
    expect(await history(db.factory())).toEqual(
      committed.map((name) => ({ migration_name: name, finished: true, current: true, steps: 1 })),
    );
  });

  it("announces each migration as it starts, with its place among them all (start-up's progress lines)", () => {
    expect(announced).toEqual(committed.map((name, i) => ({ name, position: i + 1, total: committed.length })));
  });

  it("applies nothing the second time, and announces nothing", async () => {
    await db.reopen();
    const again: string[] = [];
    expect(await migrate(db.factory(), { migrationsDir, onApplying: (m) => again.push(m.name) })).toEqual({ applied: [] });
    expect(again).toEqual([]);
    expect(await history(db.factory())).toHaveLength(committed.length);
  });

  it("reports a failing migration instead of recording it as applied", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "leadlag-migrations-"));
    const other = await target.fresh();
    try {
      writeFileSync(path.join(dir, "migration_lock.toml"), MIGRATION_LOCK_CONTENT);
      const add = (name: string, sql: string) => {
        mkdirSync(path.join(dir, name));
        writeFileSync(path.join(dir, name, "migration.sql"), sql);
      };
      add("20000101000000_ok", `CREATE TABLE "Fine" ("id" INTEGER PRIMARY KEY);`);
      add("20000102000000_broken", `SELECT * FROM "NoSuchTable";`);

      await expect(migrate(other.factory(), { migrationsDir: dir })).rejects.toThrow(/NoSuchTable|20000102000000_broken/);
      expect(await history(other.factory())).toEqual([
        { migration_name: "20000101000000_ok", finished: true, current: true, steps: 1 },
        { migration_name: "20000102000000_broken", finished: false, current: true, steps: 0 },
      ]);
      // Like `prisma migrate deploy`: nothing more is applied until the failure is resolved.
      await expect(migrate(other.factory(), { migrationsDir: dir })).rejects.toThrow(/failed/i);
    } finally {
      await other.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("diffNextMigration", () => {
  it("reports prisma/schema.prisma in sync with the committed migrations", async () => {
    expect(await diffNextMigration({ schemaPath, migrationsDir })).toBe("");
  });

  it("returns the SQL that creates everything when there are no migrations yet", async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), "leadlag-migrations-"));
    try {
      const sql = await diffNextMigration({ schemaPath, migrationsDir: empty });
      expect(sql).toContain(`CREATE TABLE "LeadEntry"`);
      expect(sql).toContain(`CONSTRAINT "LeadEntry_pkey" PRIMARY KEY ("organizationId","id")`);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
