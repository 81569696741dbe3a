// npm run db:migration -- <name>
//
// Writes the next migration, prisma/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql: the SQL
// that takes a database from the committed migrations to prisma/schema.prisma (what
// `prisma migrate dev --create-only` would write; computed with Prisma's WebAssembly schema
// engine against a throw-away in-memory PGlite, so no database or native engine is needed).
// Review the SQL, then apply it with `npm run db:migrate`.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  DEFAULT_MIGRATIONS_DIR,
  DEFAULT_SCHEMA_PATH,
  MIGRATION_LOCK_CONTENT,
  MIGRATION_LOCK_FILE,
  diffNextMigration,
  loadMigrations,
} from "@/lib/db/migrate";

/** "Add lead notes!" → "add_lead_notes" */
function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

/** UTC, like Prisma: 20250131235959 */
function timestamp(d = new Date()): string {
  return d.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

async function main(): Promise<number> {
  const raw = process.argv.slice(2).join(" ");
  const name = slugify(raw);
  if (!name) {
    console.error("Usage: npm run db:migration -- <name>   (e.g. npm run db:migration -- add_lead_notes)");
    return 1;
  }

  const sql = await diffNextMigration({ schemaPath: DEFAULT_SCHEMA_PATH, migrationsDir: DEFAULT_MIGRATIONS_DIR });
  if (sql === "") {
    console.log(`${DEFAULT_SCHEMA_PATH} is in sync with the migrations in ${DEFAULT_MIGRATIONS_DIR}: no migration written.`);
    return 0;
  }

  const baseDir = path.resolve(DEFAULT_MIGRATIONS_DIR);
  const dirName = `${timestamp()}_${name}`;
  const last = loadMigrations(baseDir).migrationDirectories.at(-1)?.path;
  if (last && last.localeCompare(dirName) >= 0) {
    console.error(`${dirName} would sort before the latest migration ${last}: check the system clock.`);
    return 1;
  }
  const dir = path.join(baseDir, dirName);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql, "utf8");

  const lockPath = path.join(baseDir, MIGRATION_LOCK_FILE);
  if (!existsSync(lockPath)) writeFileSync(lockPath, MIGRATION_LOCK_CONTENT, "utf8");

  console.log(`Wrote ${path.relative(process.cwd(), path.join(dir, "migration.sql"))}`);
  console.log("Review it, then apply it with: npm run db:migrate");
  return 0;
}

// Exit explicitly: nothing should be left running, but a CLI must not hang if something is.
main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
