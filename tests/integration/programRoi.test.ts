// A program's ROI from the organization's own data, on each database: the group series in SQL
// against a small fixture with known answers, and a program over the demo data whose every
// number traces to its inputs — private to its organization and reproducible by its seed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTenantContext } from "@/lib/auth/loadContext";
import type { TenantContext } from "@/lib/auth/tenant";
import { programSeriesLag } from "@/lib/queries/programSeriesLag";
import { leadWeeklySeries } from "@/lib/queries/leadWeeklySeries";
import { DEMO_USERS } from "@/lib/seed/demo/catalogue";
import { seedDemo } from "@/lib/seed/demo/seedDemo";
import { DEMO_PROGRAM_NAME } from "@/lib/seed/demo/program";
import {
  createLagMeasure,
  createLagObservations,
  createLeadEntries,
  createOrgWithTeam,
  assignLeadMeasure,
  createTeam,
  utcDate,
  type OrgWithTeam,
} from "@/lib/seed/factories";
import { addMonths, lastDayOfMonth } from "@/lib/domain/calendar/months";
import { formatNumber } from "@/lib/domain/format";
import { heldText, modelText } from "@/lib/domain/stats/forecast";
import { lagForecast } from "@/lib/views/analytics";
import { computeProgramRoi } from "@/lib/views/programRoi";
import { appErrorOf, contextOf } from "../helpers/context";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";

/** "Now" for the demo and the services: Wednesday 17 June 2026. */
const NOW = new Date("2026-06-17T12:00:00Z");

describe.each(testDbKinds())("weekly series of a program's team groups [%s]", (kind) => {
  let t: TestDb;
  let a: OrgWithTeam;
  let b: OrgWithTeam;
  let teamB: string;
  let teamC: string;
  let lagId: string;
  const monday = { firstWeek: "2026-01-05", lastWeek: "2026-01-19", weekStartsOn: 1 };

  beforeAll(async () => {
    t = await createTestDb(kind);
    a = await createOrgWithTeam(t.db);
    b = await createOrgWithTeam(t.db);
    teamB = (await createTeam(t.db, a.organizationId, { name: "Billing" })).id;
    teamC = (await createTeam(t.db, a.organizationId, { name: "Escalations" })).id;
    lagId = (await createLagMeasure(t.db, a.organizationId, { name: "CSAT" })).id;
    const obs = (teamId: string | null, date: string, value: number) => ({ lagMeasureId: lagId, teamId, observedOn: utcDate(date), value });
    await createLagObservations(t.db, a.organizationId, [
      obs(a.teamId, "2026-01-06", 70),
      obs(teamB, "2026-01-08", 80),
      obs(teamB, "2026-01-09", 84),
      obs(teamC, "2026-01-07", 10), // not in the group
      obs(null, "2026-01-07", 99), // organization-wide: not a team's
      obs(a.teamId, "2026-01-25", 90), // Sunday: the week of 19 Jan
      obs(a.teamId, "2026-01-26", 1), // after the range
    ]);
    const entry = (teamId: string, date: string, value: number) => ({ teamId, leadMeasureId: a.leadMeasureId, userId: a.member.id, entryDate: utcDate(date), value });
    await createLeadEntries(t.db, a.organizationId, [entry(a.teamId, "2026-01-05", 2), entry(teamB, "2026-01-06", 3), entry(teamC, "2026-01-06", 40), entry(a.teamId, "2026-01-20", 5)]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("averages the group's observations per week and leaves weeks without any missing", async () => {
    const rows = await programSeriesLag(t.db, { organizationId: a.organizationId, lagMeasureId: lagId, teamIds: [a.teamId, teamB], ...monday });
    expect(rows).toEqual([
      { weekStart: "2026-01-05", value: (70 + 80 + 84) / 3 },
      { weekStart: "2026-01-12", value: null },
      { weekStart: "2026-01-19", value: 90 },
    ]);
  });

  it("totals the group's lead entries per week, 0 in a week without entries", async () => {
    const rows = await leadWeeklySeries(t.db, { organizationId: a.organizationId, leadMeasureId: a.leadMeasureId, teamIds: [a.teamId, teamB], ...monday });
    expect(rows.map((r) => r.value)).toEqual([5, 0, 5]);
  });

  it("leaves the weeks before the first of the group's teams tracked the measure missing, not zero", async () => {
    const late = (await createTeam(t.db, a.organizationId, { name: "Late starters" })).id;
    await assignLeadMeasure(t.db, a.organizationId, late, a.leadMeasureId, { weeklyTarget: 5, trackedSince: utcDate("2026-01-14") });
    const rows = await leadWeeklySeries(t.db, { organizationId: a.organizationId, leadMeasureId: a.leadMeasureId, teamIds: [late], ...monday });
    expect(rows.map((r) => r.value)).toEqual([null, 0, 0]);
  });

  it("finds nothing of another organization, even with its ids", async () => {
    const rows = await programSeriesLag(t.db, { organizationId: b.organizationId, lagMeasureId: lagId, teamIds: [a.teamId, teamB], ...monday });
    expect(rows.map((r) => r.value)).toEqual([null, null, null]);
  });
});

describe.each(testDbKinds())("a program whose lag is measured monthly [%s]", (kind) => {
  let t: TestDb;
  let a: OrgWithTeam;
  let programId: string;
  let lagId: string;
  // Month-end retention of the participant team from May 2025 to May 2026, about 86 before the
  // program (it starts 2 March 2026) and rising after it; another team's values are not the program's.
  const months = Array.from({ length: 13 }, (_, i) => addMonths("2025-05", i));
  const retention = months.map((m, i) => (m < "2026-03" ? 86 + ((i * 7) % 5) * 0.1 : 87.5 + 0.4 * (i - 10)));

  beforeAll(async () => {
    t = await createTestDb(kind);
    a = await createOrgWithTeam(t.db);
    const other = (await createTeam(t.db, a.organizationId, { name: "Not in the program" })).id;
    lagId = (await createLagMeasure(t.db, a.organizationId, { name: "Customer retention", cadence: "MONTHLY" })).id;
    await createLagObservations(t.db, a.organizationId, [
      ...months.map((m, i) => ({ lagMeasureId: lagId, teamId: a.teamId, observedOn: utcDate(lastDayOfMonth(m)), value: retention[i]! })),
      ...months.map((m) => ({ lagMeasureId: lagId, teamId: other, observedOn: utcDate(lastDayOfMonth(m)), value: 40 })),
    ]);
    const program = await t.db.program.create({ data: { organizationId: a.organizationId, name: "Retention training", startDate: utcDate("2026-03-02") } });
    programId = program.id;
    await t.db.programTeam.create({ data: { organizationId: a.organizationId, programId, teamId: a.teamId, role: "PARTICIPANT" } });
    await t.db.programBenefit.create({
      data: {
        organizationId: a.organizationId,
        programId,
        name: "Customers retained",
        kind: "RETENTION",
        lagMeasureId: lagId,
        parameters: { customerBase: 1_000, valuePerCustomer: 100 },
        isolationMethod: "ESTIMATE",
        estimateShare: 0.5,
        estimateConfidence: 0.8,
      },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("projects the line month by month with the model the lag's monthly forecast chooses, against its months before the start", async () => {
    const ctx = await contextOf(t.db, a.manager.email, a.organizationId);
    const r = await computeProgramRoi(t.db, ctx, programId, { now: NOW });
    const f = (await lagForecast(t.db, ctx, { lagMeasureId: lagId, teamId: a.teamId }, NOW)).forecast;
    expect(f).toMatchObject({ kind: "forecast", n: 13 });
    const line = r.projection.lines[0]!;
    expect(line.method).toBe("forecast");
    expect(line.note).toContain(
      `Follows Customer retention's ${modelText(f.model!, f.scale!)} month by month (chosen by backtest, as its forecast is: ${heldText(f.backtest!, "month")}; 13 months with values)`,
    );
    // The pre-program level: the team's ten months before March, not the other team's.
    const pre = retention.slice(0, 10).reduce((s, v) => s + v, 0) / 10;
    expect(line.note).toContain(`against the pre-program level ${formatNumber(pre, ctx.organization.locale, 3)},`);
  });
});

describe.each(testDbKinds())("the demo program's ROI [%s]", (kind) => {
  let t: TestDb;
  let organizationId: string;
  let programId: string;
  let manager: TenantContext;

  beforeAll(async () => {
    t = await createTestDb(kind);
    // The demo seed includes the demo program.
    organizationId = (await seedDemo(t.db, { today: NOW })).organizationId;
    programId = (await t.db.program.findFirstOrThrow({ where: { organizationId, name: DEMO_PROGRAM_NAME } })).id;
    manager = await contextOf(t.db, DEMO_USERS.manager.email, organizationId);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("yields a finite ROI whose every number traces to its inputs", async () => {
    const r = await computeProgramRoi(t.db, manager, programId, { now: NOW });
    expect(r.program.name).toBe(DEMO_PROGRAM_NAME);
    expect(r.program.participants.map((p) => p.name).sort()).toEqual(["Billing Care", "Tier 1 Support"]);
    expect(r.program.controls.map((p) => p.name)).toEqual(["Technical Escalations"]);
    for (const n of [r.roi!.bcr, r.roi!.roiPercent, r.roi!.benefits, r.roi!.costs, r.range!.p10, r.range!.p50, r.range!.p90]) expect(Number.isFinite(n)).toBe(true);
    expect(r.roi!.roiPercent).toBeCloseTo((r.roi!.bcr - 1) * 100, 9);

    // Costs: every category of a fully-loaded ledger, each with how its amount was computed.
    expect(new Set(r.costLines.map((c) => c.category)).size).toBe(8);
    expect(r.costLines.find((c) => c.category === "PARTICIPANT_TIME")!.formula).toBe("88 h × £32.00 = £2,816.00");
    expect(r.costLines.find((c) => c.category === "DESIGN_DEVELOPMENT")!.formula).toBe("£24,000.00 ÷ 3 cohorts = £8,000.00");
    expect(r.totals.costs).toBeCloseTo(r.costLines.reduce((s, c) => s + c.amount, 0), 6);

    // Benefits: each line's formula and the isolation numbers it used; totals are the lines' sum.
    expect(r.lines.map((l) => l.name)).toEqual(["Customers retained", "Faster resolution", "Referrals from delighted customers"]);
    for (const l of r.lines) {
      expect(l.formula).toMatch(/= .*\/ month$/);
      expect(l.attributed).toBeCloseTo(l.monthlyAttributed * r.benefitMonths.length, 6);
    }
    const [retention, resolution, referrals] = r.lines as [(typeof r.lines)[0], (typeof r.lines)[0], (typeof r.lines)[0]];
    expect(retention.isolation).toMatchObject({ chosen: "TREND_LINE", usedMethod: "TREND_LINE", scope: "organization" });
    expect(retention.isolation.methods.find((m) => m.method === "TREND_LINE")!.detail).toMatch(/^pre-program trend/);
    expect(retention.formula).toMatch(/^2,400 customers × [\d.]+ pts ÷ 100 × £124\.32 \(CLV/);
    // Retention's trend-line claim comes with its 95% interval in money a month.
    expect(retention.monthlyInterval!.low).toBeLessThan(retention.monthlyAttributed);
    expect(retention.monthlyInterval!.high).toBeGreaterThan(retention.monthlyAttributed);
    // The demo's resolution times start eight weeks before the program: enough for the control
    // group's baseline (6 weeks a group), so the line claims the teams' faster resolution, with
    // its 95% interval in money a month.
    expect(resolution.isolation).toMatchObject({ chosen: "CONTROL_GROUP", usedMethod: "CONTROL_GROUP", scope: "teams" });
    expect(resolution.isolation.improvement).toBeGreaterThan(0);
    expect(resolution.monthlyAttributed).toBeGreaterThan(0);
    expect(resolution.monthlyInterval!.low).toBeLessThan(resolution.monthlyAttributed);
    expect(resolution.monthlyInterval!.high).toBeGreaterThan(resolution.monthlyAttributed);
    expect(referrals.evidence).toMatch(/CRM/);
    expect(r.totals.benefits).toBeCloseTo(r.lines.reduce((s, l) => s + l.attributed, 0), 6);
    expect(r.roi!.benefits).toBeCloseTo(r.totals.benefits, 6);
    expect(r.months.at(-1)!.cumulativeBenefits).toBeCloseTo(r.totals.benefits, 6);

    // Intangibles listed, never priced; assumptions stated; a projection of four quarters.
    expect(r.intangibles.map((i) => i.name)).toEqual(["Agent confidence and morale", "Brand reputation"]);
    expect(r.assumptions.length).toBeGreaterThan(3);
    expect(r.projection.quarters).toHaveLength(4);
    for (const q of r.projection.quarters) expect(q.lo).toBeLessThanOrEqual(q.benefits + 1e-9);
    expect(r.trainingBudget).toMatchObject({ headcount: 11, perPerson: expect.closeTo(490, 6) });
  });

  it("gives the same range for the same seed", async () => {
    const a = await computeProgramRoi(t.db, manager, programId, { now: NOW });
    const b = await computeProgramRoi(t.db, manager, programId, { now: NOW });
    expect(b.range).toEqual(a.range);
    expect(a.range).toMatchObject({ draws: 10_000, seed: 20240601 });
  });

  it("moves the projection with a lead measure where the analysis found it predictive, and says why not otherwise", async () => {
    const coaching = await t.db.leadMeasure.findFirstOrThrow({ where: { organizationId, name: "Coaching conversations" } });
    const up = await computeProgramRoi(t.db, manager, programId, { now: NOW, whatIf: { leadMeasureId: coaching.id, changePercent: 20 } });
    const w = up.whatIf!;
    expect(w.leadMeasure.name).toBe("Coaching conversations");
    expect(w.lines).toHaveLength(3);
    if (w.available) {
      expect(w.roiPercent).not.toBeCloseTo(w.baseRoiPercent!, 6);
    } else {
      expect(w.reason).toMatch(/No predictive lead → lag relationship/);
      expect(w.roiPercent).toBeCloseTo(w.baseRoiPercent!, 6);
    }
    expect(w.lines.find((l) => l.name.startsWith("Referrals"))).toMatchObject({ available: false });

    // Recognitions predict faster resolution in the demo: 20% more of them moves resolution time,
    // and with the control group's claim on resolution, the money and the ROI move too.
    const recognitions = await t.db.leadMeasure.findFirstOrThrow({ where: { organizationId, name: "Recognitions given" } });
    const more = (await computeProgramRoi(t.db, manager, programId, { now: NOW, whatIf: { leadMeasureId: recognitions.id, changePercent: 20 } })).whatIf!;
    expect(more.available).toBe(true);
    const resolution = more.lines.find((l) => l.name === "Faster resolution")!;
    expect(resolution).toMatchObject({ available: true, formula: expect.stringMatching(/^slope .* × 20% × /) });
    if (resolution.available) {
      expect(resolution.lagChange).not.toBe(0);
      expect(resolution.monthlyBenefitChange).not.toBe(0);
      // The slope is an estimate: the lag change and the money carry its 95% range.
      expect(resolution.lagChangeRange[0]).toBeLessThan(resolution.lagChange);
      expect(resolution.lagChangeRange[1]).toBeGreaterThan(resolution.lagChange);
      expect(resolution.monthlyBenefitChangeRange[0]).toBeLessThanOrEqual(resolution.monthlyBenefitChange);
      expect(resolution.monthlyBenefitChangeRange[1]).toBeGreaterThanOrEqual(resolution.monthlyBenefitChange);
      expect(resolution.formula).toMatch(/^slope \S+ \(95% range \S+ to \S+\) × 20% × /);
    }
    expect(more.monthlyBenefitChangeRange[0]).toBeLessThanOrEqual(more.monthlyBenefitChange);
    expect(more.monthlyBenefitChangeRange[1]).toBeGreaterThanOrEqual(more.monthlyBenefitChange);
    // The projection's band widens by the change's range; its centre moves by the change.
    const base = (await computeProgramRoi(t.db, manager, programId, { now: NOW })).projection.months;
    more.projection.forEach((m, j) => {
      expect(m.cumulativeBenefits - base[j]!.cumulativeBenefits).toBeCloseTo(more.monthlyBenefitChange * (j + 1), 6);
      expect(m.cumulativeLo - base[j]!.cumulativeLo).toBeCloseTo(more.monthlyBenefitChangeRange[0] * (j + 1), 6);
      expect(m.cumulativeHi - base[j]!.cumulativeHi).toBeCloseTo(more.monthlyBenefitChangeRange[1] * (j + 1), 6);
    });
    expect(more.roiPercent!).not.toBeCloseTo(more.baseRoiPercent!, 6);
  });

  it("is private: another organization's manager gets 404, with the program's or a lead measure's id", async () => {
    const other = await createOrgWithTeam(t.db);
    const ctx = (await loadTenantContext(t.db, other.manager.id, other.organizationId))!;
    expect((await appErrorOf(computeProgramRoi(t.db, ctx, programId, { now: NOW }))).code).toBe("not_found");
    const otherProgram = await t.db.program.create({ data: { organizationId: other.organizationId, name: "Theirs", startDate: utcDate("2026-03-02") } });
    await t.db.programTeam.create({ data: { organizationId: other.organizationId, programId: otherProgram.id, teamId: other.teamId, role: "PARTICIPANT" } });
    const coaching = await t.db.leadMeasure.findFirstOrThrow({ where: { organizationId, name: "Coaching conversations" } });
    const err = await appErrorOf(computeProgramRoi(t.db, ctx, otherProgram.id, { now: NOW, whatIf: { leadMeasureId: coaching.id, changePercent: 10 } }));
    expect(err.code).toBe("not_found");
  });

  it("is for managers: a member of the organization gets 403", async () => {
    const member = await contextOf(t.db, DEMO_USERS.member.email, organizationId);
    expect((await appErrorOf(computeProgramRoi(t.db, member, programId, { now: NOW }))).code).toBe("forbidden");
  });
});
