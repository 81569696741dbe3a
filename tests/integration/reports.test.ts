// Quarterly reports on each database: an export of the demo quarter produces a report whose
// every format regenerates byte for byte from its snapshot after new data is logged; the next
// quarter's report cites it; another organization can neither list nor fetch it; a member cannot
// export; and an export that fails while saving leaves no report behind.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TenantContext } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { DEMO_USERS } from "@/lib/seed/demo/catalogue";
import { seedDemo } from "@/lib/seed/demo/seedDemo";
import { createLeadEntries, createOrgWithTeam, utcDate } from "@/lib/seed/factories";
import { handleReportExport, type ReportExportJob } from "@/lib/jobs/reportExport";
import type { JobQueue } from "@/lib/jobs/queue";
import { getReportExport, startReportExport } from "@/lib/services/reportExports";
import { getReport, listReports, reportFile, reportOptions } from "@/lib/views/reports";
import { appErrorOf, contextOf } from "../helpers/context";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";
import { startTestJobs, stopTestJobs } from "../helpers/jobs";

/** Tuesday 1 December 2026: Q4 2026 is in progress, Q3 2026 has ended. */
const NOW = new Date("2026-12-01T12:00:00Z");
const LATER = new Date("2027-01-06T12:00:00Z");

const sha = (b: Uint8Array | string) => createHash("sha256").update(b).digest("hex");

/** Starts an export and waits for the worker (startTestJobs) to end it. */
async function exportReport(db: Db, ctx: TenantContext, body: unknown, now = NOW) {
  const { id } = await startReportExport(db, ctx, body, now);
  const deadline = Date.now() + 90_000;
  let state = await getReportExport(db, ctx, id);
  while (state.status === "running" && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    state = await getReportExport(db, ctx, id);
  }
  return state;
}

describe.each(testDbKinds())("quarterly reports [%s]", (kind) => {
  let t: TestDb;
  let organizationId: string;
  let manager: TenantContext;
  let reportId: string;
  let jobs: JobQueue | undefined;

  beforeAll(async () => {
    t = await createTestDb(kind);
    // Exports are jobs: a worker on this database runs them (lib/jobs/reportExport.ts).
    jobs = await startTestJobs(t, { worker: true });
    organizationId = (await seedDemo(t.db, { today: NOW })).organizationId;
    manager = await contextOf(t.db, DEMO_USERS.manager.email, organizationId);
    const done = await exportReport(t.db, manager, { scope: "organization", quarter: "2026-Q4" });
    expect(done).toMatchObject({ status: "succeeded", progress: 1 });
    reportId = done.reportId!;
  });
  afterAll(async () => {
    await stopTestJobs(jobs);
    await t?.close();
  });

  it("offers the quarters with data and defaults to the current quarter to date", async () => {
    const options = await reportOptions(t.db, manager, NOW);
    expect(options.defaultQuarter).toBe("2026-Q4");
    expect(options.quarters.map((q) => q.label)).toEqual(["Q4 2026 to date", "Q3 2026", "Q2 2026", "Q1 2026", "Q4 2025", "Q3 2025"]);
    expect(options.programs.map((p) => p.name)).toEqual(["Customer service training, Q3"]);
  });

  it("writes every section from the demo's numbers, with no empty section and no broken number", async () => {
    const { document, item } = await getReport(t.db, manager, reportId);
    expect(item).toMatchObject({ quarter: "2026-Q4", quarterLabel: "Q4 2026", scope: "organization", asOf: "2026-11-29", complete: false, createdBy: DEMO_USERS.manager.name });
    expect(document.sections.map((s) => s.id)).toEqual(["summary", "execution", "results", "roi", "predictive", "assumptions", "comparison", "next"]);
    for (const s of document.sections) expect(s.blocks.length, s.id).toBeGreaterThan(0);
    const text = JSON.stringify(document);
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
    const summary = document.sections[0]!.blocks[0]!;
    expect(summary).toMatchObject({ kind: "paragraph", lead: true });
    expect((summary as { text: string }).text).toMatch(/invested £[\d,]+, fully loaded, in Customer service training, Q3/);
    expect((summary as { text: string }).text).toMatch(/Confidence is (high|moderate|low):/);
    // The ROI figures agree with the appendix's facts.
    const roi = document.sections.find((s) => s.id === "roi")!;
    const figures = roi.blocks.find((b) => b.kind === "figures")!;
    const roiFigure = figures.kind === "figures" ? figures.items.find((f) => f.label === "Return on investment (ROI)")!.value : "";
    expect(document.facts.find((f) => f.section === "ROI" && f.metric === "ROI %")!.display).toBe(roiFigure);
  });

  it("regenerates every format byte for byte after new entries are logged", async () => {
    const before = await getReport(t.db, manager, reportId);
    const pdf = await reportFile(t.db, manager, reportId, "pdf");
    const md = await reportFile(t.db, manager, reportId, "md");
    const csv = await reportFile(t.db, manager, reportId, "csv");
    expect(sha(pdf.body)).toBe(before.pdfSha256);
    expect(Buffer.from(pdf.body as Uint8Array).subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.filename).toBe("leadlag-northwind-support-2026-q4.pdf");
    expect(csv.filename).toBe("leadlag-northwind-support-2026-q4.appendix.csv");

    // A burst of coaching conversations in the quarter: a live report would now read differently.
    const team = await t.db.team.findFirstOrThrow({ where: { organizationId, name: "Tier 1 Support" } });
    const coaching = await t.db.leadMeasure.findFirstOrThrow({ where: { organizationId, name: "Coaching conversations" } });
    await createLeadEntries(t.db, organizationId, [{ teamId: team.id, leadMeasureId: coaching.id, userId: manager.userId, entryDate: utcDate("2026-11-10"), value: 500 }]);
    const live = await exportReport(t.db, manager, { scope: "organization", quarter: "2026-Q4" });
    const fresh = await getReport(t.db, manager, live.reportId!);
    expect(fresh.snapshotSha256).not.toBe(before.snapshotSha256);

    const again = await getReport(t.db, manager, reportId);
    expect(again.document).toEqual(before.document);
    expect(sha((await reportFile(t.db, manager, reportId, "pdf")).body)).toBe(before.pdfSha256);
    expect((await reportFile(t.db, manager, reportId, "md")).body).toBe(md.body);
    expect((await reportFile(t.db, manager, reportId, "csv")).body).toBe(csv.body);
  });

  it("cites last quarter's report in the next quarter's", async () => {
    const next = await exportReport(t.db, manager, { scope: "organization", quarter: "2026-Q4" }, LATER);
    expect(next.status).toBe("succeeded");
    const q1 = await exportReport(t.db, manager, { scope: "organization", quarter: "2027-Q1" }, new Date("2027-02-10T12:00:00Z"));
    const { document } = await getReport(t.db, manager, q1.reportId!);
    const comparison = document.sections.find((s) => s.id === "comparison")!;
    expect(JSON.stringify(comparison)).toMatch(/Last quarter \(Q4 2026, report of .*\) we reported an ROI of/);
  });

  it("reports on one program with its participant and control teams", async () => {
    const program = await t.db.program.findFirstOrThrow({ where: { organizationId } });
    const done = await exportReport(t.db, manager, { scope: "program", programId: program.id, quarter: "2026-Q4" });
    const { document, item } = await getReport(t.db, manager, done.reportId!);
    expect(item).toMatchObject({ scope: "program", programName: "Customer service training, Q3" });
    const execution = document.sections.find((s) => s.id === "execution")!;
    const table = execution.blocks.find((b) => b.kind === "table")!;
    expect(table.kind === "table" && table.rows.map((r) => [r[0], r[1]])).toEqual([
      ["Billing Care", "participant"],
      ["Technical Escalations", "control"],
      ["Tier 1 Support", "participant"],
    ]);
    // How each line was projected: the demo's monthly retention month by month, from its snapshot.
    const roi = document.sections.find((s) => s.id === "roi")!;
    const projected = roi.blocks.flatMap((b) => (b.kind === "bullets" ? b.items.filter((i) => i.includes(", projected: ")) : []));
    expect(projected).toEqual([
      expect.stringMatching(/^Customers retained, projected: Follows Customer retention's .* month by month \(chosen by backtest/),
      expect.stringMatching(/^Faster resolution, projected: Follows Average resolution time's /),
      "Referrals from delighted customers, projected: Manual value: continues unchanged.",
    ]);
  });

  it("refuses bad requests with field messages and members with 403", async () => {
    const bad = await appErrorOf(startReportExport(t.db, manager, { scope: "program", quarter: "2026-Q9" }, NOW));
    expect(bad.code).toBe("validation_failed");
    expect(Object.keys(bad.details!.fieldErrors!).sort()).toEqual(["programId", "quarter"]);
    const future = await appErrorOf(startReportExport(t.db, manager, { scope: "organization", quarter: "2027-Q2" }, NOW));
    expect(future.details!.fieldErrors!.quarter![0]).toMatch(/no ended week yet/);
    const member = await contextOf(t.db, DEMO_USERS.member.email, organizationId);
    expect((await appErrorOf(startReportExport(t.db, member, { scope: "organization", quarter: "2026-Q4" }, NOW))).code).toBe("forbidden");
    expect((await appErrorOf(listReports(t.db, member))).code).toBe("forbidden");
  });

  it("never shows one organization's reports or exports to another", async () => {
    const other = await createOrgWithTeam(t.db);
    const outsider = await contextOf(t.db, other.manager.email, other.organizationId);
    expect(await listReports(t.db, outsider)).toEqual([]);
    expect((await appErrorOf(getReport(t.db, outsider, reportId))).code).toBe("not_found");
    expect((await appErrorOf(reportFile(t.db, outsider, reportId, "pdf"))).code).toBe("not_found");
    const exp = await t.db.reportExport.findFirstOrThrow({ where: { organizationId } });
    expect((await appErrorOf(getReportExport(t.db, outsider, exp.id))).code).toBe("not_found");
    const program = await t.db.program.findFirstOrThrow({ where: { organizationId } });
    expect((await appErrorOf(startReportExport(t.db, outsider, { scope: "program", programId: program.id, quarter: "2026-Q4" }, NOW))).code).toBe("not_found");
  });

  it("leaves no half-written report when saving fails, and says the export failed", async () => {
    const count = await t.db.report.count({ where: { organizationId } });
    // The database refuses the last write of the save transaction (the export marked done), after
    // the report row was inserted.
    const failing = new Proxy(t.db, {
      get(target, prop, receiver) {
        if (prop !== "$transaction") return Reflect.get(target, prop, receiver);
        return (fn: (tx: unknown) => Promise<unknown>) =>
          target.$transaction((tx) =>
            fn(
              new Proxy(tx, {
                get(txTarget, name, r) {
                  if (name !== "reportExport") return Reflect.get(txTarget, name, r);
                  const exports = txTarget.reportExport;
                  return new Proxy(exports, {
                    get(e, op, er) {
                      if (op !== "updateMany") return Reflect.get(e, op, er);
                      return (args: { data: { status?: string } }) =>
                        args.data.status === "SUCCEEDED" ? Promise.reject(new Error("connection lost")) : exports.updateMany(args as never);
                    },
                  });
                },
              }),
            ),
          );
      },
    }) as Db;
    // The job's last attempt, as the worker runs it, on that database.
    const row = await t.db.reportExport.create({ data: { organizationId, scope: "ORGANIZATION", quarter: "2026-Q4", createdById: manager.userId } });
    const job: ReportExportJob = { organizationId, exportId: row.id, userId: manager.userId, scope: "organization", programId: null, quarter: "2026-Q4", now: NOW.toISOString() };
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await expect(handleReportExport(job, { db: failing, attempt: 2, lastAttempt: true, signal: new AbortController().signal })).rejects.toThrow("connection lost");
    } finally {
      errors.mockRestore();
    }
    const after = await getReportExport(t.db, manager, row.id);
    expect(after).toMatchObject({ status: "failed", reportId: null });
    expect(after.error).toMatch(/nothing was saved/);
    expect(await t.db.report.count({ where: { organizationId } })).toBe(count);
  });
});
