// Issue #13: a lead measure's weekly series starts when the team began tracking it. Weeks before
// are missing (null), not weeks of zero activity; organization-wide, the series starts with the
// first team; history imported from before the assignment counts from its first entry. The same
// weeks are left out of attainment (dashboard, heatmap, report) and of the check-in's score: a
// target dated from long before does not make a team answer for weeks it did not track.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leadWeeklySeries } from "@/lib/queries/leadWeeklySeries";
import { teamAttainmentByWeek } from "@/lib/queries/teamAttainmentByWeek";
import { teamCadence } from "@/lib/queries/teamCadence";
import { memberWeeklyTotals } from "@/lib/queries/memberWeeklyTotals";
import { teamLeadHistory } from "@/lib/queries/teamLeadHistory";
import { addTeamMember, assignLeadMeasure, createLeadEntries, createOrgWithTeam, createTeam, utcDate, type OrgWithTeam } from "@/lib/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";

describe.each(testDbKinds())("lead series from the week tracking began [%s]", (kind) => {
  let t: TestDb;
  let a: OrgWithTeam;
  let late = "";
  beforeAll(async () => {
    t = await createTestDb(kind);
    a = await createOrgWithTeam(t.db);
    const org = a.organizationId;
    // The first team was given the measure on Wednesday 14 Oct 2026 (its week starts Monday 12 Oct).
    await t.db.teamLeadMeasure.update({
      where: { organizationId_teamId_leadMeasureId: { organizationId: org, teamId: a.teamId, leadMeasureId: a.leadMeasureId } },
      data: { createdAt: new Date("2026-10-14T09:00:00Z") },
    });
    // A second team got it on 4 Nov, but imported its log from 21 Oct on.
    late = (await createTeam(t.db, org, { name: "Late starters" })).id;
    await addTeamMember(t.db, org, late, a.member.id);
    await assignLeadMeasure(t.db, org, late, a.leadMeasureId, { weeklyTarget: 5 });
    await t.db.teamLeadMeasure.update({
      where: { organizationId_teamId_leadMeasureId: { organizationId: org, teamId: late, leadMeasureId: a.leadMeasureId } },
      data: { createdAt: new Date("2026-11-04T09:00:00Z") },
    });
    await createLeadEntries(t.db, org, [
      { teamId: a.teamId, leadMeasureId: a.leadMeasureId, userId: a.member.id, entryDate: utcDate("2026-10-27"), value: 4 },
      { teamId: late, leadMeasureId: a.leadMeasureId, userId: a.member.id, entryDate: utcDate("2026-10-21"), value: 2 },
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const weeks = { firstWeek: "2026-09-28", lastWeek: "2026-11-09", weekStartsOn: 1 };
  const series = async (teamId: string | null) =>
    (await leadWeeklySeries(t.db, { organizationId: a.organizationId, leadMeasureId: a.leadMeasureId, teamId, ...weeks })).map((w) => [w.weekStart, w.value]);

  it("leaves the weeks before a team was given the measure empty, and counts zeros after", async () => {
    expect(await series(a.teamId)).toEqual([
      ["2026-09-28", null],
      ["2026-10-05", null],
      ["2026-10-12", 0],
      ["2026-10-19", 0],
      ["2026-10-26", 4],
      ["2026-11-02", 0],
      ["2026-11-09", 0],
    ]);
  });

  it("starts a team's series at its first imported entry when that came before the assignment", async () => {
    expect(await series(late)).toEqual([
      ["2026-09-28", null],
      ["2026-10-05", null],
      ["2026-10-12", null],
      ["2026-10-19", 2],
      ["2026-10-26", 0],
      ["2026-11-02", 0],
      ["2026-11-09", 0],
    ]);
  });

  it("starts the organization's series with the first team to track it", async () => {
    expect(await series(null)).toEqual([
      ["2026-09-28", null],
      ["2026-10-05", null],
      ["2026-10-12", 0],
      ["2026-10-19", 2],
      ["2026-10-26", 4],
      ["2026-11-02", 0],
      ["2026-11-09", 0],
    ]);
  });

  it("counts attainment and the check-in's lead weeks from the week tracking began", async () => {
    const attainment = await teamAttainmentByWeek(t.db, {
      organizationId: a.organizationId,
      teamIds: [a.teamId, late],
      ...weeks,
      cap: 1.5,
      thresholds: { green: 1, amber: 0.8 },
    });
    const measuresOf = (teamId: string) => attainment.filter((r) => r.teamId === teamId).map((r) => [r.weekStart, r.measures]);
    expect(measuresOf(a.teamId)).toEqual([
      ["2026-09-28", 0],
      ["2026-10-05", 0],
      ["2026-10-12", 1],
      ["2026-10-19", 1],
      ["2026-10-26", 1],
      ["2026-11-02", 1],
      ["2026-11-09", 1],
    ]);
    expect(measuresOf(late).map(([, n]) => n)).toEqual([0, 0, 0, 1, 1, 1, 1]);

    const cadence = await teamCadence(t.db, { organizationId: a.organizationId, teamId: a.teamId, ...weeks });
    expect(cadence.map((w) => w.leads.length)).toEqual([0, 0, 1, 1, 1, 1, 1]);
    // The check-in's scoreboard: no target (so no status) in the weeks before, for the team and each person.
    const history = await teamLeadHistory(t.db, { organizationId: a.organizationId, teamId: a.teamId, ...weeks });
    const teamRow = history.filter((r) => r.userId === null);
    expect(teamRow.map((r) => r.target)).toEqual([null, null, 10, 10, 10, 10, 10]);
    expect(teamRow.map((r) => r.total)).toEqual([0, 0, 0, 0, 4, 0, 0]);
    expect(history.filter((r) => r.userId === a.member.id).map((r) => r.target)).toEqual([null, null, 3, 3, 3, 3, 3]);
    // The team drill-down's people: the same.
    const members = await memberWeeklyTotals(t.db, { organizationId: a.organizationId, teamId: a.teamId, ...weeks });
    expect(members.filter((r) => r.userId === a.member.id).map((r) => r.target)).toEqual([null, null, 3, 3, 3, 3, 3]);
  });
});
