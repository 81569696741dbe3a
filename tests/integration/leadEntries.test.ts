// Logging a lead entry, on every database Leadlag runs on: what is accepted, what is refused
// field by field with nothing written, and that another organization's data stays out of reach.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTenantContext } from "@/lib/auth/loadContext";
import type { TenantContext } from "@/lib/auth/tenant";
import { addDays, localDay } from "@/lib/domain/calendar/weeks";
import { AppError } from "@/lib/errors";
import { createLeadMeasure, createOrgWithTeam, createTeam, addTeamMember, assignLeadMeasure, type OrgWithTeam } from "@/lib/seed/factories";
import { createLeadEntry } from "@/lib/services/leadEntries";
import { teamWeekScoreboard } from "@/lib/queries/teamWeekScoreboard";
import { weekStart } from "@/lib/domain/calendar/weeks";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";

const NOW = new Date("2026-11-18T12:00:00Z"); // a Wednesday
const TODAY = localDay(NOW, "UTC");

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe.each(testDbKinds())("logging lead entries [%s]", (kind) => {
  let t: TestDb;
  let a: OrgWithTeam;
  let b: OrgWithTeam;
  let memberA: TenantContext;
  let managerA: TenantContext;
  let memberB: TenantContext;

  const entry = (over: Record<string, unknown> = {}) => ({
    teamId: a.teamId,
    leadMeasureId: a.leadMeasureId,
    entryDate: TODAY,
    value: "3",
    ...over,
  });
  const countEntries = (organizationId: string) => t.db.leadEntry.count({ where: { organizationId } });

  beforeAll(async () => {
    t = await createTestDb(kind);
    a = await createOrgWithTeam(t.db, { orgName: "Org A" });
    b = await createOrgWithTeam(t.db, { orgName: "Org B" });
    memberA = (await loadTenantContext(t.db, a.member.id, a.organizationId))!;
    managerA = (await loadTenantContext(t.db, a.manager.id, a.organizationId))!;
    memberB = (await loadTenantContext(t.db, b.member.id, b.organizationId))!;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("logs 3 coaching conversations and the team's weekly total moves against its target", async () => {
    const before = await teamWeekScoreboard(t.db, {
      organizationId: a.organizationId,
      teamId: a.teamId,
      weekStart: weekStart(TODAY, 1),
      userId: a.member.id,
    });
    const { entry: e, created } = await createLeadEntry(t.db, memberA, entry(), NOW);
    expect(created).toBe(true);
    expect(e).toMatchObject({ value: 3, entryDate: TODAY, userId: a.member.id });
    const after = await teamWeekScoreboard(t.db, {
      organizationId: a.organizationId,
      teamId: a.teamId,
      weekStart: weekStart(TODAY, 1),
      userId: a.member.id,
    });
    expect(after[0]!.teamTotal - before[0]!.teamTotal).toBe(3);
    expect(after[0]).toMatchObject({ name: "Coaching conversations", weeklyTarget: 10, myTotal: before[0]!.myTotal + 3 });
    // The change is in the audit trail.
    const audit = await t.db.auditEvent.findFirst({ where: { organizationId: a.organizationId, entityId: e.id } });
    expect(audit).toMatchObject({ action: "lead_entry.create", actorId: a.member.id });
  });

  it("creates one row for a repeated submit with the same idempotency key, even when they race", async () => {
    const key = `key-${kind}-race-123`;
    const before = await countEntries(a.organizationId);
    const results = await Promise.all([
      createLeadEntry(t.db, memberA, entry({ idempotencyKey: key }), NOW),
      createLeadEntry(t.db, memberA, entry({ idempotencyKey: key }), NOW),
      createLeadEntry(t.db, memberA, entry({ idempotencyKey: key }), NOW),
    ]);
    expect(await countEntries(a.organizationId)).toBe(before + 1);
    expect(new Set(results.map((r) => r.entry.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
  });

  it.each([
    ["a negative value", { value: "-2" }, "value", /zero or more/],
    ["a value that is not a number", { value: "lots" }, "value", /Enter a number/],
    ["a date far in the future", { entryDate: "2027-06-01" }, "entryDate", /future/],
    ["a date before last week", { entryDate: "2026-11-01" }, "entryDate", /can only be changed by a manager/],
    ["an impossible date", { entryDate: "2026-02-30" }, "entryDate", /YYYY-MM-DD/],
    ["an unknown measure", { leadMeasureId: "00000000-0000-4000-8000-000000000000" }, "leadMeasureId", /does not track/],
  ])("refuses %s with a field error and writes nothing", async (_what, over, field, message) => {
    const before = await countEntries(a.organizationId);
    const err = await rejection(createLeadEntry(t.db, memberA, entry(over), NOW));
    expect(err.code).toBe("validation_failed");
    expect(err.status).toBe(400);
    expect(err.details?.fieldErrors?.[field]?.join(" ")).toMatch(message);
    expect(await countEntries(a.organizationId)).toBe(before);
  });

  it("lets a manager correct up to a year back, not more", async () => {
    const ok = await createLeadEntry(t.db, managerA, entry({ userId: a.member.id, entryDate: "2026-06-01", value: "2" }), NOW);
    expect(ok.created).toBe(true);
    const err = await rejection(createLeadEntry(t.db, managerA, entry({ userId: a.member.id, entryDate: "2024-01-01" }), NOW));
    expect(err.details?.fieldErrors?.entryDate?.[0]).toMatch(/more than a year ago/);
  });

  it("refuses a fraction for a measure that counts occurrences", async () => {
    const counted = await createLeadMeasure(t.db, a.organizationId, { name: "Recognitions given", aggregation: "COUNT" });
    await assignLeadMeasure(t.db, a.organizationId, a.teamId, counted.id, { weeklyTarget: 5 });
    const before = await countEntries(a.organizationId);
    const err = await rejection(createLeadEntry(t.db, memberA, entry({ leadMeasureId: counted.id, value: "2.5" }), NOW));
    expect(err.details?.fieldErrors?.value).toEqual(["Enter a whole number: this measure counts occurrences."]);
    expect(await countEntries(a.organizationId)).toBe(before);
    await createLeadEntry(t.db, memberA, entry({ leadMeasureId: counted.id, value: "2" }), NOW);
    expect(await countEntries(a.organizationId)).toBe(before + 1);
  });

  it("refuses another team's measure", async () => {
    const other = await createTeam(t.db, a.organizationId, { name: "Other team" });
    const otherMeasure = await createLeadMeasure(t.db, a.organizationId, { name: "Follow-up calls" });
    await assignLeadMeasure(t.db, a.organizationId, other.id, otherMeasure.id, { weeklyTarget: 5 });
    const before = await countEntries(a.organizationId);
    const err = await rejection(createLeadEntry(t.db, memberA, entry({ leadMeasureId: otherMeasure.id }), NOW));
    expect(err.details?.fieldErrors?.leadMeasureId).toEqual(["This team does not track that measure."]);
    // …and logging on a team one is not on is forbidden for a member.
    const err2 = await rejection(
      createLeadEntry(t.db, memberA, entry({ teamId: other.id, leadMeasureId: otherMeasure.id }), NOW),
    );
    expect(err2.status).toBe(403);
    expect(await countEntries(a.organizationId)).toBe(before);
  });

  it("lets a manager log for a member of the team but not a member log for someone else", async () => {
    const forMember = await createLeadEntry(t.db, managerA, entry({ userId: a.member.id, value: "1" }), NOW);
    expect(forMember.entry.userId).toBe(a.member.id);
    const err = await rejection(createLeadEntry(t.db, memberA, entry({ userId: a.manager.id }), NOW));
    expect(err.status).toBe(403);
  });

  it("never lets organization B write into organization A", async () => {
    const beforeA = await countEntries(a.organizationId);
    // B's member names A's team and measure: A's team does not exist in B → 404, nothing written.
    const err = await rejection(createLeadEntry(t.db, memberB, entry(), NOW));
    expect(err.status).toBe(404);
    // B's member names B's team but A's measure: refused as a field error.
    const err2 = await rejection(createLeadEntry(t.db, memberB, entry({ teamId: b.teamId }), NOW));
    expect(err2.details?.fieldErrors?.leadMeasureId).toBeDefined();
    // A manager of B cannot log for a person of A on B's team.
    const managerB = (await loadTenantContext(t.db, b.manager.id, b.organizationId))!;
    const err3 = await rejection(
      createLeadEntry(t.db, managerB, entry({ teamId: b.teamId, leadMeasureId: b.leadMeasureId, userId: a.member.id }), NOW),
    );
    expect(err3.details?.fieldErrors?.userId).toBeDefined();
    expect(await countEntries(a.organizationId)).toBe(beforeA);
  });

  it("never lets organization B read organization A's totals", async () => {
    await createLeadEntry(t.db, memberB, entry({ teamId: b.teamId, leadMeasureId: b.leadMeasureId, value: "4" }), NOW);
    // B asking for A's team through its own organization id sees nothing.
    const leak = await teamWeekScoreboard(t.db, {
      organizationId: b.organizationId,
      teamId: a.teamId,
      weekStart: weekStart(TODAY, 1),
      userId: b.member.id,
    });
    expect(leak).toEqual([]);
    // An idempotency key used in A does not surface A's entry to B.
    const keyA = `shared-key-${kind}-0001`;
    const inA = await createLeadEntry(t.db, memberA, entry({ idempotencyKey: keyA }), NOW);
    const inB = await createLeadEntry(
      t.db,
      memberB,
      entry({ teamId: b.teamId, leadMeasureId: b.leadMeasureId, idempotencyKey: keyA }),
      NOW,
    );
    expect(inB.created).toBe(true);
    expect(inB.entry.id).not.toBe(inA.entry.id);
  });

  it("keeps the database's composite keys from linking rows across organizations", async () => {
    // Even code that forgot the tenant filter could not attach B's team to A's entry.
    await expect(
      t.db.leadEntry.create({
        data: {
          organizationId: a.organizationId,
          teamId: b.teamId,
          leadMeasureId: a.leadMeasureId,
          userId: a.member.id,
          entryDate: new Date(`${addDays(TODAY, -1)}T00:00:00Z`),
          value: 1,
        },
      }),
    ).rejects.toThrow();
  });

  it("adds people to teams only within their organization", async () => {
    await expect(addTeamMember(t.db, a.organizationId, a.teamId, b.member.id)).rejects.toThrow();
  });
});
