// The weekly roll-up ("LeadWeekTotal", kept by triggers on "LeadEntry") against the
// straightforward SQL over the entries, on every database Leadlag runs on. After each kind of
// write a user can make — one entry, an edit, a delete, an undo, a CSV import that replaces
// cells, a target change, a team's entries going with the team, a new week start for the
// organization, another organization writing at the same time — the roll-up must hold exactly
// the sums of the entries, and every query that reads it must answer what it answers when it
// reads the entries themselves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTenantContext, orgSettings } from "@/lib/auth/loadContext";
import type { TenantContext } from "@/lib/auth/tenant";
import { addDays, currentWeekStart, localDay } from "@/lib/domain/calendar/weeks";
import { heatmapFromRollup } from "@/lib/domain/leadWeeks";
import { ATTAINMENT_CAP } from "@/lib/domain/risk";
import { leadAttainmentHeatmap } from "@/lib/queries/leadAttainmentHeatmap";
import { leadTotalsByTeamWeek } from "@/lib/queries/leadTotalsByTeamWeek";
import { leadWeeklySeries } from "@/lib/queries/leadWeeklySeries";
import { quarterLeadTotals } from "@/lib/queries/quarterLeadTotals";
import { teamAttainmentByWeek } from "@/lib/queries/teamAttainmentByWeek";
import { rollupWindows, teamRollup } from "@/lib/queries/teamRollup";
import type { TotalsSource } from "@/lib/queries/weeklyLeadTotalsSql";
import { DEMO_USERS } from "@/lib/seed/demo/catalogue";
import { seedDemo } from "@/lib/seed/demo/seedDemo";
import { createOrgWithTeam, createLeadEntries, utcDate } from "@/lib/seed/factories";
import { changeLeadTarget } from "@/lib/services/measures";
import { createLeadEntry, deleteLeadEntry, setLeadCells } from "@/lib/services/leadEntries";
import { updateOrganizationSettings } from "@/lib/services/organization";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";

/** Numbers to 9 decimals: the roll-up sums exactly in numeric, the entries in float8. */
function rounded(value: unknown): unknown {
  if (typeof value === "number") return Math.round(value * 1e9) / 1e9;
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

describe.each(testDbKinds())("weekly lead roll-up = the entries [%s]", (kind) => {
  let t: TestDb;
  let organizationId: string;
  let ctx: TenantContext;
  let manager: TenantContext;

  beforeAll(async () => {
    t = await createTestDb(kind);
    organizationId = (await seedDemo(t.db)).organizationId;
    const owner = await t.db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.owner.email } });
    const mgr = await t.db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.manager.email } });
    ctx = (await loadTenantContext(t.db, owner.id, organizationId))!;
    manager = (await loadTenantContext(t.db, mgr.id, organizationId))!;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Rows of one organization's roll-up that differ from the sums of its entries, either way. */
  async function rollupDriftOf(orgId: string): Promise<unknown[]> {
    return t.db.$queryRaw<unknown[]>`
      WITH truth AS (
        SELECT e."organizationId", e."teamId", e."leadMeasureId",
               leadlag_week_start(e."entryDate", o."weekStartsOn") AS "weekStart",
               sum(e.value::numeric) AS total, count(*)::int AS entries
          FROM "LeadEntry" e JOIN "Organization" o ON o.id = e."organizationId"
         WHERE e."organizationId" = ${orgId}::uuid
         GROUP BY 1, 2, 3, 4
      ),
      kept AS (
        SELECT w."organizationId", w."teamId", w."leadMeasureId", w."weekStart", w.total, w.entries
          FROM "LeadWeekTotal" w
         WHERE w."organizationId" = ${orgId}::uuid
      )
      (SELECT 'missing' AS side, * FROM truth EXCEPT SELECT 'missing', * FROM kept)
      UNION ALL
      (SELECT 'extra', * FROM kept EXCEPT SELECT 'extra', * FROM truth)`;
  }

  /** The drift of every organization in the database (none may leak into another's rows). */
  async function rollupDrift(): Promise<unknown[]> {
    const orgs = await t.db.organization.findMany({ select: { id: true } });
    return (await Promise.all(orgs.map((o) => rollupDriftOf(o.id)))).flat();
  }

  /** Every query on the roll-up, called twice: on the roll-up and on the entries. */
  async function everyFastPath(source: TotalsSource) {
    const org = orgSettings(await t.db.organization.findUniqueOrThrow({ where: { id: organizationId } }));
    const now = new Date();
    const current = currentWeekStart(now, org.timeZone, org.weekStartsOn);
    const firstWeek = addDays(current, -7 * 30);
    const lastWeek = addDays(current, 7);
    const weekStartsOn = org.weekStartsOn;
    const thresholds = { green: org.greenThreshold, amber: org.amberThreshold };
    const teams = await t.db.team.findMany({ where: { organizationId }, orderBy: { name: "asc" }, select: { id: true } });
    const measures = await t.db.leadMeasure.findMany({ where: { organizationId }, orderBy: { name: "asc" }, select: { id: true } });
    const teamIds = teams.map((x) => x.id);
    const scope = { organizationId, firstWeek, lastWeek, weekStartsOn, source };
    const out: Record<string, unknown> = {
      attainment: await teamAttainmentByWeek(t.db, { ...scope, teamIds: [], cap: 1.5, thresholds }),
      attainmentTwoTeams: await teamAttainmentByWeek(t.db, { ...scope, teamIds: teamIds.slice(0, 2), cap: null, thresholds }),
      heatmap: await leadAttainmentHeatmap(t.db, { ...scope, teamIds: [], leadMeasureId: measures[0]!.id, thresholds }),
      rollup: await teamRollup(t.db, {
        organizationId,
        timeZone: org.timeZone,
        weekStartsOn,
        teamIds: [],
        windows: rollupWindows(lastWeek, current),
        thresholds,
        source,
      }),
      quarter: await quarterLeadTotals(t.db, { ...scope, teamIds: [], green: org.greenThreshold }),
    };
    // The dashboard draws its combined heatmap from the roll-up's team-weeks (read over the
    // filter's weeks): it must equal the heatmap query's cells.
    const wide = await teamRollup(t.db, {
      organizationId,
      timeZone: org.timeZone,
      weekStartsOn,
      teamIds: [],
      windows: { ...rollupWindows(lastWeek, current), firstWeek },
      thresholds,
      source,
    });
    out.combinedHeatmap = await leadAttainmentHeatmap(t.db, { ...scope, teamIds: [], leadMeasureId: null, thresholds });
    out.heatmapFromRollup = heatmapFromRollup(wide.teams, firstWeek, lastWeek, ATTAINMENT_CAP);
    // Two measures: the first (on the heatmap above) and one more; each query reads one at a time.
    for (const m of measures.slice(0, 2)) {
      out[`totals ${m.id}`] = await leadTotalsByTeamWeek(t.db, { ...scope, leadMeasureId: m.id });
      out[`series ${m.id}`] = await leadWeeklySeries(t.db, { ...scope, leadMeasureId: m.id });
      out[`team series ${m.id}`] = await leadWeeklySeries(t.db, { ...scope, leadMeasureId: m.id, teamId: teamIds[0] });
      out[`program series ${m.id}`] = await leadWeeklySeries(t.db, { ...scope, leadMeasureId: m.id, teamIds: teamIds.slice(1) });
    }
    return rounded(out);
  }

  async function expectSame(step: string) {
    expect(await rollupDrift(), `roll-up after: ${step}`).toEqual([]);
    const fast = await everyFastPath("rollup");
    const straight = await everyFastPath("entries");
    expect(fast, `queries after: ${step}`).toEqual(straight);
    const { combinedHeatmap, heatmapFromRollup: fromRollup } = fast as Record<string, unknown>;
    expect(fromRollup, `heatmap from the roll-up after: ${step}`).toEqual(combinedHeatmap);
    return fast;
  }

  it("holds the seeded history, and the queries on it read some", async () => {
    const fast = (await expectSame("the demo seed")) as { quarter: unknown[]; attainment: { attainment: number | null }[] };
    expect((await t.db.leadWeekTotal.count({ where: { organizationId } })) > 50).toBe(true);
    expect(fast.quarter.length > 0).toBe(true);
    expect(fast.attainment.some((r) => (r.attainment ?? 0) > 0)).toBe(true);
  });

  it("follows single entries: log, edit, delete, undo", async () => {
    const member = await t.db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.member.email } });
    const memberCtx = (await loadTenantContext(t.db, member.id, organizationId))!;
    const tm = await t.db.teamMember.findFirstOrThrow({ where: { organizationId, userId: member.id } });
    const tlm = await t.db.teamLeadMeasure.findFirstOrThrow({ where: { organizationId, teamId: tm.teamId } });
    const today = localDay(new Date(), ctx.organization.timeZone);
    const before = await t.db.leadWeekTotal.aggregate({ where: { organizationId, teamId: tm.teamId, leadMeasureId: tlm.leadMeasureId }, _sum: { entries: true } });
    const { entry } = await createLeadEntry(t.db, memberCtx, { teamId: tm.teamId, leadMeasureId: tlm.leadMeasureId, entryDate: today, value: "2" });
    const after = await t.db.leadWeekTotal.aggregate({ where: { organizationId, teamId: tm.teamId, leadMeasureId: tlm.leadMeasureId }, _sum: { entries: true } });
    expect(after._sum.entries).toBe((before._sum.entries ?? 0) + 1);
    await expectSame("an entry logged");

    await t.db.leadEntry.update({ where: { organizationId_id: { organizationId, id: entry.id } }, data: { value: 5 } });
    await expectSame("an entry edited");
    await t.db.leadEntry.update({ where: { organizationId_id: { organizationId, id: entry.id } }, data: { entryDate: utcDate(addDays(today, -9)) } });
    await expectSame("an entry moved to another week");

    const deleted = await deleteLeadEntry(t.db, manager, entry.id);
    await expectSame("an entry deleted");
    // The undo the team page offers writes the deleted cell back.
    await setLeadCells(t.db, manager, [{ teamId: deleted.teamId, leadMeasureId: deleted.leadMeasureId, userId: deleted.userId, entryDate: deleted.entryDate, value: deleted.value }], { source: "MANUAL" });
    await expectSame("a delete undone");
  });

  it("follows an import that replaces and clears cells, and target changes", async () => {
    const people = await t.db.teamMember.findMany({ where: { organizationId }, take: 6 });
    const current = currentWeekStart(new Date(), ctx.organization.timeZone, ctx.organization.weekStartsOn);
    const cells = [];
    for (const p of people) {
      const measures = await t.db.teamLeadMeasure.findMany({ where: { organizationId, teamId: p.teamId } });
      for (const m of measures) {
        for (let d = 1; d <= 12; d++) {
          cells.push({ teamId: p.teamId, leadMeasureId: m.leadMeasureId, userId: p.userId, entryDate: addDays(current, -d), value: d % 4 === 0 ? null : (d % 3) + 1 });
        }
      }
    }
    const { written, deleted } = await setLeadCells(t.db, ctx, cells, { source: "CSV", chunkSize: 37 });
    expect(written > 0 && deleted > 0).toBe(true);
    await expectSame("a CSV import");

    const tlm = await t.db.teamLeadMeasure.findFirstOrThrow({ where: { organizationId } });
    await changeLeadTarget(t.db, manager, { teamId: tlm.teamId, leadMeasureId: tlm.leadMeasureId, weeklyTarget: 3, effectiveFrom: addDays(current, -14) });
    const moved = await expectSame("a target change");
    expect(moved).not.toBeNull();
  });

  it("follows another organization's writes without mixing them in, and a deleted team or organization", async () => {
    const other = await createOrgWithTeam(t.db, { orgName: "Other org" });
    await createLeadEntries(t.db, other.organizationId, [
      { teamId: other.teamId, leadMeasureId: other.leadMeasureId, userId: other.member.id, entryDate: utcDate(addDays(localDay(new Date(), "UTC"), -1)), value: 7 },
    ]);
    await expectSame("another organization's entry");
    expect(await t.db.leadWeekTotal.count({ where: { organizationId: other.organizationId } })).toBe(1);
    await t.db.organization.delete({ where: { id: other.organizationId } });
    expect(await t.db.leadWeekTotal.count({ where: { organizationId: other.organizationId } })).toBe(0);

    const team = await t.db.team.findFirstOrThrow({ where: { organizationId }, orderBy: { name: "desc" } });
    await t.db.team.delete({ where: { organizationId_id: { organizationId, id: team.id } } });
    expect(await t.db.leadWeekTotal.count({ where: { organizationId, teamId: team.id } })).toBe(0);
    await expectSame("a team deleted with its entries");
  });

  it("rebuilds in the new calendar when the organization's week starts on another day", async () => {
    const weeksBefore = await t.db.leadWeekTotal.findMany({ where: { organizationId }, select: { weekStart: true }, distinct: ["weekStart"] });
    expect(weeksBefore.every((w) => w.weekStart.getUTCDay() === ctx.organization.weekStartsOn)).toBe(true);
    const org = ctx.organization;
    await updateOrganizationSettings(t.db, ctx, {
      name: org.name,
      timeZone: org.timeZone,
      weekStartsOn: org.weekStartsOn === 0 ? 1 : 0,
      currency: org.currency,
      locale: org.locale,
      greenPercent: org.greenThreshold * 100,
      amberPercent: org.amberThreshold * 100,
    });
    const weeksAfter = await t.db.leadWeekTotal.findMany({ where: { organizationId }, select: { weekStart: true }, distinct: ["weekStart"] });
    expect(weeksAfter.every((w) => w.weekStart.getUTCDay() === (org.weekStartsOn === 0 ? 1 : 0))).toBe(true);
    await expectSame("a new week start");
  });
});
