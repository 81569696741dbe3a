// Issue #13: a lag measure observed monthly is analysed against MONTHLY lead totals. The months
// are the organization's calendar months: a week that straddles two months is split by entry
// date, the team's start is read in the organization's time zone, and months before the team
// tracked the measure from their first day are missing, never zero.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lagMonthlySeries } from "@/lib/queries/lagMonthlySeries";
import { leadMonthlySeries } from "@/lib/queries/leadMonthlySeries";
import { addTeamMember, createLagMeasure, createLagObservations, createLeadEntries, createOrgWithTeam, createTeam, utcDate, type OrgWithTeam } from "@/lib/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";

describe.each(testDbKinds())("monthly lead totals and lag means [%s]", (kind) => {
  let t: TestDb;
  let a: OrgWithTeam;
  let b: OrgWithTeam;
  let second = "";
  let lagId = "";
  beforeAll(async () => {
    t = await createTestDb(kind);
    // Los Angeles is UTC−7 in summer: 2 Sep 2026 03:00 UTC is still 1 Sep there.
    a = await createOrgWithTeam(t.db, { timeZone: "America/Los_Angeles" });
    b = await createOrgWithTeam(t.db);
    const org = a.organizationId;
    await t.db.teamLeadMeasure.update({
      where: { organizationId_teamId_leadMeasureId: { organizationId: org, teamId: a.teamId, leadMeasureId: a.leadMeasureId } },
      data: { createdAt: new Date("2026-09-02T03:00:00Z") },
    });
    second = (await createTeam(t.db, org, { name: "Second" })).id;
    await addTeamMember(t.db, org, second, a.member.id);
    const entry = (teamId: string, date: string, value: number) => ({ teamId, leadMeasureId: a.leadMeasureId, userId: a.member.id, entryDate: utcDate(date), value });
    await createLeadEntries(t.db, org, [
      // The week of Monday 28 Sep – Sunday 4 Oct straddles September and October.
      entry(a.teamId, "2026-09-28", 2),
      entry(a.teamId, "2026-09-30", 3),
      entry(a.teamId, "2026-10-01", 7),
      entry(a.teamId, "2026-10-04", 1),
      entry(a.teamId, "2026-12-31", 4),
      entry(a.teamId, "2027-01-01", 100), // after the range: never counted
      // A second team started mid-November (its first entry): November is not a month it tracked.
      entry(second, "2026-11-16", 5),
      entry(second, "2026-12-01", 6),
    ]);
    await createLeadEntries(t.db, b.organizationId, [{ teamId: b.teamId, leadMeasureId: b.leadMeasureId, userId: b.member.id, entryDate: utcDate("2026-10-02"), value: 999 }]);
    lagId = (await createLagMeasure(t.db, org, { name: "Retention" })).id;
    const obs = (teamId: string | null, date: string, value: number) => ({ lagMeasureId: lagId, teamId, observedOn: utcDate(date), value });
    await createLagObservations(t.db, org, [
      obs(null, "2026-09-30", 86),
      obs(null, "2026-10-01", 88),
      obs(null, "2026-10-31", 90),
      obs(null, "2026-12-31", 91),
      obs(a.teamId, "2026-10-15", 70),
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const months = { unit: "month" as const, firstPeriod: "2026-07-01", lastPeriod: "2026-12-01" };
  const lead = async (teamId: string | null, organizationId = a.organizationId, leadMeasureId = a.leadMeasureId) =>
    (await leadMonthlySeries(t.db, { organizationId, leadMeasureId, teamId, ...months })).map((m) => [m.periodStart, m.value]);

  it("splits a week across two months by entry date, with the months before tracking empty", async () => {
    // Assigned on 1 Sep in Los Angeles (2 Sep in UTC): September is tracked from its first day.
    expect(await lead(a.teamId)).toEqual([
      ["2026-07-01", null],
      ["2026-08-01", null],
      ["2026-09-01", 5],
      ["2026-10-01", 8],
      ["2026-11-01", 0],
      ["2026-12-01", 4],
    ]);
  });

  it("leaves a month empty when a team began tracking during it", async () => {
    expect(await lead(second)).toEqual([
      ["2026-07-01", null],
      ["2026-08-01", null],
      ["2026-09-01", null],
      ["2026-10-01", null],
      ["2026-11-01", null],
      ["2026-12-01", 6],
    ]);
  });

  it("adds the teams up organization-wide from the first team's start, and never reads another organization", async () => {
    expect(await lead(null)).toEqual([
      ["2026-07-01", null],
      ["2026-08-01", null],
      ["2026-09-01", 5],
      ["2026-10-01", 8],
      ["2026-11-01", 5],
      ["2026-12-01", 10],
    ]);
    expect((await lead(null, a.organizationId, b.leadMeasureId)).every(([, v]) => v === null)).toBe(true);
  });

  it("totals quarters when the lag measure is quarterly", async () => {
    const rows = await leadMonthlySeries(t.db, { organizationId: a.organizationId, leadMeasureId: a.leadMeasureId, teamId: null, unit: "quarter", firstPeriod: "2026-07-01", lastPeriod: "2026-10-01" });
    // The third quarter was not tracked from its first day; the fourth adds 8 + 5 + 10.
    expect(rows).toEqual([
      { periodStart: "2026-07-01", value: null },
      { periodStart: "2026-10-01", value: 23 },
    ]);
  });

  it("averages a lag measure's observations per month, a month without one missing", async () => {
    const org = await lagMonthlySeries(t.db, { organizationId: a.organizationId, lagMeasureId: lagId, teamId: null, ...months });
    expect(org.map((m) => [m.periodStart, m.value])).toEqual([
      ["2026-07-01", null],
      ["2026-08-01", null],
      ["2026-09-01", 86],
      ["2026-10-01", 89],
      ["2026-11-01", null],
      ["2026-12-01", 91],
    ]);
    const team = await lagMonthlySeries(t.db, { organizationId: a.organizationId, lagMeasureId: lagId, teamId: a.teamId, ...months });
    expect(team.filter((m) => m.value != null)).toEqual([{ periodStart: "2026-10-01", value: 70 }]);
    const other = await lagMonthlySeries(t.db, { organizationId: b.organizationId, lagMeasureId: lagId, teamId: null, ...months });
    expect(other.every((m) => m.value === null)).toBe(true);
  });
});
