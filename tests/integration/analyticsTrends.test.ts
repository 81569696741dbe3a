// What the trends page loads from its URL, on each database: the default measures (the first
// lag, then its declared driver), one selected team analysed alone, a team's own lag measure
// shown for its team, the forecast with how it was made — and another organization's ids in the
// URL never reaching its data.
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForecastMethod } from "@/app/(app)/dashboard/trends/ForecastMethod";
import { loadTrends } from "@/lib/views/trends";
import { loadTenantContext } from "@/lib/auth/loadContext";
import type { TenantContext } from "@/lib/auth/tenant";
import { AppError } from "@/lib/errors";
import { addDays } from "@/lib/domain/calendar/weeks";
import { createLagMeasure, createLagObservations, createLeadMeasure, createOrgWithTeam, createTeam, utcDate, type OrgWithTeam } from "@/lib/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";

const NOW = new Date("2026-06-17T12:00:00Z");

describe.each(testDbKinds())("the trends page's data [%s]", (kind) => {
  let t: TestDb;
  let a: OrgWithTeam;
  let b: OrgWithTeam;
  let ctxA: TenantContext;
  let ctxB: TenantContext;
  let ids: { aLag: string; aTeamLag: string; aDriver: string; aOtherTeam: string; bLag: string };

  beforeAll(async () => {
    t = await createTestDb(kind);
    a = await createOrgWithTeam(t.db);
    b = await createOrgWithTeam(t.db);
    ctxA = (await loadTenantContext(t.db, a.manager.id, a.organizationId))!;
    ctxB = (await loadTenantContext(t.db, b.manager.id, b.organizationId))!;
    const aOtherTeam = (await createTeam(t.db, a.organizationId, { name: "Billing" })).id;
    const aDriver = (await createLeadMeasure(t.db, a.organizationId, { name: "Recognitions given" })).id;
    const aLag = (await createLagMeasure(t.db, a.organizationId, { name: "A CSAT" })).id;
    await t.db.lagDriver.create({ data: { organizationId: a.organizationId, lagMeasureId: aLag, leadMeasureId: aDriver } });
    const aTeamLag = (await createLagMeasure(t.db, a.organizationId, { name: "Billing resolution time", teamId: aOtherTeam })).id;
    const bLag = (await createLagMeasure(t.db, b.organizationId, { name: "B NPS" })).id;
    ids = { aLag, aTeamLag, aDriver, aOtherTeam, bLag };
  });
  afterAll(async () => {
    await t?.close();
  });

  it("defaults to the first lag measure and its declared driver, for the whole organization", async () => {
    const d = await loadTrends(t.db, ctxA, {}, NOW);
    expect(d.lag?.name).toBe("A CSAT");
    expect(d.lead?.name).toBe("Recognitions given");
    expect(d.filters).toMatchObject({ lagMeasureId: ids.aLag, leadMeasureId: ids.aDriver, teamIds: [], lastWeek: "2026-06-15" });
    expect(d.team).toBeNull();
    expect(d.range).toHaveLength(13);
    expect(d.analysis?.declaredDriver).toBe(true);
    expect(d.forecast?.forecast.kind).toBe("insufficient");
    const note = renderToStaticMarkup(ForecastMethod({ forecast: d.forecast!.forecast, cadence: d.forecast!.cadence, unit: "%", locale: "en-GB" }));
    expect(note).toContain("No forecast: not enough weeks for a range yet: 0 of 8.");
  });

  it("forecasts a CSAT near 100% without passing 100%, and says which model and how often its range held", async () => {
    const csat = await createLagMeasure(t.db, a.organizationId, { name: "Z CSAT" });
    const values = [95, 96.5, 97, 96, 98, 97.5, 98.5, 99, 98, 99.5, 100, 99];
    await createLagObservations(
      t.db,
      a.organizationId,
      values.map((value, i) => ({ lagMeasureId: csat.id, teamId: null, observedOn: utcDate(addDays("2026-06-15", -7 * (values.length - 1 - i))), value })),
    );
    const d = await loadTrends(t.db, ctxA, { lag: csat.id }, NOW);
    const f = d.forecast!.forecast;
    expect(f).toMatchObject({ kind: "forecast", n: 12, scale: "logit", range: { low: 0, high: 100 }, backtest: { weeks: 7 } });
    expect(f.points).toHaveLength(13);
    for (const p of f.points) expect(p.hi95).toBeLessThanOrEqual(100);
    const note = renderToStaticMarkup(ForecastMethod({ forecast: f, cadence: d.forecast!.cadence, unit: "%", locale: "en-GB" }));
    expect(note).toMatch(
      /^<p[^>]*>Forecast by a (linear trend|random walk with drift) on the logit scale: its one-week-ahead forecasts of the past 7 weeks erred by [\d.]+% on average, against [\d.]+% for the next best, a (linear trend|random walk with drift) on the logit scale\. The 80% range held in \d of 7 past weeks\. Kept within 0% to 100%\.<\/p>$/,
    );
  });

  it("analyses one selected team alone, and several selected teams as the organization", async () => {
    const one = await loadTrends(t.db, ctxA, { teams: a.teamId, lag: ids.aLag, lead: a.leadMeasureId }, NOW);
    expect(one.team).toEqual({ id: a.teamId, name: "Support Team" });
    expect(one.analysis?.teamId).toBe(a.teamId);
    expect(one.lead?.name).toBe("Coaching conversations");
    const two = await loadTrends(t.db, ctxA, { teams: `${a.teamId},${ids.aOtherTeam}` }, NOW);
    expect(two.team).toBeNull();
    expect(two.scopeNote).toMatch(/^2 teams are selected/);
  });

  it("shows a team's own lag measure for its team, whatever the team filter says", async () => {
    const d = await loadTrends(t.db, ctxA, { lag: ids.aTeamLag, teams: a.teamId }, NOW);
    expect(d.team).toEqual({ id: ids.aOtherTeam, name: "Billing" });
    expect(d.scopeNote).toBe("Billing resolution time is Billing's own measure, so Billing is shown.");
    expect(d.forecast?.teamId).toBe(ids.aOtherTeam);
  });

  it("ignores another organization's ids in the URL and shows nothing of theirs", async () => {
    const d = await loadTrends(t.db, ctxB, { lag: ids.aLag, lead: ids.aDriver, teams: a.teamId }, NOW);
    expect(d.lag?.id).toBe(ids.bLag);
    expect(d.lead?.id).toBe(b.leadMeasureId);
    expect(d.filters.teamIds).toEqual([]);
    const text = JSON.stringify(d);
    for (const secret of [a.organizationId, a.teamId, ids.aLag, ids.aDriver, "A CSAT", "Recognitions given"]) expect(text).not.toContain(secret);
  });

  it("refuses a member", async () => {
    const member = (await loadTenantContext(t.db, a.member.id, a.organizationId))!;
    const err = await loadTrends(t.db, member, {}, NOW).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("forbidden");
  });
});
