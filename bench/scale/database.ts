// The benchmark's databases: one PostgreSQL database per scale (leadlag_bench_<scale>) on the
// server of DATABASE_URL, and an embedded PGlite data directory for the `medium` check. Both are
// reached through a minimal SQL interface, so the generator's statements run unchanged on either.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { loadMigrations, migrate } from "@/lib/db/migrate";

/** Statements with $1… parameters; both drivers take the same SQL. */
export interface Sql {
  readonly kind: "postgres" | "embedded";
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export function adminUrl(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_ADMIN_URL;
}

/** The URL of database `name` on the server of `admin`. */
export function databaseUrl(admin: string, name: string): string {
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The committed migrations, by name, in the order they apply. */
export function migrationNames(): string[] {
  return loadMigrations().migrationDirectories.map((d) => d.path);
}

async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function databaseExists(admin: string, name: string): Promise<boolean> {
  return withAdmin(admin, async (c) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1);
}

export async function recreateDatabase(admin: string, name: string): Promise<void> {
  await withAdmin(admin, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });
}

export async function postgresVersion(admin: string): Promise<string> {
  return withAdmin(admin, async (c) => String((await c.query("SHOW server_version")).rows[0].server_version));
}

/** One connection to a PostgreSQL database. */
export async function openPostgres(url: string): Promise<Sql & { client: pg.Client }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    kind: "postgres",
    client,
    async query<T>(text: string, params?: unknown[]) {
      return (await client.query(text, params)).rows as T[];
    },
    close: () => client.end(),
  };
}

/** Applies the committed migrations not yet applied; returns their names. */
export async function migratePostgres(url: string): Promise<string[]> {
  const factory = new PrismaPg({ connectionString: url, max: 2 });
  return (await migrate(factory)).applied;
}

/** An embedded PGlite in `dir` (the server's `<LEADLAG_DATA_DIR>/pglite`), migrated. */
export async function openEmbedded(dir: string): Promise<{ sql: Sql; applied: string[] }> {
  mkdirSync(path.dirname(dir), { recursive: true });
  const pglite = await PGlite.create(dir);
  const { applied } = await migrate(new PrismaPGlite(pglite));
  const sql: Sql = {
    kind: "embedded",
    async query<T>(text: string, params?: unknown[]) {
      return (await pglite.query(text, params)).rows as T[];
    },
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
  return { sql, applied };
}
