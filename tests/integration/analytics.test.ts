// The weekly series behind the trends page and the analytics API, and the services on top of
// them, on each database against small fixtures whose answers are worked out by hand:
// lead weeks without entries are 0, lag weeks without values are missing, weeks follow the
// organization's first day, and the lead → lag analysis finds a relationship planted k weeks late.
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LeadLagPanel } from "@/app/(app)/dashboard/trends/LeadLagPanel";
import { loadTenantContext } from "@/lib/auth/loadContext";
import type { TenantContext } from "@/lib/auth/tenant";
import { analyzeLeadLag } from "@/lib/domain/stats/leadLag";
import { addDays } from "@/lib/domain/calendar/weeks";
import { AppError } from "@/lib/errors";
import { Direction, LagKind, Role } from "@/lib/generated/prisma/enums";
import { lagWeeklySeries } from "@/lib/queries/lagWeeklySeries";
import { leadWeeklySeries } from "@/lib/queries/leadWeeklySeries";
import {
  addMembership,
  addTeamMember,
  createLagMeasure,
  createLagObservations,
  createLeadEntries,
  createLeadMeasure,
  createOrgWithTeam,
  createTeam,
  createUser,
  utcDate,
  type OrgWithTeam,
} from "@/lib/seed/factories";
import { lagForecast, leadLagAnalysis } from "@/lib/views/analytics";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";

/** "Now" for the services: Monday 15 June 2026, so the current week is known. */
const NOW = new Date("2026-06-15T12:00:00Z");
const CURRENT_WEEK = "2026-06-15";

/** A deterministic uniform [0, 1) sequence (an LCG), so planted data is the same on every run. */
function uniform(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function managerOf(db: TestDb["db"], org: OrgWithTeam): Promise<TenantContext> {
  return (await loadTenantContext(db, org.manager.id, org.organizationId))!;
}

async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

describe.each(testDbKinds())("weekly lead and lag series [%s]", (kind) => {
  let t: TestDb;
  let a: OrgWithTeam;
  let b: OrgWithTeam;
  let teamB: string;
  let lagId: string;

  beforeAll(async () => {
    t = await createTestDb(kind);
    a = await createOrgWithTeam(t.db);
    b = await createOrgWithTeam(t.db);
    teamB = (await createTeam(t.db, a.organizationId, { name: "Billing" })).id;
    await addTeamMember(t.db, a.organizationId, teamB, a.member.id);
    const entry = (teamId: string, date: string, value: number) => ({
      teamId,
      leadMeasureId: a.leadMeasureId,
      userId: a.member.id,
      entryDate: utcDate(date),
      value,
    });
    // Mon 5 Jan 2026 … Sun 11 Jan is one Monday-week; Sun 11 Jan starts a Sunday-week.
    await createLeadEntries(t.db, a.organizationId, [
      entry(a.teamId, "2026-01-05", 2),
      entry(a.teamId, "2026-01-11", 3),
      entry(teamB, "2026-01-06", 4),
      entry(a.teamId, "2026-01-19", 1),
      entry(a.teamId, "2026-01-26", 50), // after the range: never counted
    ]);
    lagId = (await createLagMeasure(t.db, a.organizationId, { name: "CSAT" })).id;
    const obs = (teamId: string | null, date: string, value: number) => ({ lagMeasureId: lagId, teamId, observedOn: utcDate(date), value });
    await createLagObservations(t.db, a.organizationId, [
      obs(null, "2026-01-05", 80),
      obs(null, "2026-01-07", 82),
      obs(null, "2026-01-25", 84), // a Sunday: the end of the Monday-week of 19 Jan
      obs(a.teamId, "2026-01-13", 70),
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const lead = (params: { teamId?: string | null; firstWeek: string; lastWeek: string; weekStartsOn: number; organizationId?: string }) =>
    leadWeeklySeries(t.db, { organizationId: a.organizationId, leadMeasureId: a.leadMeasureId, ...params });
  const lag = (params: { teamId?: string | null; firstWeek: string; lastWeek: string; weekStartsOn: number; organizationId?: string }) =>
    lagWeeklySeries(t.db, { organizationId: a.organizationId, lagMeasureId: lagId, ...params });
  const monday = { firstWeek: "2026-01-05", lastWeek: "2026-01-19", weekStartsOn: 1 };

  it("totals a lead measure per Monday-week, with 0 in a week without entries", async () => {
    expect(await lead(monday)).toEqual([
      { weekStart: "2026-01-05", value: 9 },
      { weekStart: "2026-01-12", value: 0 },
      { weekStart: "2026-01-19", value: 1 },
    ]);
  });

  it("totals one team's entries only when a team is given", async () => {
    expect((await lead({ ...monday, teamId: a.teamId })).map((w) => w.value)).toEqual([5, 0, 1]);
    expect((await lead({ ...monday, teamId: teamB })).map((w) => w.value)).toEqual([4, 0, 0]);
  });

  it("follows an organization whose weeks start on Sunday", async () => {
    // Weekly lead totals are kept in the organization's own calendar (LeadWeekTotal), so the
    // organization moves to Sunday-weeks first, as its settings page would do.
    await t.db.organization.update({ where: { id: a.organizationId }, data: { weekStartsOn: 0 } });
    try {
      expect(await lead({ firstWeek: "2026-01-04", lastWeek: "2026-01-18", weekStartsOn: 0 })).toEqual([
        { weekStart: "2026-01-04", value: 6 },
        { weekStart: "2026-01-11", value: 3 },
        { weekStart: "2026-01-18", value: 1 },
      ]);
    } finally {
      await t.db.organization.update({ where: { id: a.organizationId }, data: { weekStartsOn: 1 } });
    }
  });

  it("averages a lag measure's organization-wide values per week, with null in a week without one", async () => {
    expect(await lag(monday)).toEqual([
      { weekStart: "2026-01-05", value: 81 },
      { weekStart: "2026-01-12", value: null },
      { weekStart: "2026-01-19", value: 84 },
    ]);
    // The same Sunday value starts a new week when weeks start on Sunday.
    expect((await lag({ firstWeek: "2026-01-04", lastWeek: "2026-01-25", weekStartsOn: 0 })).map((w) => w.value)).toEqual([81, null, null, 84]);
  });

  it("takes a team's own lag values when a team is given", async () => {
    expect((await lag({ ...monday, teamId: a.teamId })).map((w) => w.value)).toEqual([null, 70, null]);
    expect((await lag({ ...monday, teamId: teamB })).map((w) => w.value)).toEqual([null, null, null]);
  });

  it("finds nothing under another organization's id, even with this organization's measure", async () => {
    // This organization never tracked the other's measure: its weeks are missing, not zeros.
    expect((await lead({ ...monday, organizationId: b.organizationId })).map((w) => w.value)).toEqual([null, null, null]);
    expect((await lag({ ...monday, organizationId: b.organizationId })).map((w) => w.value)).toEqual([null, null, null]);
  });
});

describe.each(testDbKinds())("lead → lag analysis and lag forecasts [%s]", (kind) => {
  let t: TestDb;
  let a: OrgWithTeam;
  let b: OrgWithTeam;
  let ctx: TenantContext;
  let planted: { lead: number[]; lag: number[] };
  let csatId: string;
  let linearId: string;
  let sparseId: string;
  let bLagId: string;

  const WEEKS = 52;
  const weeks = Array.from({ length: WEEKS }, (_, i) => addDays(CURRENT_WEEK, -7 * (WEEKS - 1 - i)));

  beforeAll(async () => {
    t = await createTestDb(kind);
    a = await createOrgWithTeam(t.db);
    b = await createOrgWithTeam(t.db);
    ctx = await managerOf(t.db, a);

    // Planted: each week's lag changes by 0.5 × the lead's change three weeks earlier, plus noise.
    const u = uniform(42);
    const lead = weeks.map(() => 10 + Math.floor(u() * 20));
    const lag: number[] = [];
    weeks.forEach((_, i) => {
      const driver = i >= 4 ? lead[i - 3]! - lead[i - 4]! : 0;
      lag.push((i === 0 ? 70 : lag[i - 1]!) + 0.5 * driver + (u() - 0.5) * 0.4);
    });
    planted = { lead, lag };
    // The weekly total is split over two days (and the mean over two values) to exercise the sums.
    await createLeadEntries(
      t.db,
      a.organizationId,
      weeks.flatMap((w, i) => [
        { teamId: a.teamId, leadMeasureId: a.leadMeasureId, userId: a.member.id, entryDate: utcDate(addDays(w, 1)), value: lead[i]! - 4 },
        { teamId: a.teamId, leadMeasureId: a.leadMeasureId, userId: a.manager.id, entryDate: utcDate(addDays(w, 3)), value: 4 },
      ]),
    );
    csatId = (await createLagMeasure(t.db, a.organizationId, { name: "CSAT weekly" })).id;
    await createLagObservations(
      t.db,
      a.organizationId,
      weeks.flatMap((w, i) => [
        { lagMeasureId: csatId, teamId: null, observedOn: utcDate(addDays(w, 2)), value: lag[i]! - 1 },
        { lagMeasureId: csatId, teamId: null, observedOn: utcDate(addDays(w, 4)), value: lag[i]! + 1 },
      ]),
    );
    await t.db.lagDriver.create({ data: { organizationId: a.organizationId, lagMeasureId: csatId, leadMeasureId: a.leadMeasureId } });

    // A resolution time falling by exactly 0.5 hours a week over the last 26 weeks.
    linearId = (
      await createLagMeasure(t.db, a.organizationId, {
        name: "Resolution time",
        kind: LagKind.DURATION,
        unit: "hours",
        direction: Direction.LOWER_IS_BETTER,
        baselineValue: 30,
        targetValue: 18,
      })
    ).id;
    await createLagObservations(
      t.db,
      a.organizationId,
      weeks.slice(-26).map((w, i) => ({ lagMeasureId: linearId, teamId: null, observedOn: utcDate(w), value: 30 - 0.5 * i })),
    );

    // Five weekly values only: too little for either.
    sparseId = (await createLagMeasure(t.db, a.organizationId, { name: "NPS" })).id;
    await createLagObservations(
      t.db,
      a.organizationId,
      weeks.slice(-6, -4).map((w, i) => ({ lagMeasureId: sparseId, teamId: null, observedOn: utcDate(w), value: 20 + i })),
    );
    bLagId = (await createLagMeasure(t.db, b.organizationId, { name: "CSAT B" })).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("finds the planted relationship three weeks later, with the numbers of the pure analysis", async () => {
    const r = await leadLagAnalysis(t.db, ctx, { leadMeasureId: a.leadMeasureId, lagMeasureId: csatId }, NOW);
    expect(r.window).toEqual({ firstWeek: weeks[0], lastWeek: CURRENT_WEEK, weeks: 52, weekStartsOn: 1 });
    expect(r.series.map((w) => w.lead)).toEqual(planted.lead);
    r.series.forEach((w, i) => expect(w.lag).toBeCloseTo(planted.lag[i]!, 9));
    expect(r.bestK).toBe(3);
    expect(r.verdict.kind).toBe("predictive");
    expect(r.verdict.text).toMatch(/^Predictive in the data so far \(p = 0\.001 across the 9 lags tested, n = 48, strongest 3 weeks later\)/);
    expect(r.verdict.text).toMatch(/using it cuts the one-week-ahead error by \d+% \(42 weeks tested\)/);
    // Raw and adjusted p side by side; alone on the page, q is the pair's family-wise p.
    expect(r.evidence).toMatchObject({ k: 3, n: 48, pFamily: 0.001, q: 0.001, pairs: 1, permutations: 999, lagsTested: 9 });
    expect(r.evidence!.pRaw).toBeLessThan(1e-20);
    expect(r.evidence!.forecast!.errorReduction).toBeGreaterThan(0.5);
    expect(r.declaredDriver).toBe(true);
    expect(r.teamId).toBeNull();
    expect(r.lagMeasure.direction).toBe("HIGHER_IS_BETTER");

    const expected = analyzeLeadLag({ lead: planted.lead, lag: planted.lag, direction: "HIGHER_IS_BETTER", maxLagWeeks: 8 });
    expect(r.fits.map((f) => f.n)).toEqual(expected.fits.map((f) => f.n));
    expect(r.fits.map((f) => f.n)).toEqual([51, 50, 49, 48, 47, 46, 45, 44, 43]);
    const k3 = r.fits[3]!;
    expect(k3.slope).toBeCloseTo(0.5, 1);
    expect(k3.slope!).toBeCloseTo(expected.fits[3]!.slope!, 9);
    expect(k3.r2!).toBeGreaterThan(0.95);
    expect(k3.ci95![0]).toBeLessThan(0.5);
    expect(k3.ci95![1]).toBeGreaterThan(0.5);
    expect(k3.enoughData).toBe(true);
    expect(k3.hac!.ci95[0]).toBeLessThan(0.5);
    expect(k3.hac!.ci95[1]).toBeGreaterThan(0.5);
    // Plain JSON numbers all the way down: nothing that JSON would turn into null or a string.
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);

    // The trends panel shows the adjusted p and q beside the verdict, and the forecast check.
    const html = renderToStaticMarkup(LeadLagPanel({ analysis: r, scopeName: "Acme", locale: "en-GB" }));
    expect(html).toContain("Predictive so far");
    expect(html).toMatch(/p at the strongest lag alone: &lt; 0\.001; across the 9 lags tested: 0\.001 \(999 seeded\s+permutations\); q: 0\.001 \(this pair alone, so q = p\)/);
    expect(html).toMatch(/One-week-ahead error with [^<]+ \d+% smaller than without it, over 42 weeks/);
    expect(html).not.toMatch(/\bprove/i);
  });

  it("analyses one team, and a shorter window and fewer lags when asked", async () => {
    const r = await leadLagAnalysis(
      t.db,
      ctx,
      { leadMeasureId: a.leadMeasureId, lagMeasureId: csatId, teamId: a.teamId, maxLagWeeks: 4, weeks: 20, to: "2026-06-10" },
      NOW,
    );
    expect(r.teamId).toBe(a.teamId);
    // The team records no CSAT of its own, so it is compared with the organization's.
    expect(r.lagValuesOf).toBe("organization");
    expect(r.window).toEqual({ firstWeek: addDays("2026-06-08", -7 * 19), lastWeek: "2026-06-08", weeks: 20, weekStartsOn: 1 });
    expect(r.series).toHaveLength(20);
    expect(r.fits.map((f) => f.k)).toEqual([0, 1, 2, 3, 4]);
    expect(r.bestK).toBe(3);
  });

  it("says plainly when there is not enough data, and claims nothing", async () => {
    const r = await leadLagAnalysis(t.db, ctx, { leadMeasureId: a.leadMeasureId, lagMeasureId: sparseId }, NOW);
    expect(r.bestK).toBeNull();
    expect(r.verdict).toEqual({
      kind: "insufficient",
      text: "Not enough data yet (n < 8): at most 1 week-to-week change where both measures were recorded.",
    });
    expect(r.fits.every((f) => !f.enoughData)).toBe(true);
    expect(r.declaredDriver).toBe(false);
  });

  it("forecasts a resolution time falling by the same amount each week as a straight line, with bands that close on it", async () => {
    const f = await lagForecast(t.db, ctx, { lagMeasureId: linearId }, NOW);
    expect(f.history).toHaveLength(26);
    expect(f.history[0]).toEqual({ weekStart: weeks[26], value: 30 });
    expect(f.history[25]).toEqual({ weekStart: CURRENT_WEEK, value: 17.5 });
    // A time is kept at or above zero. Its log scale would bend the line: the backtest prefers it as it is.
    expect(f.forecast).toMatchObject({ kind: "forecast", n: 26, model: "linear-trend", scale: "linear", range: { low: 0, high: null } });
    expect(f.forecast.method).toBe("linear trend; the 80% range held in 21 of 21 past weeks");
    expect(f.forecast.slopePerWeek).toBeCloseTo(-0.5, 9);
    expect(f.forecast.points).toHaveLength(13);
    f.forecast.points.forEach((p, i) => {
      expect(p.step).toBe(i + 1);
      expect(p.weekStart).toBe(addDays(CURRENT_WEEK, 7 * (i + 1)));
      expect(p.mean).toBeCloseTo(17.5 - 0.5 * (i + 1), 6);
      expect(p.hi95 - p.lo95).toBeLessThan(1e-6);
    });
    expect(f.lagMeasure).toMatchObject({ direction: "LOWER_IS_BETTER", baseline: { value: 30 }, target: { value: 18 } });
  });

  it("widens the bands with noise, 95% around 80% around the trend, for the weeks asked", async () => {
    const f = await lagForecast(t.db, ctx, { lagMeasureId: csatId, weeks: "4" }, NOW);
    expect(f.forecast.points.map((p) => p.step)).toEqual([1, 2, 3, 4]);
    for (const p of f.forecast.points) {
      expect(p.lo95).toBeLessThan(p.lo80);
      expect(p.lo80).toBeLessThan(p.mean);
      expect(p.mean).toBeLessThan(p.hi80);
      expect(p.hi80).toBeLessThan(p.hi95);
    }
    const later = f.forecast.points[3]!;
    const sooner = f.forecast.points[0]!;
    expect(later.hi95 - later.lo95).toBeGreaterThan(sooner.hi95 - sooner.lo95);
  });

  it("gives no forecast with fewer than 8 weeks of values, and says how many there are", async () => {
    const f = await lagForecast(t.db, ctx, { lagMeasureId: sparseId }, NOW);
    expect(f.forecast).toEqual({
      kind: "insufficient",
      n: 2,
      slopePerWeek: null,
      reason: "not enough weeks for a range yet: 2 of 8.",
      minN: 8,
      model: null,
      method: null,
      scale: null,
      // An NPS, by its name: it would be kept within −100…100.
      range: { low: -100, high: 100 },
      backtest: null,
      points: [],
    });
  });

  it("answers 404 for another organization's measures and teams, and reveals nothing", async () => {
    await expectAppError(leadLagAnalysis(t.db, ctx, { leadMeasureId: b.leadMeasureId, lagMeasureId: csatId }, NOW), "not_found");
    await expectAppError(leadLagAnalysis(t.db, ctx, { leadMeasureId: a.leadMeasureId, lagMeasureId: bLagId }, NOW), "not_found");
    await expectAppError(leadLagAnalysis(t.db, ctx, { leadMeasureId: a.leadMeasureId, lagMeasureId: csatId, teamId: b.teamId }, NOW), "not_found");
    await expectAppError(lagForecast(t.db, ctx, { lagMeasureId: bLagId }, NOW), "not_found");
    await expectAppError(lagForecast(t.db, ctx, { lagMeasureId: csatId, teamId: b.teamId }, NOW), "not_found");
    // B's manager asking about A's measures gets the same answer as for ids that do not exist.
    const bCtx = await managerOf(t.db, b);
    await expectAppError(lagForecast(t.db, bCtx, { lagMeasureId: csatId }, NOW), "not_found");
  });

  it("refuses members (403) and bad parameters (400 with field messages)", async () => {
    const memberCtx = (await loadTenantContext(t.db, a.member.id, a.organizationId))!;
    await expectAppError(leadLagAnalysis(t.db, memberCtx, { leadMeasureId: a.leadMeasureId, lagMeasureId: csatId }, NOW), "forbidden");
    await expectAppError(lagForecast(t.db, memberCtx, { lagMeasureId: csatId }, NOW), "forbidden");
    const bad = await expectAppError(
      leadLagAnalysis(t.db, ctx, { leadMeasureId: "nope", lagMeasureId: csatId, maxLagWeeks: "99", weeks: "3" }, NOW),
      "validation_failed",
    );
    expect(Object.keys(bad.details!.fieldErrors!).sort()).toEqual(["leadMeasureId", "maxLagWeeks", "weeks"]);
    const tooFar = await expectAppError(lagForecast(t.db, ctx, { lagMeasureId: csatId, weeks: "27" }, NOW), "validation_failed");
    expect(tooFar.details!.fieldErrors!.weeks).toEqual(["The number of weeks is at most 26."]);
  });

  it("analyses a team's own lag measure for that team only", async () => {
    const owner = await createUser(t.db);
    await addMembership(t.db, a.organizationId, owner.id, Role.OWNER);
    const other = await createTeam(t.db, a.organizationId, { name: "Escalations" });
    const own = await createLagMeasure(t.db, a.organizationId, { name: "Team CSAT", teamId: a.teamId });
    await createLagObservations(t.db, a.organizationId, [{ lagMeasureId: own.id, teamId: a.teamId, observedOn: utcDate(CURRENT_WEEK), value: 90 }]);
    const f = await lagForecast(t.db, ctx, { lagMeasureId: own.id }, NOW);
    expect(f.teamId).toBe(a.teamId);
    expect(f.lagValuesOf).toBe("team");
    expect(f.history[25]!.value).toBe(90);
    const clash = await expectAppError(lagForecast(t.db, ctx, { lagMeasureId: own.id, teamId: other.id }, NOW), "validation_failed");
    expect(clash.details!.fieldErrors!.teamId).toBeDefined();
    // Archived lead measures keep their history and can still be analysed.
    const archived = await createLeadMeasure(t.db, a.organizationId, { name: "Old habit", archivedAt: new Date() });
    const r = await leadLagAnalysis(t.db, ctx, { leadMeasureId: archived.id, lagMeasureId: csatId }, NOW);
    // No team ever tracked it: every week is missing, not a week of zero activity.
    expect(r.series.every((w) => w.lead === null)).toBe(true);
  });
});
