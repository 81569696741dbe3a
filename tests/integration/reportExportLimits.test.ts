// Report exports are bounded, on each database: one organization has one export under way at a
// time (a second is refused with 429, the error shape and Retry-After; another organization's
// still starts); beyond the server's slots exports wait their turn; an export past its time
// budget fails with its reason and saves nothing; exports left running by a server that is gone
// are failed at start-up while live ones are not; and a quarter before anything was recorded
// (year 0000 included) is refused with 400 before any export is recorded.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // The handlers load next-auth's options, which need a secret (else one is written to .data/).
  process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
});
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

import * as reportsRoute from "@/app/api/v1/reports/route";
import type { TenantContext } from "@/lib/auth/tenant";
import { openAdapter } from "@/lib/db/adapter";
import { makeClient, type Db } from "@/lib/db/client";
import { quarterContaining, shiftQuarter, weeksOfQuarter } from "@/lib/domain/calendar/quarters";
import { localDay } from "@/lib/domain/calendar/weeks";
import { failInterruptedExports, HEARTBEAT_MS, INTERRUPTED_MESSAGE } from "@/lib/jobs/exportLiveness";
import { ExportSlots } from "@/lib/jobs/exportSlots";
import { createLeadEntries, createOrganization, utcDate } from "@/lib/seed/factories";
import { prepareDatabase } from "@/lib/seed/prepare";
import { getReportExport, startReportExport, WAITING_STAGE, type ExportLimits, type ExportState } from "@/lib/services/reportExports";
import { documented } from "../helpers/apiSchemas";
import { appErrorOf } from "../helpers/context";
import { createTestDb, openMigratedEmbedded, testDbKinds, type TestDb } from "../helpers/db";
import { apiOrg, isErrorShape, serveFrom, type ApiOrg } from "./apiFixtures";

/** The last quarter that has ended: always reportable. */
const QUARTER = shiftQuarter(quarterContaining(localDay(new Date(), "UTC")), -1);
const BODY = { scope: "organization", quarter: QUARTER.id };

/** Limits for one test: its own slots and a steady clock unless it says otherwise. */
function limits(over: Partial<ExportLimits> = {}): ExportLimits {
  return { perOrganization: 1, slots: new ExportSlots(2), budgetMs: 120_000, clock: () => performance.now(), heartbeatMs: HEARTBEAT_MS, ...over };
}

/** POST /api/v1/reports with the organization's token, as a client sends it; checked against the OpenAPI document. */
async function post(org: ApiOrg, body: unknown): Promise<{ status: number; retryAfter: string | null; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const request = new Request("http://leadlag.test/api/v1/reports", {
    method: "POST",
    headers: { authorization: `Bearer ${org.token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const res = await documented(reportsRoute.POST)(request, { params: Promise.resolve({}) });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: await res.json() };
}

/** Follows an export until it has ended (the route does not wait for it). */
async function ended(db: Db, ctx: TenantContext, exportId: string): Promise<ExportState> {
  const deadline = Date.now() + 90_000;
  let state = await getReportExport(db, ctx, exportId);
  while (state.status === "running" && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    state = await getReportExport(db, ctx, exportId);
  }
  return state;
}

const tick = () => new Promise((r) => setTimeout(r, 50));

describe.each(testDbKinds())("bounded report exports [%s]", (kind) => {
  let t: TestDb;

  beforeAll(async () => {
    t = await createTestDb(kind);
    serveFrom(t.db);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  /** An organization of its own for each test, with some coaching in every week of the quarter. */
  async function orgWithData(): Promise<ApiOrg> {
    const org = await apiOrg(t.db);
    await createLeadEntries(
      t.db,
      org.organizationId,
      weeksOfQuarter(QUARTER, 1).map((w, i) => ({ teamId: org.teamId, leadMeasureId: org.leadMeasureId, userId: org.member.id, entryDate: utcDate(w), value: 6 + (i % 5) })),
    );
    return org;
  }
  const exportsOf = (org: ApiOrg) => t.db.reportExport.count({ where: { organizationId: org.organizationId } });
  const reportsOf = (org: ApiOrg) => t.db.report.count({ where: { organizationId: org.organizationId } });

  it("refuses a second export of one organization while the first is under way (429, the error shape, Retry-After); another organization's starts", async () => {
    const [a, b] = [await orgWithData(), await orgWithData()];
    const first = await post(a, BODY);
    expect(first.status).toBe(202);
    const second = await post(a, BODY);
    expect(second.status).toBe(429);
    expect(isErrorShape(second.body)).toBe(true);
    expect(second.body.error).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/already under way: wait for it to finish/) });
    expect(Number(second.retryAfter)).toBeGreaterThan(0);
    expect(await exportsOf(a)).toBe(1); // the refused one left no row

    const other = await post(b, BODY);
    expect(other.status).toBe(202);

    expect(await ended(t.db, a.owner, first.body.id)).toMatchObject({ status: "succeeded" });
    expect(await ended(t.db, b.owner, other.body.id)).toMatchObject({ status: "succeeded" });
    // Once the first has ended, the organization may export again.
    const again = await post(a, BODY);
    expect(again.status).toBe(202);
    expect(await ended(t.db, a.owner, again.body.id)).toMatchObject({ status: "succeeded" });
  }, 180_000);

  it("admits one of several exports asked for at the same moment in one organization", async () => {
    const a = await orgWithData();
    const l = limits();
    const tries = await Promise.allSettled([1, 2, 3].map(() => startReportExport(t.db, a.owner, BODY, new Date(), l)));
    const started = tries.filter((r) => r.status === "fulfilled");
    expect(started).toHaveLength(1);
    for (const r of tries) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "rate_limited", retryAfterSeconds: expect.any(Number) });
    expect(await exportsOf(a)).toBe(1);
    await started[0]!.value.done;
  }, 180_000);

  it("makes exports beyond the server's slots wait their turn, first come first served, off the request path", async () => {
    const [a, b] = [await orgWithData(), await orgWithData()];
    const slots = new ExportSlots(1);
    const l = limits({ slots });
    const release = await slots.acquire(); // the server's one slot is busy
    const first = await startReportExport(t.db, a.owner, BODY, new Date(), l);
    const second = await startReportExport(t.db, b.owner, BODY, new Date(), l);
    expect(first.state).toMatchObject({ status: "running", stage: WAITING_STAGE });
    await tick();
    expect(slots.waiting).toBe(2);
    expect(await getReportExport(t.db, a.owner, first.state.id)).toMatchObject({ status: "running", stage: WAITING_STAGE, progress: 0 });
    expect(await getReportExport(t.db, b.owner, second.state.id)).toMatchObject({ status: "running", stage: WAITING_STAGE, progress: 0 });

    release();
    await first.done;
    const firstState = await getReportExport(t.db, a.owner, first.state.id);
    expect(firstState.status).toBe("succeeded");
    await second.done;
    const secondState = await getReportExport(t.db, b.owner, second.state.id);
    expect(secondState.status).toBe("succeeded");
    // One slot: the second started only when the first had finished.
    const [r1, r2] = await Promise.all([firstState, secondState].map((s) => t.db.report.findFirstOrThrow({ where: { id: s.reportId! } })));
    expect(r1!.createdAt.getTime()).toBeLessThanOrEqual(r2!.createdAt.getTime());
    expect(slots.busy).toBe(0);
  }, 180_000);

  it("stops an export past its time budget at its next step: failed with the reason, no report saved", async () => {
    const a = await orgWithData();
    const reports = await reportsOf(a);
    // Every reading of this clock is 50 s later: the budget of 120 s runs out after a few steps.
    let ms = 0;
    const { state, done } = await startReportExport(t.db, a.owner, BODY, new Date(), limits({ clock: () => (ms += 50_000) }));
    await done;
    const after = await getReportExport(t.db, a.owner, state.id);
    expect(after).toMatchObject({ status: "failed", stage: "Failed", reportId: null });
    expect(after.error).toMatch(/took longer than its limit of 120 seconds and was stopped; nothing was saved/);
    expect(after.progress).toBeGreaterThan(0); // it had started working
    expect(await reportsOf(a)).toBe(reports);
    // And it no longer holds the organization's turn.
    const next = await startReportExport(t.db, a.owner, BODY, new Date(), limits());
    await next.done;
    expect((await getReportExport(t.db, a.owner, next.state.id)).status).toBe("succeeded");
  }, 180_000);

  it("fails at start-up the exports left running by a server that is gone, not those a live server is working on", async () => {
    const [a, b] = [await orgWithData(), await orgWithData()];
    // A live export: waiting for a slot on this server, its row touched every 20 ms.
    const slots = new ExportSlots(1);
    const release = await slots.acquire();
    const live = await startReportExport(t.db, a.owner, BODY, new Date(), limits({ slots, heartbeatMs: 20 }));
    const createdAt = (await t.db.reportExport.findFirstOrThrow({ where: { id: live.state.id } })).updatedAt;
    // Exports of a server that stopped two minutes ago.
    const silentSince = new Date(Date.now() - 120_000);
    const orphan = (quarter: string) =>
      t.db.reportExport.create({ data: { organizationId: b.organizationId, scope: "ORGANIZATION", quarter, stage: "Reading 4 lag measures", progress: 0.4, updatedAt: silentSince } });
    const orphans = [await orphan(QUARTER.id), await orphan(shiftQuarter(QUARTER, -1).id)];
    // Until the sweep, the page already reads them as interrupted.
    expect(await getReportExport(t.db, b.owner, orphans[0]!.id)).toMatchObject({ status: "failed", error: INTERRUPTED_MESSAGE });

    await new Promise((r) => setTimeout(r, 150));
    expect(await failInterruptedExports(t.db)).toBe(2);
    for (const o of orphans) {
      expect(await t.db.reportExport.findFirstOrThrow({ where: { id: o.id } })).toMatchObject({ status: "FAILED", stage: "Failed", error: INTERRUPTED_MESSAGE });
    }
    const liveRow = await t.db.reportExport.findFirstOrThrow({ where: { id: live.state.id } });
    expect(liveRow.status).toBe("RUNNING");
    expect(liveRow.updatedAt.getTime()).toBeGreaterThan(createdAt.getTime()); // its heartbeat

    release();
    await live.done;
    expect((await getReportExport(t.db, a.owner, live.state.id)).status).toBe("succeeded");
  }, 180_000);

  it("fails, when a server starts, the exports the last one left running: on PGlite (one owner) all of them, on PostgreSQL those silent for a minute", async () => {
    const running = (organizationId: string, updatedAt: Date) =>
      ({ organizationId, scope: "ORGANIZATION", quarter: QUARTER.id, stage: "Reading 4 lag measures", updatedAt }) as const;
    if (kind === "postgres") {
      const org = await apiOrg(t.db);
      const dead = await t.db.reportExport.create({ data: running(org.organizationId, new Date(Date.now() - 120_000)) });
      const live = await t.db.reportExport.create({ data: running(org.organizationId, new Date()) });
      const { interruptedExports } = await prepareDatabase({ kind: "postgres", url: t.url! }, { seedDemo: false });
      expect(interruptedExports).toBeGreaterThanOrEqual(1);
      expect(await t.db.reportExport.findFirstOrThrow({ where: { id: dead.id } })).toMatchObject({ status: "FAILED", error: INTERRUPTED_MESSAGE });
      expect((await t.db.reportExport.findFirstOrThrow({ where: { id: live.id } })).status).toBe("RUNNING");
      return;
    }
    // An embedded database on disk, as `npm start` keeps it; the export was touched a moment ago.
    const dir = mkdtempSync(path.join(os.tmpdir(), "leadlag-exports-"));
    try {
      const dataDir = path.join(dir, "pglite");
      const before = await openMigratedEmbedded(dataDir);
      const db = makeClient(before.factory);
      const { id: organizationId } = await createOrganization(db, { name: "Stopped mid-export", slug: `stopped-${Date.now()}` });
      const row = await db.reportExport.create({ data: running(organizationId, new Date()) });
      await db.$disconnect();
      await before.close();

      expect(await prepareDatabase({ kind: "embedded", dataDir }, { seedDemo: false })).toMatchObject({ interruptedExports: 1 });
      const after = await openAdapter({ kind: "embedded", dataDir });
      const reopened = makeClient(after.factory);
      expect(await reopened.reportExport.findFirstOrThrow({ where: { id: row.id } })).toMatchObject({ status: "FAILED", error: INTERRUPTED_MESSAGE });
      await reopened.$disconnect();
      await after.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it("does not let an export of a server that is gone hold its organization's turn", async () => {
    const b = await orgWithData();
    const orphan = await t.db.reportExport.create({
      data: { organizationId: b.organizationId, scope: "ORGANIZATION", quarter: QUARTER.id, stage: "Drawing the charts and the PDF", updatedAt: new Date(Date.now() - 120_000) },
    });
    const { state, done } = await startReportExport(t.db, b.owner, BODY, new Date(), limits());
    await done;
    expect((await getReportExport(t.db, b.owner, state.id)).status).toBe("succeeded");
    expect(await t.db.reportExport.findFirstOrThrow({ where: { id: orphan.id } })).toMatchObject({ status: "FAILED", error: INTERRUPTED_MESSAGE });
  }, 180_000);

  it("refuses a quarter before anything was recorded with 400, recording no export", async () => {
    const a = await orgWithData();
    const rows = await exportsOf(a);
    const year0 = await post(a, { scope: "organization", quarter: "0000-Q1" });
    expect(year0.status).toBe(400);
    expect(isErrorShape(year0.body)).toBe(true);
    expect(year0.body.error.details.fieldErrors.quarter).toHaveLength(1);

    const early = await post(a, { scope: "organization", quarter: "2001-Q1" });
    expect(early.status).toBe(400);
    expect(early.body.error.details.fieldErrors.quarter[0]).toMatch(new RegExp(`^Q1 2001 ended before this organization's first record \\(\\d{4}-\\d{2}-\\d{2}\\): choose ${QUARTER.label} or later\\.$`));
    expect(await exportsOf(a)).toBe(rows);

    // An organization with nothing on record has nothing to report.
    const empty = await apiOrg(t.db);
    const fresh = await appErrorOf(startReportExport(t.db, empty.owner, BODY, new Date(), limits()));
    expect(fresh.details!.fieldErrors!.quarter![0]).toMatch(/nothing to report yet/);
    expect(await exportsOf(empty)).toBe(0);
  });
});
