// Defining measures: lead measures with dated team targets, lag measures with direction, and
// the guard rails (roles, names, another organization's teams).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTenantContext } from "@/lib/auth/loadContext";
import type { TenantContext } from "@/lib/auth/tenant";
import { AppError } from "@/lib/errors";
import { teamWeekScoreboard } from "@/lib/queries/teamWeekScoreboard";
import { createOrgWithTeam, type OrgWithTeam } from "@/lib/seed/factories";
import { archiveLeadMeasure, changeLeadTarget, createLeadMeasure, saveLagMeasure, updateLeadMeasure } from "@/lib/services/measures";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe.each(testDbKinds())("defining measures [%s]", (kind) => {
  let t: TestDb;
  let a: OrgWithTeam;
  let b: OrgWithTeam;
  let managerA: TenantContext;
  let memberA: TenantContext;
  let managerB: TenantContext;

  const followUps = (over: Record<string, unknown> = {}) => ({
    name: "Follow-up calls",
    description: "Calls after a resolved issue.",
    unit: "calls",
    aggregation: "COUNT",
    ownerIds: [a.manager.id],
    targets: [{ teamId: a.teamId, weeklyTarget: "20", personWeeklyTarget: "5" }],
    ...over,
  });

  beforeAll(async () => {
    t = await createTestDb(kind);
    a = await createOrgWithTeam(t.db);
    b = await createOrgWithTeam(t.db);
    managerA = (await loadTenantContext(t.db, a.manager.id, a.organizationId))!;
    memberA = (await loadTenantContext(t.db, a.member.id, a.organizationId))!;
    managerB = (await loadTenantContext(t.db, b.manager.id, b.organizationId))!;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("creates a lead measure that the team then tracks against its target", async () => {
    const m = await createLeadMeasure(t.db, managerA, followUps());
    const board = await teamWeekScoreboard(t.db, { organizationId: a.organizationId, teamId: a.teamId, weekStart: "2026-11-16", userId: a.member.id });
    expect(board.find((r) => r.leadMeasureId === m.id)).toMatchObject({ name: "Follow-up calls", weeklyTarget: 20, personWeeklyTarget: 5 });
    const err = await refusal(createLeadMeasure(t.db, managerA, followUps()));
    expect(err.details?.fieldErrors?.name).toEqual(["A lead measure with this name already exists."]);
  });

  it("dates a target change: earlier weeks keep the old target", async () => {
    const m = await createLeadMeasure(t.db, managerA, followUps({ name: "Callbacks" }));
    await changeLeadTarget(t.db, managerA, { teamId: a.teamId, leadMeasureId: m.id, weeklyTarget: "30", effectiveFrom: "2026-11-11" }, new Date("2026-11-18T12:00:00Z"));
    const target = async (weekStart: string) =>
      (await teamWeekScoreboard(t.db, { organizationId: a.organizationId, teamId: a.teamId, weekStart, userId: a.member.id })).find(
        (r) => r.leadMeasureId === m.id,
      )!.weeklyTarget;
    expect(await target("2026-11-02")).toBe(20);
    expect(await target("2026-11-09")).toBe(30); // the change applies from the week containing 11 Nov
    expect(await target("2026-11-16")).toBe(30);
    const assignment = await t.db.teamLeadMeasure.findFirst({ where: { organizationId: a.organizationId, leadMeasureId: m.id } });
    expect(assignment?.weeklyTarget).toBe(30);
  });

  it("refuses field by field, and keeps members out", async () => {
    const err = await refusal(createLeadMeasure(t.db, managerA, followUps({ name: "", aggregation: "MAX", targets: [{ teamId: a.teamId, weeklyTarget: "-1" }] })));
    expect(Object.keys(err.details?.fieldErrors ?? {}).sort()).toEqual(["aggregation", "name", "targets.0.weeklyTarget"]);
    expect((await refusal(createLeadMeasure(t.db, memberA, followUps({ name: "Mine" })))).status).toBe(403);
  });

  it("never lets another organization's manager see, change or borrow these", async () => {
    const m = await createLeadMeasure(t.db, managerA, followUps({ name: "Shared name?" }));
    expect((await refusal(updateLeadMeasure(t.db, managerB, m.id, followUps({ name: "Hijacked" })))).status).toBe(404);
    expect((await refusal(archiveLeadMeasure(t.db, managerB, m.id))).status).toBe(404);
    // B cannot assign its measure to A's team or make A's people owners.
    const err = await refusal(
      createLeadMeasure(t.db, managerB, followUps({ name: "B's", ownerIds: [a.member.id], targets: [{ teamId: a.teamId, weeklyTarget: "1" }] })),
    );
    expect(err.details?.fieldErrors).toMatchObject({ targets: expect.any(Array), ownerIds: expect.any(Array) });
    expect(await t.db.leadMeasure.findFirst({ where: { organizationId: a.organizationId, name: "Hijacked" } })).toBeNull();
  });

  it("archives a measure: it leaves the scoreboard, its entries stay", async () => {
    const m = await createLeadMeasure(t.db, managerA, followUps({ name: "Old habit" }));
    await t.db.leadEntry.create({
      data: { organizationId: a.organizationId, teamId: a.teamId, leadMeasureId: m.id, userId: a.member.id, entryDate: new Date("2026-11-16T00:00:00Z"), value: 2 },
    });
    await archiveLeadMeasure(t.db, managerA, m.id);
    const board = await teamWeekScoreboard(t.db, { organizationId: a.organizationId, teamId: a.teamId, weekStart: "2026-11-16", userId: a.member.id });
    expect(board.map((r) => r.name)).not.toContain("Old habit");
    expect(await t.db.leadEntry.count({ where: { organizationId: a.organizationId, leadMeasureId: m.id } })).toBe(1);
  });

  it("saves lag measures with a direction the target must respect", async () => {
    const base = {
      name: "Average resolution time",
      kind: "DURATION",
      unit: "hours",
      direction: "LOWER_IS_BETTER",
      cadence: "WEEKLY",
      baselineValue: "26",
      baselineDate: "2026-08-01",
      targetValue: "20",
      targetDate: "2027-03-31",
      driverIds: [a.leadMeasureId],
    };
    const lag = await saveLagMeasure(t.db, managerA, null, base);
    expect(lag).toMatchObject({ direction: "LOWER_IS_BETTER", targetValue: 20 });
    expect(await t.db.lagDriver.count({ where: { organizationId: a.organizationId, lagMeasureId: lag.id } })).toBe(1);
    const err = await refusal(saveLagMeasure(t.db, managerA, null, { ...base, name: "Worse", targetValue: "30" }));
    expect(err.details?.fieldErrors?.targetValue).toEqual(["Must be better than the baseline in the direction you chose."]);
    // A goal no result could ever be recorded against (results stop at MAX_LAG_VALUE) is refused too.
    const huge = await refusal(saveLagMeasure(t.db, managerA, null, { ...base, name: "Huge", baselineValue: "1e300" }));
    expect(huge.details?.fieldErrors?.baselineValue).toEqual(["That number is too large."]);
    const err2 = await refusal(saveLagMeasure(t.db, managerB, null, { ...base, name: "B lag", driverIds: [a.leadMeasureId] }));
    expect(err2.details?.fieldErrors?.driverIds).toBeDefined();
    expect((await refusal(saveLagMeasure(t.db, managerB, lag.id, base))).status).toBe(404);
  });
});
