// npm run db:migrate
//
// Applies the committed migrations in prisma/migrations to the app's database: PostgreSQL when
// DATABASE_URL is set, otherwise the embedded PGlite database under LEADLAG_DATA_DIR (stop the
// server first: PGlite is single-process). Same history table as `prisma migrate deploy`.
import path from "node:path";
import { openAdapter, type DbTarget } from "@/lib/db/adapter";
import { migrate } from "@/lib/db/migrate";
import { dbTarget } from "@/lib/db/target";
import { EnvError, env } from "@/lib/env";

/** Where the migrations go, without the password. */
function describe(target: DbTarget): string {
  if (target.kind === "embedded") {
    return `embedded PGlite at ${target.dataDir ? path.relative(process.cwd(), target.dataDir) || "." : "(in memory)"}`;
  }
  try {
    const u = new URL(target.url);
    const user = u.username ? `${decodeURIComponent(u.username)}@` : "";
    const db = decodeURIComponent(u.pathname.replace(/^\//, "")) || "(default database)";
    return `PostgreSQL ${user}${u.host}/${db}`;
  } catch {
    return "PostgreSQL";
  }
}

async function main(): Promise<number> {
  let target: DbTarget;
  try {
    target = dbTarget(env());
  } catch (e) {
    if (e instanceof EnvError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }

  console.log(`Migrating ${describe(target)}`);
  const started = performance.now();
  const opened = await openAdapter(target);
  try {
    const { applied } = await migrate(opened.factory);
    const ms = Math.round(performance.now() - started);
    if (applied.length === 0) console.log(`Database is up to date (${ms} ms).`);
    else {
      console.log(`Applied ${applied.length} migration${applied.length === 1 ? "" : "s"} (${ms} ms):`);
      for (const name of applied) console.log(`  ${name}`);
    }
    return 0;
  } catch (e) {
    console.error(`Migration failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    await opened.close();
  }
}

// Exit explicitly. lib/db/migrate.ts unrefs the schema engine's leftover 10 s timer and disposes
// the connections it opened, so the process would end on its own; a CLI must not hang on
// anything else left behind either.
main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
