// The server the Playwright suite runs against: a production build on the embedded database in
// a fresh data directory, so runs never share state. Its clock is fixed (LEADLAG_CLOCK =
// E2E_CLOCK), and before it serves, the database holds the demo organization plus one copy of
// the demo per spec (e2e/orgs.ts), all seeded at that instant. PGlite has one owner per data
// directory, so the seeding runs here, before `next start` opens it (and while a stale build
// is redone). The app really sends its mail: to a real SMTP server this process runs, which
// writes each message into `<data dir>/mail/` for the specs to read (e2e/mailbox.ts).
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DbTarget } from "@/lib/db/adapter";
import type { DbClient } from "@/lib/seed/factories";
import { localDay, toUtcDate, weekStart } from "@/lib/domain/calendar/weeks";
import { DEMO_ORG_SETTINGS } from "@/lib/seed/demo/catalogue";
import type { Progress } from "./progress";
import { e2eDataDir, mailDir } from "../e2e/mailbox";
import { E2E_CLOCK, SPEC_ORGS, specOrg, type SpecOrgName } from "../e2e/orgs";
import { startSmtpServer } from "../tests/helpers/smtpServer";

// E2E_NAME gives a run its own data dir and build folder, so runs can go side by side.
const dir = e2eDataDir();
if (process.env.E2E_NAME) process.env.LEADLAG_DIST_DIR = `.next-${path.basename(dir)}`;
rmSync(dir, { recursive: true, force: true });
process.env.LEADLAG_DATA_DIR = dir;

// Each message as <time received>-<sequence>.json, written whole (then renamed) so a spec polling
// the folder never reads half a file.
const mail = mailDir(dir);
mkdirSync(mail, { recursive: true });
let received = 0;
const smtp = await startSmtpServer({
  onMessage(message) {
    const file = path.join(mail, `${message.receivedAt.replace(/[:.]/g, "-")}-${String(++received).padStart(5, "0")}.json`);
    writeFileSync(`${file}.tmp`, JSON.stringify(message, null, 2));
    renameSync(`${file}.tmp`, file);
  },
});
process.env.SMTP_URL = smtp.url;
console.log(`▸ Test SMTP server on ${smtp.url}: received mail goes to ${path.relative(process.cwd(), mail)}`);
process.env.LEADLAG_CLOCK = E2E_CLOCK;
// No reminders or digests on a timer: at the fixed clock every tick would mail every spec's
// organization its digests. A spec that wants one saves a schedule (which ticks its organization).
process.env.LEADLAG_NOTIFICATION_TICK_CRON = "off";
process.env.LEADLAG_SEED_DEMO = "true";
process.env.PORT = process.env.E2E_PORT ?? "3210";
process.env.HOST = "127.0.0.1"; // loopback only: the suite is its one client
process.env.NEXTAUTH_URL = `http://127.0.0.1:${process.env.PORT}`;
delete process.env.DATABASE_URL;
process.env.NEXT_TELEMETRY_DISABLED = "1";

// Imported after the environment is set: lib/env reads it once.
const { openDb } = await import("@/lib/db/client");
const { seedDemoOrganization } = await import("@/lib/seed/demo/seedDemo");
const clock = await import("@/lib/clock");
const { serve } = await import("./serve");

/** What a spec needs beyond its copy of the demo (one transaction with the copy). */
const SPEC_SETUP: Partial<Record<SpecOrgName, (tx: DbClient, organizationId: string) => Promise<void>>> = {
  // The demo's member has logged nothing yet this week: "log your numbers" is for them.
  "reminder-email": async (tx, organizationId) => {
    const member = await tx.user.findUniqueOrThrow({ where: { email: specOrg("reminder-email").users.member.email } });
    const thisWeek = weekStart(localDay(clock.now(), DEMO_ORG_SETTINGS.timeZone), DEMO_ORG_SETTINGS.weekStartsOn);
    await tx.leadEntry.deleteMany({ where: { organizationId, userId: member.id, entryDate: { gte: toUtcDate(thisWeek) } } });
  },
};

/** One copy of the demo per spec, at the fixed clock, after the demo itself (serve() seeds it). */
async function seedSpecOrganizations(target: DbTarget, progress: Progress): Promise<void> {
  const started = performance.now();
  const { db, close } = await openDb(target);
  progress.step(`Seeding ${SPEC_ORGS.length} spec organizations…`);
  try {
    for (const [i, spec] of SPEC_ORGS.entries()) {
      progress.update(`seeding spec organizations: ${i + 1}/${SPEC_ORGS.length}`);
      const { slug, name: orgName, email } = specOrg(spec);
      await db.$transaction(
        async (tx) => {
          const { organizationId } = await seedDemoOrganization(tx, { slug, name: orgName, email }, { today: clock.now() });
          await SPEC_SETUP[spec]?.(tx, organizationId);
        },
        { timeout: 120_000, maxWait: 20_000 },
      );
    }
    // Planner statistics for the rows just added (PGlite runs no autovacuum).
    await db.$executeRawUnsafe("ANALYZE");
  } finally {
    await close();
  }
  console.log(`▸ Seeded ${SPEC_ORGS.length} spec organizations at ${E2E_CLOCK} in ${Math.round(performance.now() - started)} ms`);
}

await serve("start", { afterPrepare: seedSpecOrganizations });
