// The quarterly report API as an integration calls it, on each database: an export starts with
// 202 and a Location to follow, ends with a report; the report, its list and its files (the PDF
// identical to the one fingerprinted at export); 400 with field messages, 403 without the scope
// or the role, 404 for another organization's reports and exports and for unknown file names.
// Every response is checked against the OpenAPI document (tests/helpers/apiSchemas.ts).
import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // The handlers load next-auth's options, which need a secret (else one is written to .data/).
  process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
});

// The browser-session path: next-auth answers with whoever `session.userId` says is signed in.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", async (original) => ({
  ...(await original<typeof import("next-auth")>()),
  getServerSession: async () => (await import("@/tests/helpers/sessionMock")).serverSessionOf(session.userId),
}));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

import * as exportRoute from "@/app/api/v1/report-exports/[exportId]/route";
import * as reportsRoute from "@/app/api/v1/reports/route";
import * as reportRoute from "@/app/api/v1/reports/[reportId]/route";
import * as fileRoute from "@/app/api/v1/reports/[reportId]/[file]/route";
import { quarterContaining, shiftQuarter, weeksOfQuarter } from "@/lib/domain/calendar/quarters";
import { localDay } from "@/lib/domain/calendar/weeks";
import { createLeadEntries, utcDate } from "@/lib/seed/factories";
import { documented, type RouteHandler } from "../helpers/apiSchemas";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";
import { startTestJobs, stopTestJobs } from "../helpers/jobs";
import type { JobQueue } from "@/lib/jobs/queue";
import { apiOrg, call, isErrorShape, serveFrom, type ApiOrg } from "./apiFixtures";

/** The last quarter that has ended: always reportable. */
const QUARTER = shiftQuarter(quarterContaining(localDay(new Date(), "UTC")), -1);

/** A route handler's raw Response (for headers and file bodies), as Next would call it. */
async function send<P>(handler: RouteHandler<P>, path: string, params: P, token?: string): Promise<Response> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return documented(handler)(new Request(`http://leadlag.test${path}`, { headers }), { params: Promise.resolve(params) });
}

describe.each(testDbKinds())("quarterly reports API [%s]", (kind) => {
  let t: TestDb;
  let a: ApiOrg;
  let b: ApiOrg;
  let started: { status: number; location: string | null; body: { id: string; status: string; progress: number } };
  let exportId: string;
  let reportId: string;
  let jobs: JobQueue;

  const post = (body: unknown, token: string | null = a.token) => call(reportsRoute.POST, { path: "/api/v1/reports", body, token: token ?? undefined });
  const exportState = (id: string, token: string | null = a.token) =>
    call(exportRoute.GET, { path: `/api/v1/report-exports/${id}`, params: { exportId: id }, token: token ?? undefined });
  const file = (id: string, name: string, token = a.token, query = "") => send(fileRoute.GET, `/api/v1/reports/${id}/${name}${query}`, { reportId: id, file: name }, token);

  beforeAll(async () => {
    t = await createTestDb(kind);
    serveFrom(t.db);
    // The export is a job: a worker on this database runs it (lib/jobs/reportExport.ts).
    jobs = await startTestJobs(t, { worker: true });
    a = await apiOrg(t.db);
    b = await apiOrg(t.db);
    // Some coaching in every week of the quarter, so the report has numbers to tell.
    await createLeadEntries(
      t.db,
      a.organizationId,
      weeksOfQuarter(QUARTER, 1).map((w, i) => ({ teamId: a.teamId, leadMeasureId: a.leadMeasureId, userId: a.member.id, entryDate: utcDate(w), value: 6 + (i % 5) })),
    );
    // Start an export the way a client does, and follow its Location until it has finished.
    const request = new Request("http://leadlag.test/api/v1/reports", {
      method: "POST",
      headers: { authorization: `Bearer ${a.token}`, "content-type": "application/json" },
      body: JSON.stringify({ scope: "organization", quarter: QUARTER.id }),
    });
    const res = await documented(reportsRoute.POST)(request, { params: Promise.resolve({}) });
    started = { status: res.status, location: res.headers.get("location"), body: await res.json() };
    exportId = started.body.id;
    const deadline = Date.now() + 90_000;
    let state = (await exportState(exportId)).body;
    while (state.status === "running" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      state = (await exportState(exportId)).body;
    }
    expect(state, JSON.stringify(state)).toMatchObject({ status: "succeeded", progress: 1, error: null });
    reportId = state.reportId;
  }, 120_000);
  beforeEach(() => {
    session.userId = null;
  });
  afterAll(async () => {
    await stopTestJobs(jobs);
    await t?.close();
  });

  it("starts an export with 202, its state and a Location to follow", () => {
    expect(started.status).toBe(202);
    expect(started.location).toBe(`/api/v1/report-exports/${exportId}`);
    expect(started.body).toEqual({ id: exportId, status: "running", progress: expect.any(Number), stage: expect.any(String), error: null, reportId: null });
  });

  it("lists the report and answers it as JSON, rebuilt from its snapshot", async () => {
    const list = await call(reportsRoute.GET, { path: "/api/v1/reports", token: a.token });
    expect(list.status).toBe(200);
    expect(list.body.reports).toHaveLength(1);
    expect(list.body.reports[0]).toMatchObject({ id: reportId, quarter: QUARTER.id, scope: "organization", programName: null, complete: true, pdfPages: expect.any(Number) });
    const view = await call(reportRoute.GET, { path: `/api/v1/reports/${reportId}`, params: { reportId }, token: a.token });
    expect(view.status).toBe(200);
    expect(view.body.item.id).toBe(reportId);
    expect(view.body.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(view.body.document.sections.map((s: { id: string }) => s.id)).toContain("summary");
    expect(view.body.document.sections[0].blocks[0]).toMatchObject({ kind: "paragraph", lead: true });
  });

  it("serves the PDF as an attachment (inline on request), the same bytes it was fingerprinted with", async () => {
    const view = await call(reportRoute.GET, { path: `/api/v1/reports/${reportId}`, params: { reportId }, token: a.token });
    const pdf = await file(reportId, "report.pdf");
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toMatch(/^attachment; filename="leadlag-[a-z0-9-]+\.pdf"$/);
    expect(pdf.headers.get("cache-control")).toBe("private, no-store");
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(view.body.pdfSha256);
    const inline = await file(reportId, "report.pdf", a.token, "?inline=1");
    expect(inline.headers.get("content-disposition")).toMatch(/^inline; filename=".+\.pdf"$/);
  });

  it("serves the Markdown and the CSV appendix", async () => {
    const md = await file(reportId, "report.md");
    expect(md.status).toBe(200);
    expect(md.headers.get("content-type")).toMatch(/^text\/markdown/);
    expect(md.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.md"$/);
    expect(await md.text()).toMatch(/^# /m);
    const csv = await file(reportId, "appendix.csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.appendix\.csv"$/);
    expect((await csv.text()).replace(/^\uFEFF/, "")).toMatch(/^section,item,metric,value,unit,display\r\n/);
  });

  it("answers 404 in the error shape for a file name it does not serve", async () => {
    for (const name of ["report.docx", "appendix.pdf", "report.PDF", "constructor", "__proto__"]) {
      const res = await file(reportId, name);
      expect(res.status, name).toBe(404);
      const body = await res.json();
      expect(isErrorShape(body)).toBe(true);
      expect(body.error.code).toBe("not_found");
    }
  });

  it("answers 400 with field messages for a bad request, and starts nothing", async () => {
    const badQuarter = await post({ scope: "organization", quarter: "2026-Q5" });
    expect(badQuarter.status).toBe(400);
    expect(isErrorShape(badQuarter.body)).toBe(true);
    expect(badQuarter.body.error.details.fieldErrors.quarter).toEqual([expect.any(String)]);
    const noProgram = await post({ scope: "program", quarter: QUARTER.id });
    expect(noProgram.status).toBe(400);
    expect(Object.keys(noProgram.body.error.details.fieldErrors)).toEqual(["programId"]);
    const notJson = await call(reportsRoute.POST, { path: "/api/v1/reports", raw: "{", token: a.token });
    expect(notJson.status).toBe(400);
    expect(await t.db.reportExport.count({ where: { organizationId: a.organizationId } })).toBe(1);
  });

  it("refuses a token without reports:write to export, and one without reports:read to read (403)", async () => {
    const reader = await a.tokenWith(["reports:read"]);
    const refused = await post({ scope: "organization", quarter: QUARTER.id }, reader);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden");
    expect((await call(reportsRoute.GET, { path: "/api/v1/reports", token: reader })).status).toBe(200);
    const writer = await a.tokenWith(["reports:write", "entries:read"]);
    expect((await call(reportsRoute.GET, { path: "/api/v1/reports", token: writer })).status).toBe(403);
    expect((await file(reportId, "report.md", writer)).status).toBe(403);
    expect((await exportState(exportId, writer)).status).toBe(403);
  });

  it("refuses a member's session (403), serves a manager's, and asks anyone else to sign in (401)", async () => {
    expect((await call(reportsRoute.GET, { path: "/api/v1/reports" })).status).toBe(401);
    session.userId = a.member.id;
    for (const res of [await call(reportsRoute.GET, { path: "/api/v1/reports" }), await post({ scope: "organization", quarter: QUARTER.id }, null)]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    session.userId = a.manager.id;
    expect((await call(reportsRoute.GET, { path: "/api/v1/reports" })).body.reports.map((r: { id: string }) => r.id)).toEqual([reportId]);
  });

  it("answers 404 to another organization for the report, its files and the export", async () => {
    const view = await call(reportRoute.GET, { path: `/api/v1/reports/${reportId}`, params: { reportId }, token: b.token });
    const pdf = await file(reportId, "report.pdf", b.token);
    const state = await exportState(exportId, b.token);
    for (const res of [view, { status: pdf.status, body: await pdf.json() }, state]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    expect((await call(reportsRoute.GET, { path: "/api/v1/reports", token: b.token })).body.reports).toEqual([]);
    // Ids that are not UUIDs name nothing either.
    expect((await exportState("not-an-id")).status).toBe(404);
    expect((await call(reportRoute.GET, { path: "/api/v1/reports/x", params: { reportId: "x" }, token: a.token })).status).toBe(404);
  });
});
