// The manager dashboard's aggregations on every database Leadlag runs on, against a small
// organization whose answers are worked out by hand below: weekly attainment per team (capped
// mean, status counts, a target changed mid-range, a target that starts late), the trailing
// 4- and 13-week attainment, check-ins held since a team's first week in the organization's
// time zone, lag status per team, the heatmap cells, the at-risk reasons — and that another
// organization's team ids in the filter never reach its data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDashboard } from "@/lib/views/dashboard";
import { orgSettings } from "@/lib/auth/loadContext";
import type { OrgSettings } from "@/lib/auth/tenant";
import { ATTAINMENT_CAP } from "@/lib/domain/risk";
import { CommitmentStatus, Direction } from "@/lib/generated/prisma/enums";
import { leadAttainmentHeatmap } from "@/lib/queries/leadAttainmentHeatmap";
import { teamAttainmentByWeek } from "@/lib/queries/teamAttainmentByWeek";
import { rollupWindows, teamRollup } from "@/lib/queries/teamRollup";
import {
  assignLeadMeasure,
  createLagMeasure,
  createLagObservations,
  createLeadEntries,
  createLeadMeasure,
  createOrgWithTeam,
  createTeam,
  utcDate,
  type OrgWithTeam,
} from "@/lib/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";

// Wednesday 18 Nov 2026, 12:00 in New York: the current week starts Monday 16 Nov.
const NOW = new Date("2026-11-18T17:00:00Z");
const W = { oct19: "2026-10-19", oct26: "2026-10-26", nov02: "2026-11-02", nov09: "2026-11-09", nov16: "2026-11-16" };
const T = { green: 1, amber: 0.8 };

describe.each(testDbKinds())("dashboard roll-up and heatmap [%s]", (kind) => {
  let t: TestDb;
  let a: OrgWithTeam;
  let b: OrgWithTeam;
  let org: OrgSettings;
  const ids = { alpha: "", beta: "", gamma: "", m1: "", m2: "" };

  beforeAll(async () => {
    t = await createTestDb(kind);
    // Alpha is the factory's team (tracks M1 "Coaching conversations", target 10).
    a = await createOrgWithTeam(t.db, { orgName: "Org A", teamName: "Alpha", timeZone: "America/New_York" });
    b = await createOrgWithTeam(t.db, { orgName: "Org B", teamName: "Alpha" });
    const oid = a.organizationId;
    org = orgSettings(await t.db.organization.findUniqueOrThrow({ where: { id: oid } }));
    ids.alpha = a.teamId;
    ids.m1 = a.leadMeasureId;
    ids.m2 = (await createLeadMeasure(t.db, oid, { name: "Recognitions" })).id;
    ids.beta = (await createTeam(t.db, oid, { name: "Beta" })).id;
    ids.gamma = (await createTeam(t.db, oid, { name: "Gamma" })).id;
    const delta = await createTeam(t.db, oid, { name: "Delta (archived)", archivedAt: new Date("2026-11-01T00:00:00Z") });

    // Alpha: created long ago. Beta: 03:00 UTC on Monday 2 Nov is still Sunday 1 Nov in New
    // York, so its first week is that of 26 Oct. Gamma: long ago.
    await t.db.team.update({ where: { organizationId_id: { organizationId: oid, id: ids.alpha } }, data: { createdAt: new Date("2026-08-01T12:00:00Z") } });
    await t.db.team.update({ where: { organizationId_id: { organizationId: oid, id: ids.beta } }, data: { createdAt: new Date("2026-11-02T03:00:00Z") } });
    await t.db.team.update({ where: { organizationId_id: { organizationId: oid, id: ids.gamma } }, data: { createdAt: new Date("2026-01-05T12:00:00Z") } });

    await assignLeadMeasure(t.db, oid, ids.alpha, ids.m2, { weeklyTarget: 4 });
    // Beta's M1 target doubles from the week of 9 Nov.
    await assignLeadMeasure(t.db, oid, ids.beta, ids.m1, { weeklyTarget: 5 });
    await t.db.leadTarget.create({
      data: { organizationId: oid, teamId: ids.beta, leadMeasureId: ids.m1, effectiveFrom: utcDate(W.nov09), weeklyTarget: 10 },
    });
    // Gamma tracks M2 with a target only from the week of 9 Nov: before it, nothing was asked.
    await t.db.teamLeadMeasure.create({
      data: { organizationId: oid, teamId: ids.gamma, leadMeasureId: ids.m2, weeklyTarget: 4, createdAt: new Date("2026-11-09T08:00:00Z") },
    });
    await t.db.leadTarget.create({
      data: { organizationId: oid, teamId: ids.gamma, leadMeasureId: ids.m2, effectiveFrom: utcDate(W.nov09), weeklyTarget: 4 },
    });
    await assignLeadMeasure(t.db, oid, delta.id, ids.m1, { weeklyTarget: 1 });
    await t.db.teamMember.createMany({
      data: [ids.beta, ids.gamma, delta.id].map((teamId) => ({ organizationId: oid, teamId, userId: a.member.id })),
    });

    const e = (teamId: string, leadMeasureId: string, date: string, value: number) => ({
      teamId,
      leadMeasureId,
      userId: a.member.id,
      entryDate: utcDate(date),
      value,
    });
    await createLeadEntries(t.db, oid, [
      // Alpha M1 (target 10): 26 Oct 10, 2 Nov 6, 9 Nov 3 + 2 (the 2 on Sunday 15 Nov), 16 Nov 20.
      e(ids.alpha, ids.m1, "2026-10-27", 10),
      e(ids.alpha, ids.m1, "2026-11-03", 6),
      e(ids.alpha, ids.m1, "2026-11-09", 3),
      e(ids.alpha, ids.m1, "2026-11-15", 2),
      e(ids.alpha, ids.m1, "2026-11-16", 20),
      // Alpha M2 (target 4): 26 Oct 4, 9 Nov 2, 16 Nov 1.
      e(ids.alpha, ids.m2, "2026-10-30", 4),
      e(ids.alpha, ids.m2, "2026-11-12", 2),
      e(ids.alpha, ids.m2, "2026-11-17", 1),
      // Beta M1: 2 Nov 5 (of 5), 9 Nov 9 (of 10), 16 Nov 4 (of 10).
      e(ids.beta, ids.m1, "2026-11-04", 5),
      e(ids.beta, ids.m1, "2026-11-10", 9),
      e(ids.beta, ids.m1, "2026-11-16", 4),
      // An archived team's entries count nowhere.
      e(delta.id, ids.m1, "2026-11-16", 50),
    ]);
    await createLeadEntries(t.db, b.organizationId, [
      { teamId: b.teamId, leadMeasureId: b.leadMeasureId, userId: b.member.id, entryDate: utcDate("2026-11-16"), value: 99 },
    ]);

    // Check-ins: Alpha every week from 19 Oct; Beta only in the week of 9 Nov.
    await t.db.checkIn.createMany({
      data: [
        ...[W.oct19, W.oct26, W.nov02, W.nov09, W.nov16].map((w) => ({ organizationId: oid, teamId: ids.alpha, weekStart: utcDate(w) })),
        { organizationId: oid, teamId: ids.beta, weekStart: utcDate(W.nov09) },
      ],
    });
    // Alpha's commitments for 9 Nov: done, partly, not done; for this week: one open.
    await t.db.commitment.createMany({
      data: (
        [
          [W.nov09, CommitmentStatus.DONE],
          [W.nov09, CommitmentStatus.PARTIAL],
          [W.nov09, CommitmentStatus.NOT_DONE],
          [W.nov16, CommitmentStatus.OPEN],
        ] as const
      ).map(([week, status]) => ({ organizationId: oid, teamId: ids.alpha, userId: a.member.id, weekStart: utcDate(week), text: status, status })),
    });

    // Lags. CSAT is organization-wide, 80 → 90 over 2026; on 10 Nov the path is at 88.6, the
    // organization is at 85 (off track). Alpha's own CSAT value (95) does not judge the goal.
    const csat = await createLagMeasure(t.db, oid, {
      name: "CSAT",
      baselineValue: 80,
      baselineDate: utcDate("2026-01-01"),
      targetValue: 90,
      targetDate: utcDate("2026-12-31"),
    });
    // Beta's own resolution time, lower is better, 30 → 20 over 2026: path 21.35 on 12 Nov.
    const resolution = await createLagMeasure(t.db, oid, {
      name: "Beta resolution time",
      teamId: ids.beta,
      direction: Direction.LOWER_IS_BETTER,
      unit: "hours",
      baselineValue: 30,
      baselineDate: utcDate("2026-01-01"),
      targetValue: 20,
      targetDate: utcDate("2026-12-31"),
    });
    await createLagObservations(t.db, oid, [
      { lagMeasureId: csat.id, teamId: null, observedOn: utcDate("2026-11-10"), value: 85 },
      { lagMeasureId: csat.id, teamId: ids.alpha, observedOn: utcDate("2026-11-11"), value: 95 },
      { lagMeasureId: resolution.id, teamId: ids.beta, observedOn: utcDate("2026-11-12"), value: 21 },
      // After the range: not yet known on its last day.
      { lagMeasureId: resolution.id, teamId: ids.beta, observedOn: utcDate("2026-11-23"), value: 40 },
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const scope = (over: Partial<Parameters<typeof teamAttainmentByWeek>[1]> = {}) => ({
    organizationId: a.organizationId,
    teamIds: [] as string[],
    firstWeek: W.oct26,
    lastWeek: W.nov16,
    weekStartsOn: 1,
    cap: ATTAINMENT_CAP,
    thresholds: T,
    ...over,
  });

  it("weekly attainment is the capped mean over measures with a target, gap-filled per team and week", async () => {
    const rows = await teamAttainmentByWeek(t.db, scope());
    const of = (teamId: string) => rows.filter((r) => r.teamId === ids[teamId as "alpha"]).map(({ teamId: _t, teamName: _n, ...r }) => r);
    expect(new Set(rows.map((r) => r.teamName))).toEqual(new Set(["Alpha", "Beta", "Gamma"]));
    expect(of("alpha")).toEqual([
      { weekStart: W.oct26, measures: 2, attainment: 1, green: 2, amber: 0, red: 0 },
      { weekStart: W.nov02, measures: 2, attainment: 0.3, green: 0, amber: 0, red: 2 },
      { weekStart: W.nov09, measures: 2, attainment: 0.5, green: 0, amber: 0, red: 2 },
      // 20 of 10 counts as 150%, so with 1 of 4 the mean is 87.5%, not 112.5%.
      { weekStart: W.nov16, measures: 2, attainment: 0.875, green: 1, amber: 0, red: 1 },
    ]);
    expect(of("beta")).toEqual([
      { weekStart: W.oct26, measures: 1, attainment: 0, green: 0, amber: 0, red: 1 },
      { weekStart: W.nov02, measures: 1, attainment: 1, green: 1, amber: 0, red: 0 },
      { weekStart: W.nov09, measures: 1, attainment: 0.9, green: 0, amber: 1, red: 0 },
      { weekStart: W.nov16, measures: 1, attainment: 0.4, green: 0, amber: 0, red: 1 },
    ]);
    expect(of("gamma")).toEqual([
      { weekStart: W.oct26, measures: 0, attainment: null, green: 0, amber: 0, red: 0 },
      { weekStart: W.nov02, measures: 0, attainment: null, green: 0, amber: 0, red: 0 },
      { weekStart: W.nov09, measures: 1, attainment: 0, green: 0, amber: 0, red: 1 },
      { weekStart: W.nov16, measures: 1, attainment: 0, green: 0, amber: 0, red: 1 },
    ]);
  });

  it("the heatmap shows one measure's plain attainment, only for teams that track it", async () => {
    const m1 = await leadAttainmentHeatmap(t.db, { ...scope(), leadMeasureId: ids.m1 });
    expect(m1.cap).toBeNull();
    expect(m1.weeks).toEqual([W.oct26, W.nov02, W.nov09, W.nov16]);
    expect(m1.teams.map((r) => [r.teamName, r.cells.map((c) => c.attainment)])).toEqual([
      ["Alpha", [1, 0.6, 0.5, 2]],
      ["Beta", [0, 1, 0.9, 0.4]],
    ]);
    const combined = await leadAttainmentHeatmap(t.db, { ...scope(), teamIds: [ids.gamma, ids.beta] });
    expect(combined.cap).toBe(ATTAINMENT_CAP);
    expect(combined.teams.map((r) => [r.teamName, r.cells.map((c) => c.attainment)])).toEqual([
      ["Beta", [0, 1, 0.9, 0.4]],
      ["Gamma", [null, null, 0, 0]],
    ]);
  });

  it("rolls up this week, the trailing 4 and 13 ended weeks, check-ins and lags per team and for the organization", async () => {
    const windows = rollupWindows(W.nov16, W.nov16);
    expect(windows).toMatchObject({ trailingEnd: W.nov09, trailing4First: W.oct19, trailing13First: "2026-08-17" });
    const r = await teamRollup(t.db, { organizationId: a.organizationId, timeZone: org.timeZone, weekStartsOn: 1, teamIds: [], windows, thresholds: T });
    const team = (name: string) => r.teams.find((x) => x.teamName === name)!;
    expect(r.teams.map((x) => x.teamName)).toEqual(["Alpha", "Beta", "Gamma"]);

    const alpha = team("Alpha");
    expect(alpha.firstWeek).toBe("2026-07-27");
    expect(alpha.thisWeek).toEqual({ measures: 2, attainment: 0.875, green: 1, amber: 0, red: 1 });
    // Trailing 4 (19 Oct – 9 Nov): 0+0, 1+1, 0.6+0, 0.5+0.5 over 8 measure-weeks; 13 weeks: the same over 26.
    expect(alpha.trailing4).toBeCloseTo(3.6 / 8, 12);
    expect(alpha.trailing13).toBeCloseTo(3.6 / 26, 12);
    expect(alpha.checkIns4).toEqual({ held: 4, due: 4 });
    expect(alpha.checkIns13).toEqual({ held: 4, due: 13 });
    expect(alpha.weeks).toHaveLength(14);
    expect(alpha.weeks.at(-1)).toEqual({
      weekStart: W.nov16,
      measures: 2,
      attainment: 0.875,
      checkInHeld: true,
      done: 0,
      partial: 0,
      notDone: 0,
      open: 1,
      // 20 of 10 (green) and 1 of 4 (red).
      green: 1,
      amber: 0,
      red: 1,
    });
    expect(alpha.lags).toEqual([expect.objectContaining({ name: "CSAT", latestValue: 85, latestDate: "2026-11-10" })]);

    const beta = team("Beta");
    expect(beta.firstWeek).toBe(W.oct26); // Sunday 1 Nov in New York
    expect(beta.thisWeek).toEqual({ measures: 1, attainment: 0.4, green: 0, amber: 0, red: 1 });
    expect(beta.trailing4).toBeCloseTo(1.9 / 4, 12);
    expect(beta.trailing13).toBeCloseTo(1.9 / 13, 12);
    expect(beta.checkIns4).toEqual({ held: 1, due: 3 });
    // Beta answers for its own lag measure only; the value after the range is not seen.
    expect(beta.lags).toEqual([
      expect.objectContaining({ name: "Beta resolution time", direction: "LOWER_IS_BETTER", latestValue: 21, latestDate: "2026-11-12" }),
    ]);

    const gamma = team("Gamma");
    expect(gamma.thisWeek).toEqual({ measures: 1, attainment: 0, green: 0, amber: 0, red: 1 });
    expect(gamma.trailing4).toBe(0);
    expect(gamma.checkIns4).toEqual({ held: 0, due: 4 });

    // Organization: every measure-week of the three teams.
    expect(r.organization.thisWeek.measures).toBe(4);
    expect(r.organization.thisWeek.attainment).toBeCloseTo((1.5 + 0.25 + 0.4 + 0) / 4, 12);
    expect(r.organization.thisWeek).toMatchObject({ green: 1, amber: 0, red: 3 });
    expect(r.organization.trailing4).toBeCloseTo(5.5 / 13, 12);
    expect(r.organization.trailing13).toBeCloseTo(5.5 / 40, 12);
    expect(r.organization.checkIns4).toEqual({ held: 5, due: 11 });
    expect(r.organization.lags.map((l) => l.name)).toEqual(["CSAT"]);
  });

  it("the dashboard names the teams at risk and why, with the execution score of the check-in page", async () => {
    const d = await loadDashboard(t.db, org, {}, NOW);
    expect(d.filters).toMatchObject({ firstWeek: "2026-08-24", lastWeek: W.nov16, teamIds: [] });
    const line = (name: string) => d.rollup.find((x) => x.teamName === name)!;
    expect(line("Alpha").reasons.map((x) => x.text)).toEqual([
      "Lead measures behind target 2 weeks running (below 80% of target).",
      "CSAT is off the path to target.",
    ]);
    expect(line("Beta").reasons.map((x) => x.text)).toEqual(["Missed 2 of the last 3 weekly check-ins."]);
    expect(line("Beta").lag).toMatchObject({ onTrack: 1, offTrack: 0, noData: 0 });
    // Gamma was asked for nothing before 9 Nov, so one red week is not yet a streak.
    expect(line("Gamma").reasons.map((x) => x.text)).toEqual([
      "Missed 4 of the last 4 weekly check-ins.",
      "CSAT is off the path to target.",
    ]);
    // Alpha's score over 24 Aug – 16 Nov: check-ins 5 of 13, commitments 1.5 of 3, lead targets 3 of 25.
    const score = line("Alpha").execution;
    expect(score.checkIns).toMatchObject({ achieved: 5, due: 13 });
    expect(score.commitments).toMatchObject({ achieved: 1.5, due: 3 });
    expect(score.leadTargets).toMatchObject({ achieved: 3, due: 25 });
    expect(score.combined).toBeCloseTo((5 / 13 + 0.5 + 3 / 25) / 3, 12);
    // The weekly totals chart of the first measure by name: Coaching conversations.
    expect(d.measure?.name).toBe("Coaching conversations");
    expect(d.leadTotals?.series.map((s) => [s.teamName, s.totals.at(-1)])).toEqual([
      ["Alpha", 20],
      ["Beta", 4],
    ]);
  });

  it("filters to the chosen teams, and ignores another organization's team ids", async () => {
    const two = await loadDashboard(t.db, org, { teams: `${ids.beta},${ids.gamma}` }, NOW);
    expect(two.rollup.map((x) => x.teamName)).toEqual(["Beta", "Gamma"]);
    expect(two.heatmap.teams.map((x) => x.teamName)).toEqual(["Beta", "Gamma"]);
    expect(two.leadTotals?.series.map((s) => s.teamName)).toEqual(["Beta"]);

    const foreign = await loadDashboard(t.db, org, { teams: b.teamId, lead: b.leadMeasureId }, NOW);
    expect(foreign.filters.teamIds).toEqual([]);
    expect(foreign.filters.leadMeasureId).toBe(ids.m1);
    expect(foreign.rollup.map((x) => x.teamName)).toEqual(["Alpha", "Beta", "Gamma"]);
    const totals = foreign.leadTotals!.series.flatMap((s) => s.totals);
    expect(totals).not.toContain(99);

    // The queries themselves filter by organization first: B's team id finds nothing in A.
    const direct = await teamRollup(t.db, {
      organizationId: a.organizationId,
      timeZone: org.timeZone,
      weekStartsOn: 1,
      teamIds: [b.teamId],
      windows: rollupWindows(W.nov16, W.nov16),
      thresholds: T,
    });
    expect(direct.teams).toEqual([]);
    expect(direct.organization.thisWeek.measures).toBe(0);
    expect(await teamAttainmentByWeek(t.db, scope({ teamIds: [b.teamId] }))).toEqual([]);
  });
  // Last: it adds teams to the organization the tests above count.
  it("shows a large organization a page of teams at a time, with the heatmap and totals of that page and the risks of all", async () => {
    for (let i = 1; i <= 25; i++) await createTeam(t.db, a.organizationId, { name: `Zeta ${String(i).padStart(2, "0")}` });
    const first = await loadDashboard(t.db, org, {}, NOW);
    expect(first.page).toEqual({ number: 1, pages: 2, first: 1, last: 25, total: 28 });
    expect(first.rollup.map((x) => x.teamName).slice(0, 4)).toEqual(["Alpha", "Beta", "Gamma", "Zeta 01"]);
    expect(first.heatmap.teams.map((x) => x.teamName)).toEqual(first.rollup.map((x) => x.teamName));
    expect(first.leadTotals?.series.map((s) => s.teamName)).toEqual(["Alpha", "Beta"]);
    // The organization's line still covers every team, whatever the page.
    expect(first.organization.thisWeek.measures).toBe(4);

    const second = await loadDashboard(t.db, org, { page: "2" }, NOW);
    expect(second.rollup.map((x) => x.teamName)).toEqual(["Zeta 23", "Zeta 24", "Zeta 25"]);
    expect(second.heatmap.teams.map((x) => x.teamName)).toEqual(["Zeta 23", "Zeta 24", "Zeta 25"]);
    expect(second.leadTotals?.series ?? []).toEqual([]);
    expect(second.organization).toEqual(first.organization);
    expect(second.atRisk.map((x) => x.teamName)).toEqual(first.atRisk.map((x) => x.teamName));
    expect(second.atRisk.map((x) => x.teamName)).toEqual(expect.arrayContaining(["Alpha", "Gamma"]));

    // The page follows the sort: the last page of Z → A holds Gamma, Beta, Alpha, and so do its heatmaps.
    const reversed = await loadDashboard(t.db, org, { sort: "team", dir: "desc", page: "2" }, NOW);
    expect(reversed.rollup.map((x) => x.teamName)).toEqual(["Gamma", "Beta", "Alpha"]);
    expect(reversed.heatmap.teams.map((x) => x.teamName)).toEqual(["Gamma", "Beta", "Alpha"]);
    expect(reversed.leadTotals?.series.map((s) => s.teamName)).toEqual(["Beta", "Alpha"]);
    const oneMeasure = await loadDashboard(t.db, org, { sort: "team", dir: "desc", page: "2", heatmap: "measure" }, NOW);
    expect(oneMeasure.heatmapMode).toBe("measure");
    const names = oneMeasure.heatmap.teams.map((x) => x.teamName);
    expect(names).toContain("Alpha");
    expect(names).toEqual(["Gamma", "Beta", "Alpha"].filter((n) => names.includes(n)));
    // A page past the end shows the last one.
    expect((await loadDashboard(t.db, org, { page: "7" }, NOW)).page.number).toBe(2);
  });
});
