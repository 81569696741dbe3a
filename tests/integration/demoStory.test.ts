// The demo tells the truth about a good program (issue #16): seeded at the e2e suite's clock, its
// dashboard, check-in history, owners and program ROI read as a newcomer would read them —
// computed by the product's own views and statistics, never typed in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/tenant";
import { addDays, currentWeekStart, fromUtcDate } from "@/lib/domain/calendar/weeks";
import { DEMO_USERS, HISTORY_WEEKS, LAGS } from "@/lib/seed/demo/catalogue";
import { DEMO_PROGRAM_NAME } from "@/lib/seed/demo/program";
import { seedDemo } from "@/lib/seed/demo/seedDemo";
import { loadDashboard, type DashboardData } from "@/lib/views/dashboard";
import { computeProgramRoi, type ProgramRoi } from "@/lib/views/programRoi";
import { E2E_CLOCK } from "../../e2e/orgs";
import { contextOf } from "../helpers/context";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";

const NOW = new Date(E2E_CLOCK); // Wednesday 18 November 2026, 10:00 in London

describe.each(testDbKinds())("the demo at the e2e clock [%s]", (kind) => {
  let t: TestDb;
  let organizationId: string;
  let manager: TenantContext;
  let dashboard: DashboardData;
  let roi: ProgramRoi;

  beforeAll(async () => {
    t = await createTestDb(kind);
    organizationId = (await seedDemo(t.db, { today: NOW })).organizationId;
    manager = await contextOf(t.db, DEMO_USERS.manager.email, organizationId);
    dashboard = await loadDashboard(t.db, manager.organization, {}, NOW);
    const program = await t.db.program.findFirstOrThrow({ where: { organizationId, name: DEMO_PROGRAM_NAME } });
    roi = await computeProgramRoi(t.db, manager, program.id, { now: NOW });
  });
  afterAll(async () => {
    await t?.close();
  });

  const team = (name: string) => dashboard.rollup.find((l) => l.teamName === name)!;

  it("puts one team at risk, for reasons it states: the struggling one", () => {
    expect(dashboard.rollup).toHaveLength(3);
    expect(dashboard.atRisk.map((l) => l.teamName)).toEqual(["Technical Escalations"]);
    expect(dashboard.atRisk[0]!.reasons.map((r) => r.text)).toEqual([
      "Lead measures behind target 3 weeks running (below 80% of target).",
      "Missed 2 of the last 4 weekly check-ins.",
    ]);
    // Every organization-wide goal is on its path, so no team is at risk for the results.
    expect(dashboard.organization.lag.lags.map((l) => [l.name, l.status])).toEqual([
      ["Average resolution time", "green"],
      ["CSAT", "green"],
      ["Customer retention", "green"],
      ["NPS", "green"],
    ]);
  });

  it("scores most teams' execution at 60% or more, and the struggling team below them", () => {
    const scores = dashboard.rollup.map((l) => l.execution.combined!);
    expect(scores.filter((s) => s >= 0.6).length).toBeGreaterThanOrEqual(2);
    for (const name of ["Tier 1 Support", "Billing Care"]) {
      expect(team(name).execution.combined!).toBeGreaterThan(team("Technical Escalations").execution.combined!);
      expect(team(name).execution.checkIns.ratio!).toBeGreaterThan(0.8);
    }
  });

  it("shows Billing Care clearly improving: its lead attainment this quarter well above the last", async () => {
    const lastQuarterEnd = addDays(dashboard.currentWeek, -7 * 13);
    const before = await loadDashboard(t.db, manager.organization, { to: lastQuarterEnd }, NOW);
    const then = before.rollup.find((l) => l.teamName === "Billing Care")!;
    expect(team("Billing Care").trailing13! - then.trailing13!).toBeGreaterThan(0.2);
    expect(team("Billing Care").trailing4!).toBeGreaterThan(team("Billing Care").trailing13!);
    expect(team("Billing Care").execution.combined!).toBeGreaterThan(then.execution.combined!);
  });

  it("holds at least 20 weekly check-ins per team over two quarters, skips some, and keeps and misses commitments", async () => {
    const teams = await t.db.team.findMany({ where: { organizationId }, select: { id: true, name: true } });
    const current = currentWeekStart(NOW, manager.organization.timeZone, manager.organization.weekStartsOn);
    const firstWeek = addDays(current, -7 * HISTORY_WEEKS);
    for (const { id, name } of teams) {
      const held = await t.db.checkIn.findMany({ where: { organizationId, teamId: id }, select: { weekStart: true, heldAt: true } });
      const weeks = new Set(held.map((c) => fromUtcDate(c.weekStart)));
      expect(weeks.size, name).toBeGreaterThanOrEqual(20);
      // Some weeks between the first and the last passed without one: absent, not held.
      const ended = [...Array(HISTORY_WEEKS).keys()].map((i) => addDays(firstWeek, 7 * i));
      expect(ended.filter((w) => !weeks.has(w)).length, name).toBeGreaterThan(0);
      expect(held.every((c) => c.heldAt <= NOW && fromUtcDate(c.weekStart) >= firstWeek)).toBe(true);
      const statuses = await t.db.commitment.groupBy({ by: ["status"], where: { organizationId, teamId: id }, _count: { _all: true } });
      const count = (s: string) => statuses.find((x) => x.status === s)?._count._all ?? 0;
      expect(count("DONE"), name).toBeGreaterThan(count("NOT_DONE"));
      expect(count("NOT_DONE"), name).toBeGreaterThan(0);
    }
    // A commitment not kept says why.
    expect(await t.db.commitment.count({ where: { organizationId, status: { in: ["NOT_DONE", "PARTIAL"] }, reason: "" } })).toBe(0);
  });

  it("gives every lead measure an owner, and every lag measure an owner of its own and owned drivers", async () => {
    const leads = await t.db.leadMeasure.findMany({ where: { organizationId }, include: { owners: true } });
    expect(leads.length).toBeGreaterThan(0);
    for (const m of leads) expect(m.owners.length, m.name).toBeGreaterThan(0);
    const lags = await t.db.lagMeasure.findMany({
      where: { organizationId },
      include: { owner: { include: { user: true } }, drivers: { include: { leadMeasure: { include: { owners: true } } } } },
    });
    expect(lags.length).toBeGreaterThan(0);
    for (const l of lags) {
      // The owner is a current member, named by the catalogue; the description no longer has to say it.
      expect(l.owner?.removedAt, l.name).toBeNull();
      expect(l.owner?.user.name, l.name).toBe(LAGS.find((spec) => spec.name === l.name)!.owner);
      expect(l.description, l.name).not.toMatch(/Owner:/);
      expect(l.drivers.some((d) => d.leadMeasure.owners.length > 0), l.name).toBe(true);
    }
  });

  it("started the program two quarters ago, and its ROI is positive with a range mostly above zero", () => {
    expect(roi.program.startDate).toBe(addDays(dashboard.currentWeek, -7 * HISTORY_WEEKS));
    expect(roi.benefitMonths).toHaveLength(5);
    expect(roi.roi!.roiPercent).toBeGreaterThan(0);
    expect(roi.range!.p50).toBeGreaterThan(0);
    expect(roi.range!.p10).toBeGreaterThan(-20);
    // The treated teams' faster resolution is found against the control team by the
    // difference-in-differences, with a 95% interval above zero.
    const resolution = roi.lines.find((l) => l.name === "Faster resolution")!;
    expect(resolution.isolation).toMatchObject({ usedMethod: "CONTROL_GROUP", couldBeNothing: false });
    expect(resolution.isolation.improvement).toBeGreaterThan(2);
    const retention = roi.lines.find((l) => l.name === "Customers retained")!;
    expect(retention.isolation.usedMethod).toBe("TREND_LINE");
    expect(retention.isolation.improvement).toBeGreaterThan(1);
  });
});
