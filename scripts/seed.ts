// `npm run db:seed`: migrates the database, then replaces the demo organization "Northwind
// Support" (and the demo users) with a fresh copy. Other organizations are left untouched.
// PGlite allows one owner of a data directory, so one adapter serves both the migration and the
// Prisma client. Stop the server first when it uses the embedded database.
import { openAdapter } from "@/lib/db/adapter";
import { migrate } from "@/lib/db/migrate";
import { dbTarget } from "@/lib/db/target";
import { makeClient } from "@/lib/db/client";
import { DEMO_USERS } from "@/lib/seed/demo/catalogue";
import { resetDemo } from "@/lib/seed/demo/seedDemo";

async function main() {
  const target = dbTarget();
  const opened = await openAdapter(target);
  // Built as lib/db/client.ts builds it (password hashes omitted by default), on the same adapter.
  const db = makeClient(opened.factory);
  try {
    const { applied } = await migrate(opened.factory);
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);

    const started = performance.now();
    const summary = await resetDemo(db);
    const ms = Math.round(performance.now() - started);

    const where = target.kind === "postgres" ? "PostgreSQL" : `embedded database in ${target.dataDir}`;
    console.log(`Seeded the demo organization "${summary.slug}" (${summary.organizationId}) in ${where} in ${ms} ms:`);
    for (const [k, v] of Object.entries(summary.counts)) console.log(`  ${k.padEnd(18)} ${v}`);
    console.log(`  lead entries from ${summary.from} to ${summary.to} (${summary.weeks} weeks)`);
    console.log("\nDemo sign-ins (password for all: " + DEMO_USERS.owner.password + "):");
    for (const u of Object.values(DEMO_USERS)) {
      console.log(`  ${u.role.padEnd(8)} ${u.email}${u.team ? `  (${u.team})` : ""}`);
    }
  } finally {
    await db.$disconnect();
    await opened.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error("Seeding failed:", err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
