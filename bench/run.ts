// npm run bench:parts: server-side timings of the foundation's hot paths on both databases —
// embedded PGlite (in memory) and PostgreSQL when TEST_DATABASE_URL (or DATABASE_URL) is set —
// for the demo organization and for a generated one fifty times its size.
// Prints a table and writes bench/out/results.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { loadTenantContext } from "@/lib/auth/loadContext";
import type { Db } from "@/lib/db/client";
import { lastWeekStarts, localDay, weekStart } from "@/lib/domain/calendar/weeks";
import { formatNumber } from "@/lib/domain/format";
import { leadTotalsByTeamWeek } from "@/lib/queries/leadTotalsByTeamWeek";
import { teamWeekScoreboard } from "@/lib/queries/teamWeekScoreboard";
import { seedDemo } from "@/lib/seed/demo/seedDemo";
import { seedLargeOrg } from "@/lib/seed/large";
import { createLeadEntry } from "@/lib/services/leadEntries";
import { createTestDb, testDbKinds } from "../tests/helpers/db";
import { timeP50P95 } from "./timing";

type Row = { database: string; case: string; metric: string; value: number; unit: string };
const results: Row[] = [];
const record = (database: string, c: string, metric: string, value: number, unit: string) => {
  results.push({ database, case: c, metric, value: Math.round(value * 10) / 10, unit });
};

async function benchOrg(db: Db, database: string, label: string, org: { organizationId: string; userId: string; teamId: string; leadMeasureId: string }) {
  const today = localDay(new Date(), "UTC");
  const weeks = lastWeekStarts(today, 1, 12);
  const chart = await timeP50P95(20, () =>
    leadTotalsByTeamWeek(db, {
      organizationId: org.organizationId,
      leadMeasureId: org.leadMeasureId,
      firstWeek: weeks[0]!,
      lastWeek: weeks[11]!,
      weekStartsOn: 1,
    }),
  );
  record(database, label, "dashboard chart query p50", chart.p50, "ms");
  record(database, label, "dashboard chart query p95", chart.p95, "ms");
  const board = await timeP50P95(20, () =>
    teamWeekScoreboard(db, { organizationId: org.organizationId, teamId: org.teamId, weekStart: weekStart(today, 1), userId: org.userId }),
  );
  record(database, label, "team scoreboard query p50", board.p50, "ms");
  record(database, label, "team scoreboard query p95", board.p95, "ms");
  const ctx = (await loadTenantContext(db, org.userId, org.organizationId))!;
  let n = 0;
  const log = await timeP50P95(50, () =>
    createLeadEntry(db, ctx, {
      teamId: org.teamId,
      leadMeasureId: org.leadMeasureId,
      entryDate: today,
      value: "1",
      idempotencyKey: `bench-${label}-${n++}-${Date.now()}`,
    }),
  );
  record(database, label, "log an entry (validate, write, audit) p50", log.p50, "ms");
  record(database, label, "log an entry p95", log.p95, "ms");
}

async function main() {
  for (const kind of testDbKinds()) {
    const t = await createTestDb(kind);
    try {
      const demo = await seedDemo(t.db);
      const member = await t.db.user.findUniqueOrThrow({ where: { email: "member@leadlag.demo" } });
      const tm = await t.db.teamMember.findFirstOrThrow({ where: { organizationId: demo.organizationId, userId: member.id } });
      const measure = await t.db.leadMeasure.findFirstOrThrow({ where: { organizationId: demo.organizationId, name: "Coaching conversations" } });
      await benchOrg(t.db, kind, "demo (3 teams)", { organizationId: demo.organizationId, userId: member.id, teamId: tm.teamId, leadMeasureId: measure.id });

      const started = performance.now();
      const large = await seedLargeOrg(t.db, { teams: 150, peoplePerTeam: 5, weeks: 14, today: localDay(new Date(), "UTC") });
      const seconds = (performance.now() - started) / 1000;
      record(kind, "50× demo (150 teams)", "lead entries generated", large.entries, "rows");
      record(kind, "50× demo (150 teams)", "bulk insert (createMany)", large.entries / seconds, "rows/s");
      await benchOrg(t.db, kind, "50× demo (150 teams)", {
        organizationId: large.organizationId,
        userId: large.sampleMember.userId,
        teamId: large.sampleMember.teamId,
        leadMeasureId: large.leadMeasureIds[0]!,
      });
    } finally {
      await t.close();
    }
  }
  record("process", "all", "peak resident memory", process.resourceUsage().maxRSS / 1024, "MiB");

  const w = [8, 22, 44];
  console.log(["database".padEnd(w[0]!), "case".padEnd(w[1]!), "metric".padEnd(w[2]!), "value"].join("  "));
  for (const r of results) {
    console.log([r.database.padEnd(w[0]!), r.case.padEnd(w[1]!), r.metric.padEnd(w[2]!), `${formatNumber(r.value, "en-US")} ${r.unit}`].join("  "));
  }
  mkdirSync("bench/out", { recursive: true });
  writeFileSync("bench/out/results.json", JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
