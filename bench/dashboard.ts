// npx tsx --conditions=react-server bench/dashboard.ts (the views are server-only): how long the
// manager dashboard's server-side data loading (lib/views/dashboard.ts, exactly what /dashboard
// runs) takes on embedded PGlite and,
// with TEST_DATABASE_URL (or DATABASE_URL), on PostgreSQL — for the demo organization and for
// a generated one fifty times its size (150 teams, ~144k lead entries, with lag measures,
// check-ins and commitments added here so every part of the roll-up has data to chew on).
//
// With BENCH_BASE_URL=http://127.0.0.1:3000 it also times the real HTTP response of
// GET /dashboard from a running production server (`npm start`) serving the demo: it signs
// in as the demo manager through next-auth's credentials flow and keeps the session cookie.
//
// p50 / p95 of 10 runs after one warm-up. Prints a table and writes bench/out/dashboard.json.
// The queries run with planner statistics (see analyzeAfter); PGlite is also timed without.
import { mkdirSync, writeFileSync } from "node:fs";
import { orgSettings } from "@/lib/auth/loadContext";
import type { OrgSettings } from "@/lib/auth/tenant";
import { loadDashboard } from "@/lib/views/dashboard";
import type { Db } from "@/lib/db/client";
import { addDays, currentWeekStart, lastWeekStarts, localDay } from "@/lib/domain/calendar/weeks";
import { createRng } from "@/lib/domain/stats/random";
import { CommitmentStatus, Direction } from "@/lib/generated/prisma/enums";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/seed/demo/catalogue";
import { seedDemo } from "@/lib/seed/demo/seedDemo";
import { createLagMeasure, createLagObservations, utcDate, type LagObservationRow } from "@/lib/seed/factories";
import { seedLargeOrg } from "@/lib/seed/large";
import { createTestDb, testDbKinds } from "../tests/helpers/db";
import { signIn } from "./firstLoadJs";
import { timeP50P95 } from "./timing";

const RUNS = 10;

type Row = { database: string; case: string; metric: string; p50: number; p95: number };
const results: Row[] = [];

async function record(database: string, c: string, metric: string, fn: () => Promise<unknown>, runs = RUNS) {
  const { p50, p95 } = await timeP50P95(runs, fn);
  const m = runs === RUNS ? metric : `${metric} (${runs} runs)`;
  results.push({ database, case: c, metric: m, p50: Math.round(p50 * 10) / 10, p95: Math.round(p95 * 10) / 10 });
  console.log(`${database}  ${c}  ${m}: p50 ${Math.round(p50)} ms, p95 ${Math.round(p95)} ms`);
}

async function benchLoader(db: Db, database: string, label: string, org: OrgSettings, twoTeams: string[]) {
  await record(database, label, "loadDashboard, all teams (default 13 weeks)", () => loadDashboard(db, org, {}));
  await record(database, label, "loadDashboard, two teams", () => loadDashboard(db, org, { teams: twoTeams.join(",") }));
  await record(database, label, "loadDashboard, 52 weeks, one measure heatmap", () =>
    loadDashboard(db, org, { from: addDays(currentWeekStart(new Date(), org.timeZone, org.weekStartsOn), -7 * 51), heatmap: "measure" }),
  );
}

/** Lag measures, check-ins and commitments for the generated organization, like the demo's. */
async function addCadenceAndLags(db: Db, organizationId: string, teamIds: string[], userIds: string[], peoplePerTeam: number) {
  const rng = createRng(11);
  const today = localDay(new Date(), "UTC");
  const weeks = lastWeekStarts(today, 1, 14);
  // The teams existed before the generated history started.
  await db.team.updateMany({ where: { organizationId }, data: { createdAt: utcDate(addDays(weeks[0]!, -7)) } });
  const lagSpecs = [
    { name: "CSAT", direction: Direction.HIGHER_IS_BETTER, baselineValue: 78, targetValue: 88, perTeam: true },
    { name: "Average resolution time", direction: Direction.LOWER_IS_BETTER, baselineValue: 26, targetValue: 18, perTeam: true },
    { name: "Customer retention", direction: Direction.HIGHER_IS_BETTER, baselineValue: 86, targetValue: 91, perTeam: false },
    { name: "NPS", direction: Direction.HIGHER_IS_BETTER, baselineValue: 22, targetValue: 40, perTeam: false },
  ];
  const observations: LagObservationRow[] = [];
  for (const spec of lagSpecs) {
    const lag = await createLagMeasure(db, organizationId, {
      name: spec.name,
      direction: spec.direction,
      baselineValue: spec.baselineValue,
      baselineDate: utcDate(weeks[0]!),
      targetValue: spec.targetValue,
      targetDate: utcDate(addDays(today, 180)),
    });
    for (const w of weeks.slice(0, -1)) {
      const value = () => spec.baselineValue + (spec.targetValue - spec.baselineValue) * rng.normal(0.3, 0.2);
      observations.push({ lagMeasureId: lag.id, teamId: null, observedOn: utcDate(addDays(w, 6)), value: value() });
      if (spec.perTeam) for (const teamId of teamIds) observations.push({ lagMeasureId: lag.id, teamId, observedOn: utcDate(addDays(w, 6)), value: value() });
    }
  }
  await createLagObservations(db, organizationId, observations);
  // Every tenth team keeps a goal of its own.
  for (const teamId of teamIds.filter((_, i) => i % 10 === 0)) {
    await createLagMeasure(db, organizationId, { name: `First-contact resolution ${teamId.slice(0, 8)}`, teamId, baselineDate: utcDate(weeks[0]!) });
  }
  const checkIns = teamIds.flatMap((teamId) => weeks.filter(() => rng.chance(0.8)).map((w) => ({ organizationId, teamId, weekStart: utcDate(w) })));
  await db.checkIn.createMany({ data: checkIns });
  const statuses = [CommitmentStatus.DONE, CommitmentStatus.DONE, CommitmentStatus.PARTIAL, CommitmentStatus.NOT_DONE];
  const commitments = userIds.flatMap((userId, i) =>
    weeks.map((w, wi) => ({
      organizationId,
      teamId: teamIds[Math.floor(i / peoplePerTeam)]!,
      userId,
      weekStart: utcDate(w),
      text: "Coach one teammate on a real call",
      status: wi === weeks.length - 1 ? CommitmentStatus.OPEN : rng.pick(statuses),
    })),
  );
  for (let i = 0; i < commitments.length; i += 2000) await db.commitment.createMany({ data: commitments.slice(i, i + 2000) });
  return { lagObservations: observations.length, checkIns: checkIns.length, commitments: commitments.length };
}

/** GET /dashboard on a running server, signed in as the demo manager (next-auth credentials). */
async function benchHttp(baseUrl: string) {
  const cookie = await signIn(baseUrl, DEMO_USERS.manager.email, DEMO_PASSWORD);
  await record("http", "demo (3 teams)", "GET /dashboard, full server response", async () => {
    const res = await fetch(`${baseUrl}/dashboard`, { headers: { cookie }, redirect: "manual" });
    const html = await res.text();
    if (res.status !== 200 || !html.includes("Teams at a glance")) throw new Error(`GET /dashboard answered ${res.status}.`);
  });
}

/**
 * Planner statistics. PostgreSQL's autovacuum gathers them shortly after a bulk load; PGlite runs
 * no autovacuum, so until something runs ANALYZE its planner guesses — and at 50× it guesses
 * badly. Timed once as the embedded database is after seeding, then as it is with statistics.
 */
async function analyzeAfter(db: Db, kind: string, label: string, org: OrgSettings) {
  if (kind === "embedded") {
    await record(kind, label, "loadDashboard, all teams, before ANALYZE", () => loadDashboard(db, org, {}), 3);
  }
  await db.$executeRawUnsafe("ANALYZE");
}

async function main() {
  for (const kind of testDbKinds()) {
    const t = await createTestDb(kind);
    try {
      const demo = await seedDemo(t.db);
      const demoOrg = orgSettings(await t.db.organization.findUniqueOrThrow({ where: { id: demo.organizationId } }));
      const demoTeams = await t.db.team.findMany({ where: { organizationId: demo.organizationId }, select: { id: true }, take: 2 });
      await analyzeAfter(t.db, kind, "demo (3 teams)", demoOrg);
      await benchLoader(t.db, kind, "demo (3 teams)", demoOrg, demoTeams.map((x) => x.id));

      const large = await seedLargeOrg(t.db, { teams: 150, peoplePerTeam: 5, weeks: 14, today: localDay(new Date(), "UTC") });
      const extra = await addCadenceAndLags(t.db, large.organizationId, large.teamIds, large.userIds, 5);
      console.log(
        `${kind}: 50× organization with ${large.entries} lead entries, ${extra.lagObservations} lag observations, ${extra.checkIns} check-ins, ${extra.commitments} commitments`,
      );
      const largeOrg = orgSettings(await t.db.organization.findUniqueOrThrow({ where: { id: large.organizationId } }));
      await analyzeAfter(t.db, kind, "50× demo (150 teams)", largeOrg);
      await benchLoader(t.db, kind, "50× demo (150 teams)", largeOrg, large.teamIds.slice(0, 2));
    } finally {
      await t.close();
    }
  }
  const baseUrl = process.env.BENCH_BASE_URL?.replace(/\/$/, "");
  if (baseUrl) await benchHttp(baseUrl);

  const w = [8, 22, 58];
  console.log(["database".padEnd(w[0]!), "case".padEnd(w[1]!), "metric".padEnd(w[2]!), "p50 ms".padStart(8), "p95 ms".padStart(8)].join("  "));
  for (const r of results) {
    console.log([r.database.padEnd(w[0]!), r.case.padEnd(w[1]!), r.metric.padEnd(w[2]!), String(r.p50).padStart(8), String(r.p95).padStart(8)].join("  "));
  }
  mkdirSync("bench/out", { recursive: true });
  writeFileSync("bench/out/dashboard.json", JSON.stringify({ at: new Date().toISOString(), runs: RUNS, results }, null, 2));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
