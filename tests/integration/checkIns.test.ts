// The weekly check-in on every database Leadlag runs on: who may review and make commitments
// and mark the check-in held, what is refused field by field, that marking it twice changes
// nothing, that another organization sees nothing — and the execution score on a small team
// whose answers are worked out by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTenantContext } from "@/lib/auth/loadContext";
import type { TenantContext } from "@/lib/auth/tenant";
import { lagStatus } from "@/lib/domain/status";
import { AppError } from "@/lib/errors";
import { teamExecutionScore } from "@/lib/queries/teamCadence";
import { teamLagScoreboard } from "@/lib/queries/teamLagScoreboard";
import { teamLeadHistory } from "@/lib/queries/teamLeadHistory";
import {
  addMembership,
  addTeamMember,
  createLagMeasure,
  createLagObservations,
  createLeadEntries,
  createOrgWithTeam,
  createUser,
  utcDate,
  type OrgWithTeam,
} from "@/lib/seed/factories";
import { checkInAccess } from "@/lib/queries/checkInAccess";
import { createCommitments, markCheckInHeld, reviewCommitment } from "@/lib/services/checkIns";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";

const NOW = new Date("2026-11-18T12:00:00Z"); // a Wednesday; the week starts Monday 16 Nov
const THIS_WEEK = "2026-11-16";
const LAST_WEEK = "2026-11-09";

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe.each(testDbKinds())("the weekly check-in [%s]", (kind) => {
  let t: TestDb;
  let a: OrgWithTeam;
  let b: OrgWithTeam;
  let lead: TenantContext; // manager@A, lead of the team
  let member: TenantContext; // member@A, on the team
  let outsider: TenantContext; // member@A, not on the team
  let stranger: TenantContext; // manager@B

  const counts = async (organizationId: string) => ({
    commitments: await t.db.commitment.count({ where: { organizationId } }),
    checkIns: await t.db.checkIn.count({ where: { organizationId } }),
  });
  const commit = (ctx: TenantContext, items: Record<string, unknown>[], weekStart = THIS_WEEK, teamId = a.teamId) =>
    createCommitments(t.db, ctx, { teamId, weekStart, items }, NOW);

  beforeAll(async () => {
    t = await createTestDb(kind);
    a = await createOrgWithTeam(t.db, { orgName: "Org A" });
    b = await createOrgWithTeam(t.db, { orgName: "Org B" });
    const other = await createUser(t.db, { name: "Olive Outsider" });
    await addMembership(t.db, a.organizationId, other.id, "MEMBER");
    lead = (await loadTenantContext(t.db, a.manager.id, a.organizationId))!;
    member = (await loadTenantContext(t.db, a.member.id, a.organizationId))!;
    outsider = (await loadTenantContext(t.db, other.id, a.organizationId))!;
    stranger = (await loadTenantContext(t.db, b.manager.id, b.organizationId))!;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("the lead makes commitments tied to a lead measure, and reviews them a week later", async () => {
    const [mine, theirs] = await commit(
      lead,
      [
        { userId: a.manager.id, text: "Coach Sam on two refund calls", leadMeasureId: a.leadMeasureId },
        { userId: a.member.id, text: "Share one customer story", leadMeasureId: "" },
      ],
      LAST_WEEK,
    );
    expect(mine).toMatchObject({ weekStart: LAST_WEEK, status: "OPEN", leadMeasureId: a.leadMeasureId, userId: a.manager.id });
    expect(theirs).toMatchObject({ leadMeasureId: null, text: "Share one customer story" });

    const done = await reviewCommitment(t.db, lead, { commitmentId: mine!.id, status: "DONE", reason: "ignored when done" }, NOW);
    expect(done).toMatchObject({ status: "DONE", reason: "" });
    const partial = await reviewCommitment(t.db, member, { commitmentId: theirs!.id, status: "PARTIAL", reason: "Only had time to draft it" }, NOW);
    expect(partial).toMatchObject({ status: "PARTIAL", reason: "Only had time to draft it" });

    const audit = await t.db.auditEvent.findMany({ where: { organizationId: a.organizationId, entityId: theirs!.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([
      ["commitment.create", a.manager.id],
      ["commitment.review", a.member.id],
    ]);
    expect(audit[1]!.before).toMatchObject({ status: "OPEN" });
    expect(audit[1]!.after).toMatchObject({ status: "PARTIAL" });
  });

  it.each(["NOT_DONE", "PARTIAL"] as const)("asks for a reason when a commitment is %s, and saves nothing without one", async (status) => {
    const [c] = await commit(lead, [{ userId: a.member.id, text: `Recognise a colleague (${status})` }], "2026-11-02");
    const err = await rejection(reviewCommitment(t.db, lead, { commitmentId: c!.id, status, reason: "   " }, NOW));
    expect(err.status).toBe(400);
    expect(err.details?.fieldErrors?.reason).toEqual(["Say why it was not (fully) done."]);
    expect(await t.db.commitment.findFirst({ where: { organizationId: a.organizationId, id: c!.id } })).toMatchObject({ status: "OPEN" });
  });

  it("refuses bad commitments field by field and writes none of them", async () => {
    const before = await counts(a.organizationId);
    const blank = await rejection(commit(lead, [{ userId: a.member.id, text: "", leadMeasureId: a.leadMeasureId }]));
    expect(blank.details?.fieldErrors).toEqual({ "items.0.text": ["Write what you will do."] });
    const err = await rejection(
      commit(lead, [
        { userId: a.member.id, text: "Log every coaching chat", leadMeasureId: a.leadMeasureId },
        { userId: a.member.id, text: "Log every coaching chat", leadMeasureId: b.leadMeasureId },
        { userId: "00000000-0000-4000-8000-000000000000", text: "Someone not on the team" },
      ]),
    );
    expect(err.details?.fieldErrors).toEqual({
      "items.1.leadMeasureId": ["This team does not track that measure."],
      "items.2.userId": ["This person is not on the team."],
    });
    const empty = await rejection(commit(lead, [{ userId: a.member.id, text: " ", leadMeasureId: "" }]));
    expect(empty.details?.fieldErrors).toEqual({ items: ["Write at least one commitment."] });
    expect(await counts(a.organizationId)).toEqual(before);
  });

  it("keeps the limit when three commitments for one person are added at the same moment", async () => {
    const racer = await createUser(t.db, { name: "Rae Racer" });
    await addMembership(t.db, a.organizationId, racer.id, "MEMBER");
    await addTeamMember(t.db, a.organizationId, a.teamId, racer.id);
    const results = await Promise.allSettled([1, 2, 3].map((n) => commit(lead, [{ userId: racer.id, text: `Race ${n}` }])));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(await t.db.commitment.count({ where: { organizationId: a.organizationId, userId: racer.id } })).toBe(2);
  });

  it("lets a member make their own commitment for this week and review their own last week", async () => {
    const [own] = await commit(member, [{ userId: a.member.id, text: "Ask for feedback on two calls", leadMeasureId: a.leadMeasureId }]);
    expect(own).toMatchObject({ userId: a.member.id, weekStart: THIS_WEEK, status: "OPEN" });
    const [lastWeeks] = await commit(lead, [{ userId: a.member.id, text: "Recognise Jordan" }], LAST_WEEK);
    expect(await reviewCommitment(t.db, member, { commitmentId: lastWeeks!.id, status: "NOT_DONE", reason: "Jordan was away" }, NOW)).toMatchObject({
      status: "NOT_DONE",
      reason: "Jordan was away",
    });
  });

  it("keeps to one or two commitments per person a week", async () => {
    await commit(lead, [{ userId: a.member.id, text: "Second" }]);
    const err = await rejection(commit(lead, [{ userId: a.member.id, text: "Third" }]));
    expect(err.details?.fieldErrors?.["items.0.text"]?.[0]).toMatch(/One or two commitments a week each/);
    expect(await t.db.commitment.count({ where: { organizationId: a.organizationId, userId: a.member.id, weekStart: utcDate(THIS_WEEK) } })).toBe(2);
  });

  it("refuses a member who acts for someone else, for an earlier week, or marks the check-in held (403)", async () => {
    const before = await counts(a.organizationId);
    const forOthers = await rejection(commit(member, [{ userId: a.manager.id, text: "Lead's job" }]));
    expect(forOthers.status).toBe(403);
    const earlier = await rejection(commit(member, [{ userId: a.member.id, text: "Backdated" }], "2026-11-02"));
    expect(earlier.status).toBe(403);
    const [leadsOwn] = await commit(lead, [{ userId: a.manager.id, text: "Lead's own" }]);
    const review = await rejection(reviewCommitment(t.db, member, { commitmentId: leadsOwn!.id, status: "DONE" }, NOW));
    expect(review.status).toBe(403);
    const held = await rejection(markCheckInHeld(t.db, member, { teamId: a.teamId, weekStart: THIS_WEEK }, NOW));
    expect(held.status).toBe(403);
    expect(held.message).toBe("Only the team lead or a manager can mark the check-in held.");
    expect((await counts(a.organizationId)).checkIns).toBe(before.checkIns);
  });

  it("refuses an organization member who is not on the team (403)", async () => {
    const err = await rejection(commit(outsider, [{ userId: outsider.userId, text: "Not my team" }]));
    expect(err.status).toBe(403);
    expect((await rejection(markCheckInHeld(t.db, outsider, { teamId: a.teamId, weekStart: THIS_WEEK }, NOW))).status).toBe(403);
  });

  it("shows another organization nothing: its team and commitments are not found (404)", async () => {
    const before = await counts(a.organizationId);
    const [c] = await commit(lead, [{ userId: a.manager.id, text: "Private to org A" }], LAST_WEEK);
    for (const attempt of [
      () => commit(stranger, [{ userId: b.manager.id, text: "Sneaky" }]),
      () => markCheckInHeld(t.db, stranger, { teamId: a.teamId, weekStart: THIS_WEEK }, NOW),
      () => reviewCommitment(t.db, stranger, { commitmentId: c!.id, status: "DONE" }, NOW),
    ]) {
      const err = await rejection(attempt());
      expect(err.status).toBe(404);
    }
    expect(await counts(a.organizationId)).toEqual({ ...before, commitments: before.commitments + 1 });
    expect(await t.db.commitment.findFirst({ where: { organizationId: a.organizationId, id: c!.id } })).toMatchObject({ status: "OPEN" });
    expect(await teamLagScoreboard(t.db, { organizationId: b.organizationId, teamId: a.teamId, asOf: THIS_WEEK })).toEqual([]);
    expect(
      await teamLeadHistory(t.db, { organizationId: b.organizationId, teamId: a.teamId, firstWeek: LAST_WEEK, lastWeek: THIS_WEEK, weekStartsOn: 1 }),
    ).toEqual([]);
  });

  it("marks the check-in held once, however often it is clicked", async () => {
    const first = await markCheckInHeld(t.db, lead, { teamId: a.teamId, weekStart: "2026-11-18" }, NOW);
    expect(first.created).toBe(true);
    expect(first.checkIn.weekStart).toBe(THIS_WEEK);
    const again = await Promise.all([1, 2, 3].map(() => markCheckInHeld(t.db, lead, { teamId: a.teamId, weekStart: THIS_WEEK }, NOW)));
    expect(again.every((r) => !r.created && r.checkIn.id === first.checkIn.id)).toBe(true);
    expect(await t.db.checkIn.count({ where: { organizationId: a.organizationId, teamId: a.teamId } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { organizationId: a.organizationId, action: "check_in.hold" } })).toBe(1);
  });

  it("refuses a check-in for a week that has not started", async () => {
    const err = await rejection(markCheckInHeld(t.db, lead, { teamId: a.teamId, weekStart: "2026-11-23" }, NOW));
    expect(err.details?.fieldErrors?.weekStart).toEqual(["That week has not started yet."]);
    const c = await rejection(commit(lead, [{ userId: a.member.id, text: "Later" }], "2026-11-30"));
    expect(c.details?.fieldErrors?.weekStart).toEqual(["That week has not started yet."]);
  });

  describe("execution score of a small team, worked out by hand", () => {
    let c: OrgWithTeam;
    let cLead: TenantContext;

    beforeAll(async () => {
      c = await createOrgWithTeam(t.db, { orgName: "Org C" });
      cLead = (await loadTenantContext(t.db, c.manager.id, c.organizationId))!;
      // The team started on Tuesday 27 Oct: the window is the weeks of 26 Oct, 2, 9 and 16 Nov.
      await t.db.team.update({
        where: { organizationId_id: { organizationId: c.organizationId, id: c.teamId } },
        data: { createdAt: new Date("2026-10-27T09:00:00Z") },
      });
      // Check-ins held in the weeks of 26 Oct and 9 Nov (not 2 Nov; this week's not yet).
      for (const week of ["2026-10-26", "2026-11-11"]) await markCheckInHeld(t.db, cLead, { teamId: c.teamId, weekStart: week }, NOW);
      // Week of 2 Nov: done + partly done. Week of 9 Nov: not done + one nobody reviewed.
      // This week: one open (its week is not over, so it is not due yet).
      const plan = (weekStart: string, items: { userId: string; text: string }[]) =>
        createCommitments(t.db, cLead, { teamId: c.teamId, weekStart, items }, NOW);
      const review = (commitmentId: string, status: "DONE" | "PARTIAL" | "NOT_DONE", reason = "") =>
        reviewCommitment(t.db, cLead, { commitmentId, status, reason }, NOW);
      const nov2 = await plan("2026-11-02", [
        { userId: c.member.id, text: "a" },
        { userId: c.member.id, text: "b" },
      ]);
      await review(nov2[0]!.id, "DONE");
      await review(nov2[1]!.id, "PARTIAL", "half");
      const nov9 = await plan("2026-11-09", [
        { userId: c.manager.id, text: "c" },
        { userId: c.member.id, text: "d" },
      ]);
      await review(nov9[0]!.id, "NOT_DONE", "sick");
      await plan(THIS_WEEK, [{ userId: c.member.id, text: "e" }]);
      // Coaching conversations, target 10 a week: 10 (hit), 9 (missed), 12 (hit), 3 so far.
      const entry = (date: string, value: number, userId = c.member.id) => ({
        teamId: c.teamId,
        leadMeasureId: c.leadMeasureId,
        userId,
        entryDate: utcDate(date),
        value,
      });
      await createLeadEntries(t.db, c.organizationId, [
        entry("2026-10-27", 10),
        entry("2026-11-03", 9),
        entry("2026-11-10", 8),
        entry("2026-11-12", 4, c.manager.id),
        entry("2026-11-17", 3),
        entry("2026-10-19", 50), // before the team existed: outside the window
      ]);
    });

    // As the check-in page asks for it: the team's start comes from its row.
    const score = async () =>
      teamExecutionScore(t.db, {
        organization: cLead.organization,
        teamId: c.teamId,
        teamCreatedAt: (await checkInAccess(t.db, cLead, c.teamId)).teamCreatedAt,
        checkInWeek: THIS_WEEK,
        now: NOW,
      });

    it("has the three parts and their mean", async () => {
      const s = await score();
      expect(s.firstWeek).toBe("2026-10-26");
      expect(s.checkIns).toEqual({ achieved: 2, due: 3, ratio: 2 / 3 });
      // 1 done + ½ partial + 0 not done + 0 unreviewed, of 4 due.
      expect(s.commitments).toEqual({ achieved: 1.5, due: 4, ratio: 0.375, unreviewed: 1 });
      expect(s.leadTargets).toEqual({ achieved: 2, due: 3, ratio: 2 / 3 });
      expect(s.combined).toBeCloseTo((2 / 3 + 0.375 + 2 / 3) / 3, 12);
    });

    it("moves the check-ins part when this week's check-in is held", async () => {
      await markCheckInHeld(t.db, cLead, { teamId: c.teamId, weekStart: THIS_WEEK }, NOW);
      expect((await score()).checkIns).toEqual({ achieved: 3, due: 4, ratio: 0.75 });
    });

    it("gives the lead history per team and member with the targets in force", async () => {
      const rows = await teamLeadHistory(t.db, { organizationId: c.organizationId, teamId: c.teamId, firstWeek: LAST_WEEK, lastWeek: THIS_WEEK, weekStartsOn: 1 });
      const pick = (userId: string | null, week: string) => rows.find((r) => r.userId === userId && r.weekStart === week);
      expect(pick(null, LAST_WEEK)).toMatchObject({ measureName: "Coaching conversations", total: 12, target: 10 });
      expect(pick(c.member.id, LAST_WEEK)).toMatchObject({ total: 8, target: 3 });
      expect(pick(c.manager.id, LAST_WEEK)).toMatchObject({ total: 4, target: 3 });
      expect(pick(c.manager.id, THIS_WEEK)).toMatchObject({ total: 0, target: 3 });
      expect(rows).toHaveLength(2 * 3); // 2 weeks × (team + 2 members)
    });
  });

  it("judges a lower-is-better lag against its path, on organization-wide values", async () => {
    const lag = await createLagMeasure(t.db, a.organizationId, {
      name: "Average resolution time",
      unit: "hours",
      kind: "DURATION",
      direction: "LOWER_IS_BETTER",
      baselineValue: 26,
      baselineDate: utcDate("2026-01-01"),
      targetValue: 18,
      targetDate: utcDate("2027-01-01"),
    });
    const teamLag = await createLagMeasure(t.db, a.organizationId, { name: "Team CSAT", teamId: a.teamId });
    await createLagMeasure(t.db, b.organizationId, { name: "B's CSAT" });
    await createLagObservations(t.db, a.organizationId, [
      { lagMeasureId: lag.id, observedOn: utcDate("2026-11-08"), value: 24 },
      { lagMeasureId: lag.id, observedOn: utcDate("2026-11-15"), value: 20.5 },
      { lagMeasureId: lag.id, teamId: a.teamId, observedOn: utcDate("2026-11-15"), value: 12 },
      { lagMeasureId: lag.id, observedOn: utcDate("2026-11-22"), value: 30 }, // after asOf: ignored
    ]);
    const rows = await teamLagScoreboard(t.db, { organizationId: a.organizationId, teamId: a.teamId, asOf: "2026-11-21" });
    expect(rows.map((r) => r.name)).toEqual(["Team CSAT", "Average resolution time"]);
    const r = rows[1]!;
    expect(r).toMatchObject({ direction: "LOWER_IS_BETTER", teamScoped: false, latestValue: 20.5, latestDate: "2026-11-15", teamValue: 12 });
    // On 15 Nov the path from 26 to 18 over 2026 stands at 26 − 8 × 318/365 ≈ 19.03: 20.5 is off track.
    const goal = { ...r, latest: { value: r.latestValue!, date: r.latestDate! } };
    expect(lagStatus(goal)).toBe("red");
    expect(lagStatus({ ...goal, latest: { value: 18.9, date: "2026-11-15" } })).toBe("green");
    expect(rows[0]).toMatchObject({ lagMeasureId: teamLag.id, teamScoped: true, latestValue: null });
  });
});
