// npx tsx --conditions=react-server bench/reportExport.ts: a quarterly report export end to end
// (collect → narrative → PDF → save) for the demo organization and for one of 300 teams, on
// fresh embedded and (with TEST_DATABASE_URL) PostgreSQL databases: total time, the event loop's
// longest stall while it runs (other requests wait at most that long), PDF pages and render time,
// and where the time goes: each stage of the collection, the narrative and the PDF on their own.
//
// A generated organization already in PostgreSQL (bench/scale, 500 teams × 156 weeks) is timed
// instead with REPORT_BENCH_URL=postgres://…/database and REPORT_BENCH_EMAIL=<a manager's email>
// (it saves the report there, as an export does).
import { mkdirSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { loadTenantContext } from "@/lib/auth/loadContext";
import { openDb, type Db } from "@/lib/db/client";
import { Role } from "@/lib/generated/prisma/enums";
import { buildNarrative } from "@/lib/report/narrative/narrative";
import { renderReportPdf } from "@/lib/report/render/pdf";
import { canonicalJson } from "@/lib/report/snapshot/canonical";
import { collectSnapshot } from "@/lib/report/snapshot/collect";
import { DEMO_USERS } from "@/lib/seed/demo/catalogue";
import { seedDemo } from "@/lib/seed/demo/seedDemo";
import { addMembership, createUser } from "@/lib/seed/factories";
import { seedLargeOrg } from "@/lib/seed/large";
import { JobQueue } from "@/lib/jobs/queue";
import { handleReportExport, REPORT_EXPORT_JOB, type ReportExportJob } from "@/lib/jobs/reportExport";
import { startReportExport } from "@/lib/services/reportExports";
import { getReport, reportFile } from "@/lib/views/reports";
import { createTestDb, testDbKinds } from "../tests/helpers/db";
import { connectionOf } from "../tests/helpers/jobs";

const NOW = new Date("2026-12-01T12:00:00Z");
const results: Record<string, unknown>[] = [];

/** The export's steps one by one: each collection stage, the fingerprint, the narrative and the PDF. */
async function timeSteps(db: Db, label: string, organizationId: string, userId: string) {
  const ctx = (await loadTenantContext(db, userId, organizationId))!;
  const steps: Record<string, number> = {};
  let stage = "Starting";
  let t = performance.now();
  const step = (next: string) => {
    const now = performance.now();
    steps[stage] = Math.round(now - t);
    [stage, t] = [next, now];
  };
  const snapshot = await collectSnapshot(db, ctx, { scope: "organization", programId: null, quarter: "2026-Q4", now: NOW }, (_, s) => step(s));
  step("Fingerprint");
  const canonical = canonicalJson(snapshot);
  const fingerprint = createHash("sha256").update(canonical).digest("hex");
  step("Narrative");
  const document = buildNarrative(snapshot, fingerprint);
  step("PDF");
  await renderReportPdf(document);
  step("");
  console.log({ label, steps });
  results.push({ label: `${label}: steps (ms)`, ...steps });
}

/** Records the export and its job as the API does, then runs the job here, as a worker would. */
async function timeExport(db: Db, jobs: JobQueue, label: string, organizationId: string, userId: string) {
  const ctx = (await loadTenantContext(db, userId, organizationId))!;
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const t0 = performance.now();
  const state = await startReportExport(db, ctx, { scope: "organization", quarter: "2026-Q4" }, NOW, { perOrganization: 1, jobs });
  const [job] = await jobs.boss.findJobs<ReportExportJob>(REPORT_EXPORT_JOB, { key: state.id });
  await handleReportExport(job!.data, { db, attempt: 0, lastAttempt: true, signal: new AbortController().signal });
  const total = performance.now() - t0;
  h.disable();
  const exp = await db.reportExport.findUniqueOrThrow({ where: { organizationId_id: { organizationId, id: state.id } } });
  if (!exp.reportId) throw new Error(`export failed: ${exp.error}`);
  const view = await getReport(db, ctx, exp.reportId);
  const pdfTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const p0 = performance.now();
    await reportFile(db, ctx, exp.reportId, "pdf");
    pdfTimes.push(performance.now() - p0);
  }
  const row = { label, exportMs: Math.round(total), maxEventLoopStallMs: Math.round(h.max / 1e6), pdfMsMedian: Math.round(pdfTimes.sort((a, b) => a - b)[1]!), pages: view.item.pdfPages };
  console.log(row);
  results.push(row);
}

const benchUrl = process.env.REPORT_BENCH_URL?.trim();
if (benchUrl) {
  const { db, close } = await openDb({ kind: "postgres", url: benchUrl });
  const email = process.env.REPORT_BENCH_EMAIL?.trim() || "manager@bench.leadlag.test";
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const { organizationId } = await db.membership.findFirstOrThrow({ where: { userId: user.id, role: { in: [Role.MANAGER, Role.ADMIN, Role.OWNER] } } });
  const teams = await db.team.count({ where: { organizationId, archivedAt: null } });
  await timeSteps(db, `postgres: ${teams} teams (${new URL(benchUrl).pathname.slice(1)})`, organizationId, user.id);
  const jobs = new JobQueue(db, { kind: "postgres", url: benchUrl }, { maintenance: false });
  await timeExport(db, jobs, `postgres: ${teams} teams (${new URL(benchUrl).pathname.slice(1)})`, organizationId, user.id);
  await jobs.stop();
  await close();
}

for (const kind of benchUrl ? [] : testDbKinds()) {
  const t = await createTestDb(kind);
  const jobs = new JobQueue(t.db, connectionOf(t), { maintenance: false });
  const demo = await seedDemo(t.db, { today: NOW });
  const manager = await t.db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.manager.email } });
  await timeExport(t.db, jobs, `${kind}: demo (3 teams)`, demo.organizationId, manager.id);
  const large = await seedLargeOrg(t.db, { teams: 300, peoplePerTeam: 4, weeks: 26, today: "2026-12-01" });
  const boss = await createUser(t.db, { name: "Bench manager" });
  await addMembership(t.db, large.organizationId, boss.id, Role.MANAGER);
  // The server runs ANALYZE at start-up (PGlite has no autovacuum): so does the benchmark.
  await t.db.$executeRawUnsafe("ANALYZE");
  await timeSteps(t.db, `${kind}: 300 teams`, large.organizationId, boss.id);
  await timeExport(t.db, jobs, `${kind}: 300 teams`, large.organizationId, boss.id);
  await jobs.stop();
  await t.close();
}
mkdirSync("bench/out", { recursive: true });
writeFileSync("bench/out/reportExport.json", JSON.stringify(results, null, 2));
process.exit(0);
