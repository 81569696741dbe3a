// GET /api/v1/analytics/lead-lag and /forecast as an integration calls them, on each database:
// the answers' shape in plain JSON numbers, 400s with field messages, 404 for another
// organization's ids, 403 for a token without `measures:read` and for a member's session.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // The handlers load next-auth's options, which need a secret (else one is written to .data/).
  process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
});

// The browser-session path: next-auth answers with whoever `sessionUser` says is signed in, and
// there is no organization cookie (the person's first organization is the active one).
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", async (original) => ({
  ...(await original<typeof import("next-auth")>()),
  getServerSession: async () => (await import("@/tests/helpers/sessionMock")).serverSessionOf(session.userId),
}));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

import * as forecastRoute from "@/app/api/v1/analytics/forecast/route";
import * as leadLagRoute from "@/app/api/v1/analytics/lead-lag/route";
import { addDays, currentWeekStart } from "@/lib/domain/calendar/weeks";
import { createLagMeasure, createLagObservations, createLeadEntries, utcDate } from "@/lib/seed/factories";
import { lagForecastSchema, leadLagAnalysisSchema } from "@/lib/schemas/responses/analytics";
import { testDbKinds, type TestDb } from "../helpers/db";
import { call, isErrorShape, type ApiOrg, twoApiOrgs } from "./apiFixtures";

describe.each(testDbKinds())("analytics API [%s]", (kind) => {
  let t: TestDb;
  let a: ApiOrg;
  let b: ApiOrg;
  let lagA: string;
  let lagB: string;

  beforeAll(async () => {
    ({ t, a, b } = await twoApiOrgs(kind));
    lagA = (await createLagMeasure(t.db, a.organizationId, { name: "CSAT A" })).id;
    lagB = (await createLagMeasure(t.db, b.organizationId, { name: "CSAT B" })).id;
    // Twelve weeks up to the current one, in UTC like the factories' organizations.
    const current = currentWeekStart(new Date(), "UTC", 1);
    const weeks = Array.from({ length: 12 }, (_, i) => addDays(current, -7 * (11 - i)));
    await createLeadEntries(
      t.db,
      a.organizationId,
      weeks.map((w, i) => ({ teamId: a.teamId, leadMeasureId: a.leadMeasureId, userId: a.member.id, entryDate: utcDate(w), value: 5 + ((i * 7) % 5) })),
    );
    await createLagObservations(
      t.db,
      a.organizationId,
      weeks.map((w, i) => ({ lagMeasureId: lagA, teamId: null, observedOn: utcDate(w), value: 80 + i * 0.5 + (i % 3) * 0.2 })),
    );
  });
  beforeEach(() => {
    session.userId = null;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** `token: null` sends no Authorization header: the browser-session path. */
  const leadLag = (query: string, token: string | null = a.token) =>
    call(leadLagRoute.GET, { path: `/api/v1/analytics/lead-lag?${query}`, token: token ?? undefined });
  const forecast = (query: string, token: string | null = a.token) =>
    call(forecastRoute.GET, { path: `/api/v1/analytics/forecast?${query}`, token: token ?? undefined });

  it("answers the lead → lag analysis with every k, the best k and the verdict", async () => {
    const res = await leadLag(`leadMeasureId=${a.leadMeasureId}&lagMeasureId=${lagA}&maxLagWeeks=3`);
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.leadMeasure).toEqual({ id: a.leadMeasureId, name: "Coaching conversations", unit: "conversations" });
    expect(body.lagMeasure).toMatchObject({ id: lagA, name: "CSAT A", direction: "HIGHER_IS_BETTER", teamId: null, baseline: { value: 78 } });
    expect(body).toMatchObject({ teamId: null, lagValuesOf: "organization", declaredDriver: false, maxLagWeeks: 3, minN: 8 });
    expect(body.window.weeks).toBe(52);
    expect(body.series).toHaveLength(52);
    expect(body.fits.map((f: { k: number }) => f.k)).toEqual([0, 1, 2, 3]);
    // The lag's eleven weekly changes limit n; the team has tracked the lead all along (its
    // assignment is dated from long ago), so it has a change every week, 0 before its first entries.
    expect(body.fits.map((f: { n: number }) => f.n)).toEqual([11, 11, 11, 11]);
    for (const f of body.fits) {
      for (const key of ["r", "slope", "slopeSE", "p", "r2"]) expect(typeof f[key], key).toBe("number");
      expect(f.ci95).toEqual([expect.any(Number), expect.any(Number)]);
    }
    expect(["predictive", "opposite", "weak", "none"]).toContain(body.verdict.kind);
    expect(body.verdict.text).not.toMatch(/causes|prove/i);
    expect(typeof body.bestK).toBe("number");
    // Both the raw p of the strongest lag and the p adjusted for the 4 lags tried.
    expect(body.evidence).toMatchObject({ k: body.bestK, lagsTested: 4, pairs: 1 });
    expect(body.evidence.pFamily).toBeGreaterThanOrEqual(body.evidence.pRaw);
    expect(body.evidence.q).toBe(body.evidence.pFamily);
    // The answer is exactly what the OpenAPI document promises.
    expect(() => leadLagAnalysisSchema.parse(body)).not.toThrow();
  });

  it("answers the forecast with its history and bands, for the weeks asked", async () => {
    const res = await forecast(`lagMeasureId=${lagA}&weeks=5`);
    expect(res.status).toBe(200);
    expect(res.body.history).toHaveLength(26);
    expect(res.body.history.filter((w: { value: number | null }) => w.value != null)).toHaveLength(12);
    expect(res.body.forecast).toMatchObject({ kind: "forecast", n: 12, reason: null });
    expect(res.body.forecast.points).toHaveLength(5);
    expect(res.body.cadence).toBe("weekly");
    expect(res.body.fittedOn.map((w: { periodStart: string }) => w.periodStart)).toEqual(res.body.history.map((w: { weekStart: string }) => w.weekStart));
    // A weekly measure's step is its week.
    expect(res.body.forecast.points[0].periodStart).toBe(res.body.forecast.points[0].weekStart);
    expect(res.body.forecast.points[0]).toEqual({
      periodStart: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      weekStart: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      step: 1,
      mean: expect.any(Number),
      lo80: expect.any(Number),
      hi80: expect.any(Number),
      lo95: expect.any(Number),
      hi95: expect.any(Number),
    });
    // The model the backtest chose, in words with how often its 80% range held, and CSAT kept within 0–100%.
    const f = res.body.forecast;
    expect(["linear-trend", "random-walk"]).toContain(f.model);
    expect(f).toMatchObject({ minN: 8, scale: "logit", range: { low: 0, high: 100 }, backtest: { weeks: 7 } });
    expect(f.method).toBe(`${f.model === "linear-trend" ? "linear trend" : "random walk with drift"} on the logit scale; the 80% range held in ${f.backtest.held80} of 7 past weeks`);
    const full = (await forecast(`lagMeasureId=${lagA}`)).body;
    expect(full.forecast.points).toHaveLength(13);
    for (const p of full.forecast.points) expect(p.lo95 >= 0 && p.hi95 <= 100).toBe(true);
    // The answer is exactly what the OpenAPI document promises.
    expect(() => lagForecastSchema.parse(full)).not.toThrow();
  });

  it("answers 400 with field messages for bad parameters", async () => {
    const cases: [Promise<{ status: number; body: { error: { details: { fieldErrors: Record<string, string[]> } } } }>, string[]][] = [
      [leadLag(`lagMeasureId=${lagA}`), ["leadMeasureId"]],
      [leadLag(`leadMeasureId=${a.leadMeasureId}&lagMeasureId=${lagA}&maxLagWeeks=abc`), ["maxLagWeeks"]],
      [leadLag(`leadMeasureId=${a.leadMeasureId}&lagMeasureId=${lagA}&weeks=2&to=2026-02-30`), ["to", "weeks"]],
      [leadLag(`leadMeasureId=${a.leadMeasureId}&lagMeasureId=${lagA}&colour=red`), ["_form"]],
      [forecast(`lagMeasureId=${lagA}&weeks=0`), ["weeks"]],
      [forecast(`lagMeasureId=${lagA}&weeks=1.5`), ["weeks"]],
      [forecast(`lagMeasureId=not-a-uuid`), ["lagMeasureId"]],
    ];
    for (const [pending, fields] of cases) {
      const res = await pending;
      expect(res.status).toBe(400);
      expect(isErrorShape(res.body)).toBe(true);
      expect(Object.keys(res.body.error.details.fieldErrors).sort()).toEqual(fields);
    }
  });

  it("answers 404 for another organization's measures and teams", async () => {
    for (const res of [
      await leadLag(`leadMeasureId=${b.leadMeasureId}&lagMeasureId=${lagA}`),
      await leadLag(`leadMeasureId=${a.leadMeasureId}&lagMeasureId=${lagB}`),
      await leadLag(`leadMeasureId=${a.leadMeasureId}&lagMeasureId=${lagA}&teamId=${b.teamId}`),
      await forecast(`lagMeasureId=${lagB}`),
      await forecast(`lagMeasureId=${lagA}&teamId=${b.teamId}`),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("not_found");
      expect(JSON.stringify(res.body)).not.toContain("CSAT B");
    }
    // B's own token reaches B's measure: the 404 above is about the caller, not the id.
    expect((await forecast(`lagMeasureId=${lagB}`, b.token)).status).toBe(200);
  });

  it("refuses a token without measures:read (403) and a missing token (401)", async () => {
    const token = await a.tokenWith(["entries:read", "teams:read"]);
    for (const res of [await leadLag(`leadMeasureId=${a.leadMeasureId}&lagMeasureId=${lagA}`, token), await forecast(`lagMeasureId=${lagA}`, token)]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    expect((await forecast(`lagMeasureId=${lagA}`, null)).status).toBe(401);
  });

  it("refuses a member's session (403) and serves a manager's", async () => {
    session.userId = a.member.id;
    for (const res of [await leadLag(`leadMeasureId=${a.leadMeasureId}&lagMeasureId=${lagA}`, null), await forecast(`lagMeasureId=${lagA}`, null)]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    session.userId = a.manager.id;
    expect((await forecast(`lagMeasureId=${lagA}`, null)).status).toBe(200);
    // A manager of B asking for A's measure: not found, as for any id B does not have.
    session.userId = b.manager.id;
    expect((await forecast(`lagMeasureId=${lagA}`, null)).status).toBe(404);
  });
});
