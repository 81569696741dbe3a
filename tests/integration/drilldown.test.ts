// The dashboard's drill-downs on every database Leadlag runs on: a team's people × measures ×
// weeks against their dated targets, its entries and commitments in a range, and a lag
// measure's observations with their sources — each on a small fixture whose answers are worked
// out by hand below — and that another organization's team or measure shows nothing (the
// pages' loaders: 404), while a member of the organization is refused (403).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadLagDrilldown } from "@/lib/views/lagDrilldown";
import { loadTeamDrilldown } from "@/lib/views/teamDrilldown";
import { loadTenantContext } from "@/lib/auth/loadContext";
import type { TenantContext } from "@/lib/auth/tenant";
import { AppError } from "@/lib/errors";
import { lagObservationsInRange } from "@/lib/queries/lagObservationsInRange";
import { memberWeeklyTotals } from "@/lib/queries/memberWeeklyTotals";
import { teamCommitmentsInRange } from "@/lib/queries/teamCommitmentsInRange";
import { decodeKeysetCursor } from "@/lib/queries/cursor";
import { teamEntriesInRange } from "@/lib/queries/teamEntriesInRange";
import {
  addMembership,
  assignLeadMeasure,
  createLagMeasure,
  createLagObservations,
  createLeadEntries,
  createLeadMeasure,
  createOrgWithTeam,
  createTeam,
  createUser,
  utcDate,
  type OrgWithTeam,
} from "@/lib/seed/factories";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";

// Weeks start on Monday (the factories' organizations are UTC, weekStartsOn 1).
const W0 = "2026-10-26";
const W1 = "2026-11-02";
const W2 = "2026-11-09";
const W3 = "2026-11-16";
const W4 = "2026-11-23";
const RANGE = { firstWeek: W1, lastWeek: W3 };
const LAST_DAY = "2026-11-22";
const NOW = new Date("2026-11-18T12:00:00Z"); // Wednesday of W3: the week under way
const at = (iso: string) => new Date(iso);

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe.each(testDbKinds())("dashboard drill-downs [%s]", (kind) => {
  let t: TestDb;
  let a: OrgWithTeam;
  let b: OrgWithTeam;
  let formerId: string;
  let recognitionsId: string;
  let otherTeamId: string;
  let csatId: string;
  let resolutionId: string;
  let bLagId: string;
  let manager: TenantContext; // manager@A
  let member: TenantContext; // member@A
  let stranger: TenantContext; // manager@B

  beforeAll(async () => {
    t = await createTestDb(kind);
    a = await createOrgWithTeam(t.db, { orgName: "Org A" });
    b = await createOrgWithTeam(t.db, { orgName: "Org B" });
    const A = a.organizationId;
    manager = (await loadTenantContext(t.db, a.manager.id, A))!;
    member = (await loadTenantContext(t.db, a.member.id, A))!;
    stranger = (await loadTenantContext(t.db, b.manager.id, b.organizationId))!;

    // Coaching: 3 per person from the start, 5 from W3 on (a dated target change).
    await t.db.leadTarget.create({
      data: { organizationId: A, teamId: a.teamId, leadMeasureId: a.leadMeasureId, effectiveFrom: utcDate(W3), weeklyTarget: 12, personWeeklyTarget: 5 },
    });
    // Recognitions: a team target only, no per-person target.
    recognitionsId = (await createLeadMeasure(t.db, A, { name: "Recognitions given", unit: "recognitions" })).id;
    await assignLeadMeasure(t.db, A, a.teamId, recognitionsId, { weeklyTarget: 4, personWeeklyTarget: null });
    // Someone who logged for the team in W2 and has left it since.
    const former = await createUser(t.db, { name: "Fran Former" });
    formerId = former.id;
    await addMembership(t.db, A, former.id, "MEMBER");
    otherTeamId = (await createTeam(t.db, A, { name: "Second Team" })).id;

    const entry = (userId: string, day: string, value: number, more: Record<string, unknown> = {}) => ({
      teamId: a.teamId,
      leadMeasureId: a.leadMeasureId,
      userId,
      entryDate: utcDate(day),
      value,
      createdById: userId,
      createdAt: at(`${day}T12:00:00Z`),
      ...more,
    });
    await createLeadEntries(t.db, A, [
      entry(a.member.id, "2026-11-02", 2), // W1
      entry(a.member.id, "2026-11-04", 1, { source: "API", createdById: null }), // W1
      entry(a.manager.id, "2026-11-10", 5), // W2
      entry(formerId, "2026-11-12", 2, { source: "CSV", createdById: a.manager.id }), // W2
      entry(a.member.id, "2026-11-17", 4, { createdAt: at("2026-11-17T10:00:00Z") }), // W3
      entry(a.manager.id, "2026-11-17", 1, { leadMeasureId: recognitionsId, createdAt: at("2026-11-17T09:00:00Z") }), // W3
      entry(a.member.id, "2026-11-18", 1, { leadMeasureId: recognitionsId, createdById: a.manager.id, note: "logged at the huddle" }), // W3
      // Outside the range, another team of A, and org B: none of these may count.
      entry(a.member.id, "2026-10-30", 9), // W0
      entry(a.member.id, "2026-11-23", 7), // W4
      entry(a.member.id, "2026-11-10", 6, { teamId: otherTeamId }),
    ]);
    await createLeadEntries(t.db, b.organizationId, [
      { teamId: b.teamId, leadMeasureId: b.leadMeasureId, userId: b.member.id, entryDate: utcDate("2026-11-10"), value: 8 },
    ]);

    const commitment = (userId: string, weekStart: string, status: string, more: Record<string, unknown> = {}) => ({
      organizationId: A,
      teamId: a.teamId,
      userId,
      weekStart: utcDate(weekStart),
      text: `${status} in ${weekStart}`,
      status: status as "OPEN",
      ...more,
    });
    await t.db.commitment.createMany({
      data: [
        commitment(a.member.id, W1, "DONE", { leadMeasureId: a.leadMeasureId }),
        commitment(a.member.id, W2, "NOT_DONE", { reason: "Sick two days" }),
        commitment(a.manager.id, W2, "PARTIAL", { reason: "Queue spike" }),
        commitment(a.manager.id, W3, "OPEN"),
        commitment(a.member.id, W0, "DONE"),
        commitment(a.member.id, W4, "OPEN"),
        commitment(a.member.id, W2, "DONE", { teamId: otherTeamId }),
      ],
    });
    await t.db.commitment.create({ data: { ...commitment(b.member.id, W2, "DONE"), organizationId: b.organizationId, teamId: b.teamId } });

    // CSAT from 78 on 1 Nov to 88 on 31 Dec (60 days): the path is 78 + 10 × days / 60.
    csatId = (
      await createLagMeasure(t.db, A, {
        name: "CSAT",
        baselineValue: 78,
        baselineDate: utcDate("2026-11-01"),
        targetValue: 88,
        targetDate: utcDate("2026-12-31"),
      })
    ).id;
    // Resolution time from 26 to 20 hours over the same days, lower is better.
    resolutionId = (
      await createLagMeasure(t.db, A, {
        name: "Resolution time",
        unit: "hours",
        direction: "LOWER_IS_BETTER",
        baselineValue: 26,
        baselineDate: utcDate("2026-11-01"),
        targetValue: 20,
        targetDate: utcDate("2026-12-31"),
      })
    ).id;
    const obs = (day: string, value: number, createdAt: string, more: Record<string, unknown> = {}) => ({
      lagMeasureId: csatId,
      observedOn: utcDate(day),
      value,
      createdAt: at(createdAt),
      ...more,
    });
    await createLagObservations(t.db, A, [
      obs("2026-11-08", 80, "2026-11-09T09:00:00Z", { createdById: a.manager.id, note: "survey wave 1" }),
      obs("2026-11-08", 83, "2026-11-09T10:00:00Z", { teamId: a.teamId, source: "CSV", createdById: a.manager.id }),
      obs("2026-11-15", 81, "2026-11-16T12:00:00Z", { source: "API" }),
      obs("2026-11-15", 79, "2026-11-16T11:00:00Z", { teamId: otherTeamId, source: "SEED" }),
      obs("2026-11-22", 82, "2026-11-23T08:00:00Z", { createdById: a.manager.id }),
      obs("2026-10-25", 77, "2026-10-26T08:00:00Z"), // before the range
      obs("2026-11-29", 84, "2026-11-30T08:00:00Z"), // after it
      obs("2026-11-22", 23, "2026-11-23T08:00:00Z", { lagMeasureId: resolutionId }),
      obs("2026-11-15", 25, "2026-11-16T08:00:00Z", { lagMeasureId: resolutionId }),
    ]);
    bLagId = (await createLagMeasure(t.db, b.organizationId, { name: "CSAT" })).id;
    await createLagObservations(t.db, b.organizationId, [
      { lagMeasureId: bLagId, observedOn: utcDate("2026-11-15"), value: 99, source: "MANUAL" },
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe("each person's weekly totals per measure", () => {
    it("gives every person × measure × week, gap-filled, with the per-person target in force that week", async () => {
      const rows = await memberWeeklyTotals(t.db, { organizationId: a.organizationId, teamId: a.teamId, ...RANGE, weekStartsOn: 1 });
      expect(rows).toHaveLength(3 * 2 * 3); // people × measures × weeks
      const series = (userId: string, leadMeasureId: string) =>
        rows.filter((r) => r.userId === userId && r.leadMeasureId === leadMeasureId).map((r) => [r.weekStart, r.total, r.target]);
      expect(series(a.member.id, a.leadMeasureId)).toEqual([
        [W1, 3, 3],
        [W2, 0, 3],
        [W3, 4, 5],
      ]);
      expect(series(a.manager.id, a.leadMeasureId)).toEqual([
        [W1, 0, 3],
        [W2, 5, 3],
        [W3, 0, 5],
      ]);
      expect(series(formerId, a.leadMeasureId)).toEqual([
        [W1, 0, 3],
        [W2, 2, 3],
        [W3, 0, 5],
      ]);
      expect(series(a.member.id, recognitionsId)).toEqual([
        [W1, 0, null],
        [W2, 0, null],
        [W3, 1, null],
      ]);
      expect(series(a.manager.id, recognitionsId).map(([, total]) => total)).toEqual([0, 0, 1]);
      // Everything the team logged in the range and nothing else: 3 + 5 + 2 + 4 + 1 + 1.
      expect(rows.reduce((s, r) => s + r.total, 0)).toBe(16);
      expect(rows.every((r) => typeof r.total === "number")).toBe(true);
    });

    it("lists the team's members by name, then whoever logged for it and has left", async () => {
      const rows = await memberWeeklyTotals(t.db, { organizationId: a.organizationId, teamId: a.teamId, ...RANGE, weekStartsOn: 1 });
      const people = [...new Map(rows.map((r) => [r.userId, [r.personName, r.onTeam]])).values()];
      expect(people).toEqual([
        [a.manager.name, true],
        [a.member.name, true],
        ["Fran Former", false],
      ]);
    });
  });

  describe("the team's entries in the range", () => {
    it("pages newest first, ties broken by when they were logged, without skipping or repeating", async () => {
      const params = { organizationId: a.organizationId, teamId: a.teamId, from: W1, to: LAST_DAY, limit: 2 };
      const seen: [string, string, number][] = [];
      let after = null;
      let pages = 0;
      for (;;) {
        const page = await teamEntriesInRange(t.db, { ...params, after });
        expect(page.total).toBe(7);
        seen.push(...page.entries.map((e) => [e.entryDate, e.personName, e.value] as [string, string, number]));
        pages++;
        if (!page.nextCursor) break;
        after = decodeKeysetCursor(page.nextCursor);
      }
      expect(pages).toBe(4);
      expect(seen).toEqual([
        ["2026-11-18", a.member.name, 1],
        ["2026-11-17", a.member.name, 4], // logged at 10:00
        ["2026-11-17", a.manager.name, 1], // logged at 09:00
        ["2026-11-12", "Fran Former", 2],
        ["2026-11-10", a.manager.name, 5],
        ["2026-11-04", a.member.name, 1],
        ["2026-11-02", a.member.name, 2],
      ]);
    });

    it("says how each entry came in and who typed it when that was someone else", async () => {
      const { entries } = await teamEntriesInRange(t.db, { organizationId: a.organizationId, teamId: a.teamId, from: W1, to: LAST_DAY });
      const byDay = new Map(entries.map((e) => [`${e.entryDate} ${e.value}`, e]));
      expect(byDay.get("2026-11-18 1")).toMatchObject({
        measureName: "Recognitions given",
        source: "MANUAL",
        note: "logged at the huddle",
        createdById: a.manager.id,
        createdByName: a.manager.name,
      });
      expect(byDay.get("2026-11-12 2")).toMatchObject({ source: "CSV", createdByName: a.manager.name });
      expect(byDay.get("2026-11-04 1")).toMatchObject({ source: "API", createdById: null, createdByName: null });
      expect(byDay.get("2026-11-02 2")).toMatchObject({ source: "MANUAL", createdById: a.member.id, createdAt: "2026-11-02T12:00:00.000Z" });
    });

    it("ignores a cursor that is not one of ours (first page)", async () => {
      expect(decodeKeysetCursor("not-a-cursor")).toBeNull();
      expect(decodeKeysetCursor(Buffer.from("2026-11-02|yesterday|x").toString("base64url"))).toBeNull();
    });
  });

  describe("the team's commitments in the range", () => {
    it("lists the weeks' commitments newest week first with their reviews, and counts them by status", async () => {
      const { commitments, counts } = await teamCommitmentsInRange(t.db, { organizationId: a.organizationId, teamId: a.teamId, ...RANGE });
      expect(commitments.map((c) => [c.weekStart, c.personName, c.status, c.reason])).toEqual([
        [W3, a.manager.name, "OPEN", ""],
        [W2, a.manager.name, "PARTIAL", "Queue spike"],
        [W2, a.member.name, "NOT_DONE", "Sick two days"],
        [W1, a.member.name, "DONE", ""],
      ]);
      expect(commitments.at(-1)!.measureName).toBe("Coaching conversations");
      expect(counts).toEqual({ OPEN: 1, DONE: 1, PARTIAL: 1, NOT_DONE: 1 });
    });
  });

  describe("a lag measure's observations in the range", () => {
    const params = () => ({ organizationId: a.organizationId, lagMeasureId: csatId, from: W1, to: LAST_DAY });

    it("counts them by source and pages newest first", async () => {
      const first = await lagObservationsInRange(t.db, { ...params(), limit: 2 });
      expect(first.total).toBe(5);
      expect(first.bySource).toEqual({ MANUAL: 2, CSV: 1, API: 1, SEED: 1 });
      const values: number[] = first.observations.map((o) => o.value);
      let cursor = first.nextCursor;
      while (cursor) {
        const page = await lagObservationsInRange(t.db, { ...params(), limit: 2, after: decodeKeysetCursor(cursor) });
        values.push(...page.observations.map((o) => o.value));
        cursor = page.nextCursor;
      }
      expect(values).toEqual([82, 81, 79, 83, 80]);
    });

    it("names each value's team (or none for the organization) and who recorded it", async () => {
      const { observations } = await lagObservationsInRange(t.db, params());
      const byValue = new Map(observations.map((o) => [o.value, o]));
      expect(byValue.get(80)).toMatchObject({ teamId: null, teamName: null, source: "MANUAL", note: "survey wave 1", createdByName: a.manager.name });
      expect(byValue.get(83)).toMatchObject({ teamId: a.teamId, teamName: "Support Team", source: "CSV" });
      expect(byValue.get(81)).toMatchObject({ source: "API", createdByName: null, createdAt: "2026-11-16T12:00:00.000Z" });
      expect(byValue.get(79)).toMatchObject({ teamName: "Second Team", source: "SEED" });
    });

    it("keeps only the chosen teams' values when teams are filtered", async () => {
      const one = await lagObservationsInRange(t.db, { ...params(), teamIds: [a.teamId] });
      expect(one.observations.map((o) => o.value)).toEqual([83]);
      expect(one.bySource).toEqual({ MANUAL: 0, CSV: 1, API: 0, SEED: 0 });
      const two = await lagObservationsInRange(t.db, { ...params(), teamIds: [a.teamId, otherTeamId] });
      expect(two.observations.map((o) => o.value)).toEqual([79, 83]);
      expect(two.total).toBe(2);
    });
  });

  describe("the team drill-down page's data", () => {
    it("judges each person on finished weeks against their targets", async () => {
      const d = await loadTeamDrilldown(t.db, manager, a.teamId, RANGE, undefined, NOW);
      expect(d.team.name).toBe("Support Team");
      expect(d.members.measures.map((m) => m.name)).toEqual(["Coaching conversations", "Recognitions given"]);
      const sam = d.members.people.find((p) => p.userId === a.member.id)!;
      // Coaching: 7 in all; W1 3 of 3 and W2 0 of 3 are judged (W3 is under way on NOW): 50%.
      expect(sam.cells[0]).toMatchObject({ total: 7, judgedTotal: 3, judgedTarget: 6, attainment: 0.5, status: "red", weeksOnTarget: 1 });
      expect(sam.cells[1]).toMatchObject({ total: 1, attainment: null, status: "none" });
      expect(d.entries.total).toBe(7);
      expect(d.commitments.commitments).toHaveLength(4);
    });

    it("refuses a member of the organization (403)", async () => {
      expect((await rejection(loadTeamDrilldown(t.db, member, a.teamId, RANGE))).code).toBe("forbidden");
    });

    it("is not found for another organization's team, an unknown id and a malformed one (404)", async () => {
      for (const id of [a.teamId, "00000000-0000-4000-8000-000000000000", "not-a-team"]) {
        expect((await rejection(loadTeamDrilldown(t.db, stranger, id, RANGE))).code).toBe("not_found");
      }
      expect((await rejection(loadTeamDrilldown(t.db, manager, b.teamId, RANGE))).code).toBe("not_found");
    });
  });

  describe("the lag drill-down page's data", () => {
    it("judges each value against the path in the measure's direction", async () => {
      const csat = await loadLagDrilldown(t.db, manager, csatId, { ...RANGE, teamIds: [] });
      // Path on 15 Nov: 78 + 10 × 14/60 ≈ 80.33, so 81 is on track and 79 off.
      expect(csat.observations.map((o) => [o.value, o.status])).toEqual([
        [82, "green"],
        [81, "green"],
        [79, "red"],
        [83, "green"],
        [80, "green"],
      ]);
      expect(csat.observations[1]!.path).toBeCloseTo(78 + (10 * 14) / 60);
      // Lower is better: path on 22 Nov is 26 − 6 × 21/60 = 23.9; 23 hours is on track, and on
      // 15 Nov (path 24.6) 25 hours is off it.
      const resolution = await loadLagDrilldown(t.db, manager, resolutionId, { ...RANGE, teamIds: [] });
      expect(resolution.observations.map((o) => [o.value, o.status])).toEqual([
        [23, "green"],
        [25, "red"],
      ]);
    });

    it("drops a team filter naming another organization's team, and never shows its values", async () => {
      const d = await loadLagDrilldown(t.db, manager, csatId, { ...RANGE, teamIds: [b.teamId] });
      expect(d.teamIds).toEqual([]);
      expect(d.total).toBe(5);
      expect(d.observations.map((o) => o.value)).not.toContain(99);
    });

    it("refuses a member (403) and is not found for another organization's measure (404)", async () => {
      expect((await rejection(loadLagDrilldown(t.db, member, csatId, { ...RANGE, teamIds: [] }))).code).toBe("forbidden");
      expect((await rejection(loadLagDrilldown(t.db, stranger, csatId, { ...RANGE, teamIds: [] }))).code).toBe("not_found");
      expect((await rejection(loadLagDrilldown(t.db, manager, bLagId, { ...RANGE, teamIds: [] }))).code).toBe("not_found");
    });
  });

  it("shows nothing of a team or measure when asked from another organization", async () => {
    const B = b.organizationId;
    expect(await memberWeeklyTotals(t.db, { organizationId: B, teamId: a.teamId, ...RANGE, weekStartsOn: 1 })).toEqual([]);
    expect(await teamEntriesInRange(t.db, { organizationId: B, teamId: a.teamId, from: W1, to: LAST_DAY })).toEqual({
      entries: [],
      total: 0,
      nextCursor: null,
    });
    expect(await teamCommitmentsInRange(t.db, { organizationId: B, teamId: a.teamId, ...RANGE })).toEqual({
      commitments: [],
      counts: { OPEN: 0, DONE: 0, PARTIAL: 0, NOT_DONE: 0 },
    });
    const lag = await lagObservationsInRange(t.db, { organizationId: B, lagMeasureId: csatId, from: W1, to: LAST_DAY });
    expect(lag).toMatchObject({ observations: [], total: 0, nextCursor: null });
  });
});
