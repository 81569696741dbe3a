// The organization's report asks the database for "every active team" as a whole, where a
// program's report lists its teams one by one (#12: 500 listed ids made the quarter's totals
// seconds slower). Both ways must give the same numbers: on the demo, with an archived team that
// logged in the quarter and a program of every active team, the two reports' teams, next
// quarter's targets and open commitments agree to the last digit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "@/lib/seed/demo/catalogue";
import { seedDemo } from "@/lib/seed/demo/seedDemo";
import { assignLeadMeasure, createLeadEntries, createTeam, utcDate } from "@/lib/seed/factories";
import { collectSnapshot } from "@/lib/report/snapshot/collect";
import type { ReportSnapshot } from "@/lib/report/snapshot/types";
import { contextOf } from "../helpers/context";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";

/** Tuesday 1 December 2026: Q4 2026 is in progress. */
const NOW = new Date("2026-12-01T12:00:00Z");

const withoutRoles = (s: ReportSnapshot) => s.teams.map((t) => ({ ...t, role: null }));

describe.each(testDbKinds())("the organization's report and a program of all its teams [%s]", (kind) => {
  let t: TestDb;
  let whole: ReportSnapshot;
  let listed: ReportSnapshot;

  beforeAll(async () => {
    t = await createTestDb(kind);
    const { organizationId } = await seedDemo(t.db, { today: NOW });
    const ctx = await contextOf(t.db, DEMO_USERS.manager.email, organizationId);
    // An archived team that tracked a measure and logged in the quarter: in neither report.
    const measure = await t.db.leadMeasure.findFirstOrThrow({ where: { organizationId }, orderBy: { name: "asc" } });
    const member = await t.db.membership.findFirstOrThrow({ where: { organizationId } });
    const archived = await createTeam(t.db, organizationId, { name: "Closed branch", archivedAt: new Date("2026-11-20T00:00:00Z") });
    await assignLeadMeasure(t.db, organizationId, archived.id, measure.id, { weeklyTarget: 5 });
    await createLeadEntries(t.db, organizationId, [
      { teamId: archived.id, leadMeasureId: measure.id, userId: member.userId, entryDate: utcDate("2026-10-13"), value: 7 },
      { teamId: archived.id, leadMeasureId: measure.id, userId: member.userId, entryDate: utcDate("2026-11-17"), value: 3 },
    ]);
    const teams = await t.db.team.findMany({ where: { organizationId, archivedAt: null }, select: { id: true } });
    const program = await t.db.program.create({ data: { organizationId, name: "Everyone", startDate: utcDate("2026-07-06") } });
    await t.db.programTeam.createMany({ data: teams.map((team) => ({ organizationId, programId: program.id, teamId: team.id, role: "PARTICIPANT" as const })) });
    const request = { quarter: "2026-Q4", now: NOW };
    whole = await collectSnapshot(t.db, ctx, { scope: "organization", programId: null, ...request });
    listed = await collectSnapshot(t.db, ctx, { scope: "program", programId: program.id, ...request });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("gives every active team the same execution numbers either way", () => {
    expect(whole.teams.map((x) => x.name)).not.toContain("Closed branch");
    expect(whole.teams.length).toBeGreaterThan(1);
    expect(whole.teams.some((x) => x.leads.length > 0 && x.attainment != null && x.weekly.some((w) => w != null))).toBe(true);
    expect(withoutRoles(whole)).toEqual(withoutRoles(listed));
  });

  it("lists the same next quarter's targets and open commitments either way", () => {
    expect(whole.nextQuarterTargets.length).toBeGreaterThan(0);
    expect(whole.nextQuarterTargets).toEqual(listed.nextQuarterTargets);
    expect(whole.openCommitmentsAhead).toBe(listed.openCommitmentsAhead);
  });
});
