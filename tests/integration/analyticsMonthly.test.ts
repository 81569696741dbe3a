// Issue #13: a lag measure observed monthly (retention, NPS) is analysed at its own cadence —
// monthly lead totals against its monthly means, lags in months — instead of weekly pairs it can
// never fill (a value one week in four has no week-to-week changes). On each database: a planted
// monthly relation is found a month later, an unrelated monthly measure is not called, and the
// same observations judged week by week stay "not enough data".
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForecastMethod } from "@/app/(app)/dashboard/trends/ForecastMethod";
import { LeadLagPanel } from "@/app/(app)/dashboard/trends/LeadLagPanel";
import { buildOverlayChart } from "@/lib/charts/overlayChart";
import { loadTenantContext } from "@/lib/auth/loadContext";
import type { TenantContext } from "@/lib/auth/tenant";
import { addMonths, lastDayOfMonth } from "@/lib/domain/calendar/months";
import { createRng } from "@/lib/domain/stats/random";
import { createLagMeasure, createLagObservations, createLeadEntries, createOrgWithTeam, utcDate, type OrgWithTeam } from "@/lib/seed/factories";
import { lagForecast, leadLagAnalysis } from "@/lib/views/analytics";
import { loadTrends } from "@/lib/views/trends";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";

/** "Now": Tuesday 15 June 2027. The last complete month is May 2027. */
const NOW = new Date("2027-06-15T12:00:00Z");
/** The team began tracking on 1 July 2025: 23 complete months to May 2027. */
const FIRST_MONTH = "2025-07";
const MONTHS = Array.from({ length: 23 }, (_, i) => addMonths(FIRST_MONTH, i));

/** Monthly lead totals (a random walk), a lag that follows their changes a month later, and one that does not. */
function planted(seed: number) {
  const rng = createRng(seed);
  const lead: number[] = [];
  let level = 120;
  for (const _ of MONTHS) {
    level = Math.max(20, level + rng.normal(0, 12));
    lead.push(Math.round(level));
  }
  const related: number[] = [];
  const unrelated: number[] = [];
  let r = 86;
  let u = 22;
  MONTHS.forEach((_, i) => {
    const driver = i >= 2 ? lead[i - 1]! - lead[i - 2]! : 0;
    r += 0.05 * driver + rng.normal(0, 0.4);
    u += rng.normal(0, 2.5);
    related.push(Math.round(r * 10) / 10);
    unrelated.push(Math.round(u));
  });
  return { lead, related, unrelated };
}

describe.each(testDbKinds())("lead → lag at a monthly lag measure's cadence [%s]", (kind) => {
  let t: TestDb;
  let a: OrgWithTeam;
  let ctx: TenantContext;
  let retention = "";
  let nps = "";
  let weeklyRetention = "";
  const data = planted(7);

  beforeAll(async () => {
    t = await createTestDb(kind);
    a = await createOrgWithTeam(t.db, { timeZone: "Europe/London" });
    ctx = (await loadTenantContext(t.db, a.manager.id, a.organizationId))!;
    const org = a.organizationId;
    await t.db.teamLeadMeasure.update({
      where: { organizationId_teamId_leadMeasureId: { organizationId: org, teamId: a.teamId, leadMeasureId: a.leadMeasureId } },
      data: { createdAt: new Date("2025-07-01T08:00:00Z") },
    });
    // Each month's total is logged on three days; the last one on the month's last day, so the
    // weeks that straddle two months are split by entry date.
    await createLeadEntries(
      t.db,
      org,
      MONTHS.flatMap((m, i) => {
        const third = Math.floor(data.lead[i]! / 3);
        const day = (d: string, value: number) => ({ teamId: a.teamId, leadMeasureId: a.leadMeasureId, userId: a.member.id, entryDate: utcDate(d), value });
        return [day(`${m}-02`, third), day(`${m}-15`, third), day(lastDayOfMonth(m), data.lead[i]! - 2 * third)];
      }),
    );
    const measure = async (name: string, cadence: "MONTHLY" | "WEEKLY", values: number[]) => {
      const id = (await createLagMeasure(t.db, org, { name, cadence })).id;
      // Observed once a month, on its last day (like the demo's retention and NPS).
      await createLagObservations(
        t.db,
        org,
        MONTHS.map((m, i) => ({ lagMeasureId: id, teamId: null, observedOn: utcDate(lastDayOfMonth(m)), value: values[i]! })),
      );
      await t.db.lagDriver.create({ data: { organizationId: org, lagMeasureId: id, leadMeasureId: a.leadMeasureId } });
      return id;
    };
    retention = await measure("Customer retention", "MONTHLY", data.related);
    nps = await measure("NPS", "MONTHLY", data.unrelated);
    weeklyRetention = await measure("Retention judged weekly", "WEEKLY", data.related);
  });
  afterAll(async () => {
    await t?.close();
  });

  const analyse = (lagMeasureId: string) => leadLagAnalysis(t.db, ctx, { leadMeasureId: a.leadMeasureId, lagMeasureId }, NOW);

  it("pairs monthly lead totals with the monthly means, the months before tracking empty", async () => {
    const r = await analyse(retention);
    expect(r.cadence).toBe("monthly");
    expect(r.periods).toEqual({ first: "2024-06-01", last: "2027-05-01", count: 36 });
    expect(r.series).toHaveLength(36);
    expect(r.series.slice(0, 13).every((m) => m.lead === null)).toBe(true);
    expect(r.series.slice(13).map((m) => [m.periodStart, m.lead, m.lag])).toEqual(MONTHS.map((m, i) => [`${m}-01`, data.lead[i], data.related[i]]));
    expect(r.fits.map((f) => f.k)).toEqual([0, 1, 2, 3]);
    expect(r.fits.map((f) => f.n)).toEqual([22, 21, 20, 19]);
    expect(r.maxLag).toBe(3);
  });

  it("finds the planted relation a month later, and says so in months", async () => {
    const r = await analyse(retention);
    expect(r.verdict.kind).toBe("predictive");
    expect(r.bestK).toBe(1);
    expect(r.verdict.text).toMatch(/^Predictive in the data so far \(p = 0\.0\d\d across the 4 lags tested, n = 21, strongest 1 month later\): months with more/);
    expect(r.verdict.text).toMatch(/one-month-ahead error by \d+% \(\d+ months tested\)/);
    const html = renderToStaticMarkup(LeadLagPanel({ analysis: r, scopeName: "Acme", locale: "en-GB" }));
    expect(html).toContain("month by month, as Customer retention is observed monthly: the months from Jun 2024 to May 2027");
    expect(html).toContain("1 month later");
    expect(html).not.toMatch(/weeks? later/);
  });

  it("does not call a monthly measure that moves on its own", async () => {
    const r = await analyse(nps);
    expect(r.cadence).toBe("monthly");
    expect(r.evidence).not.toBeNull();
    expect(["none", "weak"]).toContain(r.verdict.kind);
  });

  it("shows the trends page's overlay month by month, labelled with months, while the lag chart keeps its weeks", async () => {
    const d = await loadTrends(t.db, ctx, { lag: retention, lead: a.leadMeasureId }, NOW);
    expect(d.overlay?.cadence).toBe("monthly");
    const overlay = buildOverlayChart({ lead: { name: "Calls", unit: "" }, lag: { name: "Customer retention", unit: "%", direction: "HIGHER_IS_BETTER" }, series: d.overlay!.series, cadence: d.overlay!.cadence, locale: "en-GB" });
    expect(overlay.labels.slice(-2)).toEqual(["Apr 2027", "May 2027"]);
    expect(overlay.rows.at(-1)).toMatchObject({ lead: data.lead.at(-1), lag: data.related.at(-1) });
    expect(overlay.summary).toMatch(/^Calls \(monthly total, left axis\) and Customer retention \(monthly mean, right axis, higher is better\) over 36 months/);
    // The lag chart's range stays weekly (its forecast is weekly): a week ending a month carries that month's value.
    expect(d.range.every((w) => new Date(`${w.weekStart}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    expect(d.range.some((w) => w.lag === data.related.at(-1))).toBe(true);
  });

  it("forecasts a monthly measure month by month from its monthly means, where week by week it never could", async () => {
    const f = await lagForecast(t.db, ctx, { lagMeasureId: retention }, NOW);
    expect(f.cadence).toBe("monthly");
    // The 26 months through May 2027 (June has no value yet): the 23 observed ones are fitted on.
    expect(f.fittedOn).toHaveLength(26);
    expect(f.fittedOn.at(-1)).toEqual({ periodStart: "2027-05-01", value: data.related.at(-1) });
    expect(f.forecast.kind).toBe("forecast");
    expect(f.forecast.n).toBe(23);
    expect(f.forecast.method).toMatch(/; the 80% range held in \d+ of 18 past months$/);
    // 13 weeks ahead are three whole months, each placed on the week holding its last day.
    expect(f.forecast.points.map((p) => [p.periodStart, p.weekStart, p.step])).toEqual([
      ["2027-06-01", "2027-06-28", 1],
      ["2027-07-01", "2027-07-26", 2],
      ["2027-08-01", "2027-08-30", 3],
    ]);
    for (const p of f.forecast.points) expect(p.lo95 <= p.lo80 && p.lo80 <= p.mean && p.mean <= p.hi80 && p.hi80 <= p.hi95).toBe(true);
    const html = renderToStaticMarkup(ForecastMethod({ forecast: f.forecast, cadence: f.cadence, unit: "%", locale: "en-GB" }));
    expect(html).toContain("one-month-ahead forecasts of the past 18 months");
    expect(html).not.toMatch(/past \d+ weeks/);

    // The same observations recorded as a weekly measure: about six values in any 26 weeks.
    const weekly = await lagForecast(t.db, ctx, { lagMeasureId: weeklyRetention }, NOW);
    expect(weekly.cadence).toBe("weekly");
    expect(weekly.forecast).toMatchObject({ kind: "insufficient", n: 6, reason: "not enough weeks for a range yet: 6 of 8." });
  });

  it("a monthly measure with too few months says so in months", async () => {
    const young = await createLagMeasure(t.db, a.organizationId, { name: "Young NPS", cadence: "MONTHLY" });
    await createLagObservations(
      t.db,
      a.organizationId,
      MONTHS.slice(-5).map((m, i) => ({ lagMeasureId: young.id, teamId: null, observedOn: utcDate(lastDayOfMonth(m)), value: 20 + i })),
    );
    const f = await lagForecast(t.db, ctx, { lagMeasureId: young.id }, NOW);
    expect(f.forecast).toMatchObject({ kind: "insufficient", n: 5, reason: "not enough months for a range yet: 5 of 8.", points: [] });
  });

  it("judged week by week, the same monthly observations never have enough data", async () => {
    const r = await analyse(weeklyRetention);
    expect(r.cadence).toBe("weekly");
    expect(r.verdict.kind).toBe("insufficient");
    expect(r.verdict.text).toBe("Not enough data yet (n < 8): at most 0 week-to-week changes where both measures were recorded.");
  });
});
