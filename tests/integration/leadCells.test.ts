// Setting cells (person × measure × day) in bulk: the path of the quick grid, CSV imports and
// the batch API. All or nothing, idempotent, tenant-scoped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTenantContext } from "@/lib/auth/loadContext";
import type { TenantContext } from "@/lib/auth/tenant";
import { AppError } from "@/lib/errors";
import { addMembership, addTeamMember, createOrgWithTeam, createUser, type OrgWithTeam } from "@/lib/seed/factories";
import { setLeadCells, type CellWrite } from "@/lib/services/leadEntries";
import { loadEntryRules } from "@/lib/services/leadRules";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";

const NOW = new Date("2026-11-18T12:00:00Z"); // Wednesday; the open weeks start 2026-11-09

describe.each(testDbKinds())("setting lead cells [%s]", (kind) => {
  let t: TestDb;
  let a: OrgWithTeam;
  let b: OrgWithTeam;
  let managerA: TenantContext;
  let memberA: TenantContext;
  let memberB: TenantContext;

  const cell = (entryDate: string, value: number | null, userId?: string) => ({
    userId: userId ?? a.member.id,
    teamId: a.teamId,
    leadMeasureId: a.leadMeasureId,
    entryDate,
    value,
  });
  const total = async (organizationId: string) =>
    (await t.db.leadEntry.aggregate({ where: { organizationId }, _sum: { value: true }, _count: true }));

  beforeAll(async () => {
    t = await createTestDb(kind);
    a = await createOrgWithTeam(t.db);
    b = await createOrgWithTeam(t.db);
    managerA = (await loadTenantContext(t.db, a.manager.id, a.organizationId))!;
    memberA = (await loadTenantContext(t.db, a.member.id, a.organizationId))!;
    memberB = (await loadTenantContext(t.db, b.member.id, b.organizationId))!;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("sets values, and setting the same values again leaves the same rows", async () => {
    const cells = [cell("2026-11-16", 2), cell("2026-11-17", 3), cell("2026-11-18", 1)];
    await setLeadCells(t.db, memberA, cells, { source: "MANUAL", now: NOW });
    const first = await total(a.organizationId);
    expect(first._sum.value).toBe(6);
    expect(first._count).toBe(3);
    const again = await setLeadCells(t.db, memberA, cells, { source: "MANUAL", now: NOW });
    expect(again).toEqual({ written: 3, deleted: 3 });
    expect(await total(a.organizationId)).toEqual(first);
  });

  it("replaces a day's value, clears a cell with null, and audits each change", async () => {
    await setLeadCells(t.db, memberA, [cell("2026-11-16", 5), cell("2026-11-17", null)], { source: "MANUAL", now: NOW });
    const rows = await t.db.leadEntry.findMany({ where: { organizationId: a.organizationId }, orderBy: { entryDate: "asc" } });
    expect(rows.map((r) => [r.entryDate.toISOString().slice(0, 10), r.value])).toEqual([
      ["2026-11-16", 5],
      ["2026-11-18", 1],
    ]);
    const audit = await t.db.auditEvent.findMany({
      where: { organizationId: a.organizationId, entityId: `${a.member.id}|${a.leadMeasureId}|2026-11-17` },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.at(-1)).toMatchObject({ action: "lead_cell.clear", actorId: a.member.id });
    expect(audit.at(-1)!.before).toEqual([expect.objectContaining({ value: 3 })]);
  });

  it("writes nothing when any cell is bad, and lists every bad cell", async () => {
    const before = await total(a.organizationId);
    const err = await setLeadCells(
      t.db,
      managerA,
      [cell("2026-11-16", 9), cell("2027-01-01", 1), cell("2026-11-16", 1, b.member.id)],
      { source: "CSV", now: NOW },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const problems = (err as AppError).details?.problems as { index: number; field: string }[];
    expect(problems.map((p) => [p.index, p.field])).toEqual([
      [1, "entryDate"],
      [2, "userId"],
    ]);
    expect(await total(a.organizationId)).toEqual(before);
  });

  it("keeps members to their own cells in the open weeks; managers may correct older ones", async () => {
    const err = await setLeadCells(t.db, memberA, [cell("2026-11-02", 1)], { source: "MANUAL", now: NOW }).catch((e: unknown) => e);
    expect((err as AppError).details?.problems).toEqual([
      expect.objectContaining({ field: "entryDate", message: expect.stringMatching(/only be changed by a manager/) }),
    ]);
    await setLeadCells(t.db, managerA, [cell("2026-11-02", 1)], { source: "MANUAL", now: NOW });
    const err2 = await setLeadCells(t.db, memberA, [cell("2026-11-16", 1, a.manager.id)], { source: "MANUAL", now: NOW }).catch(
      (e: unknown) => e,
    );
    expect((err2 as AppError).details?.problems).toEqual([expect.objectContaining({ field: "userId" })]);
  });

  it("never lets another organization set or clear these cells", async () => {
    const before = await total(a.organizationId);
    const err = await setLeadCells(t.db, memberB, [cell("2026-11-16", null)], { source: "API", now: NOW }).catch((e: unknown) => e);
    expect((err as AppError).details?.problems).toEqual([expect.objectContaining({ field: "teamId" })]);
    expect(await total(a.organizationId)).toEqual(before);
  });

  it("writes large batches in chunks, reporting progress after each", async () => {
    // 2 people × 300 days back = 600 distinct cells, written 250 at a time.
    const days = Array.from({ length: 300 }, (_, i) => new Date(Date.UTC(2026, 10, 18 - i)).toISOString().slice(0, 10));
    const cells = days.flatMap((d) => [cell(d, 1), cell(d, 2, a.manager.id)]);
    const seen: number[] = [];
    const result = await setLeadCells(t.db, managerA, cells, { source: "CSV", now: NOW, chunkSize: 250, onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([250, 500, 600]);
    expect(result.written).toBe(600);
    const sum = await t.db.leadEntry.aggregate({ where: { organizationId: a.organizationId, source: "CSV" }, _sum: { value: true } });
    expect(sum._sum.value).toBe(900);
  });

  it("stores every value and note exactly as given, the same through the import's statements and the grid's", async () => {
    const c = await createOrgWithTeam(t.db);
    const manager = (await loadTenantContext(t.db, c.manager.id, c.organizationId))!;
    const notes = ['Refunds, then "escalations"', "back\\slash \\N", "{braces},[x]", "NULL", "line\nbreak\ttab\r", "José 🎉", "", ",", "'"];
    const values = [0, 0.1 + 0.2, 12_345.678, 1e-7, 10_000, 3, 2.5, 1, 7];
    const cells: CellWrite[] = notes.flatMap((note, i) => [
      { userId: c.member.id, teamId: c.teamId, leadMeasureId: c.leadMeasureId, entryDate: `2026-11-${String(18 - i).padStart(2, "0")}`, value: values[i]!, note },
      { userId: c.manager.id, teamId: c.teamId, leadMeasureId: c.leadMeasureId, entryDate: `2026-10-${String(30 - i).padStart(2, "0")}`, value: values[8 - i]!, note: notes[8 - i] },
    ]);
    const stored = async () =>
      (await t.db.leadEntry.findMany({ where: { organizationId: c.organizationId } }))
        .map((e) => ({ userId: e.userId, teamId: e.teamId, leadMeasureId: e.leadMeasureId, entryDate: e.entryDate.toISOString().slice(0, 10), value: e.value, note: e.note }))
        .sort((x, y) => `${x.entryDate}${x.userId}`.localeCompare(`${y.entryDate}${y.userId}`));
    const expected = [...cells].sort((x, y) => `${x.entryDate}${x.userId}`.localeCompare(`${y.entryDate}${y.userId}`));

    expect(await setLeadCells(t.db, manager, cells, { source: "CSV", now: NOW, chunkSize: 4 })).toEqual({ written: 18, deleted: 0 });
    expect(await stored()).toEqual(expected);
    expect(await setLeadCells(t.db, manager, cells, { source: "API", now: NOW, chunkSize: 5 })).toEqual({ written: 18, deleted: 18 });
    expect(await stored()).toEqual(expected);
    const audit = await t.db.auditEvent.findFirst({
      where: { organizationId: c.organizationId, action: "lead_cell.set", entityId: `${c.member.id}|${c.leadMeasureId}|2026-11-14` },
    });
    expect(audit?.after).toMatchObject({ note: "line\nbreak\ttab\r", value: 10_000, source: "API" });
    expect(audit?.before).toEqual([expect.objectContaining({ note: "line\nbreak\ttab\r", value: 10_000 })]);
  });

  it("keeps every entry it was replacing when a replacement fails partway through", async () => {
    // 2 people × 300 days, set to 1; then set to 2 in chunks of 250, the newest day naming a
    // third person who left the organization after the rules were read: the last chunk fails
    // at the database, after two chunks were replaced.
    const c = await createOrgWithTeam(t.db);
    const manager = (await loadTenantContext(t.db, c.manager.id, c.organizationId))!;
    const days = Array.from({ length: 300 }, (_, i) => new Date(Date.UTC(2026, 10, 18 - i)).toISOString().slice(0, 10));
    const at = (value: number) =>
      days.flatMap((entryDate) => [c.member.id, c.manager.id].map((userId) => ({ userId, teamId: c.teamId, leadMeasureId: c.leadMeasureId, entryDate, value })));
    await setLeadCells(t.db, manager, at(1), { source: "CSV", now: NOW });
    const before = await t.db.leadEntry.findMany({ where: { organizationId: c.organizationId }, orderBy: { id: "asc" } });
    const weeks = () => t.db.leadWeekTotal.findMany({ where: { organizationId: c.organizationId }, orderBy: [{ weekStart: "asc" }] });
    const weeksBefore = await weeks();

    const leaver = await createUser(t.db);
    await addMembership(t.db, c.organizationId, leaver.id);
    await addTeamMember(t.db, c.organizationId, c.teamId, leaver.id);
    const rules = await loadEntryRules(t.db, manager, NOW);
    await t.db.membership.delete({ where: { organizationId_userId: { organizationId: c.organizationId, userId: leaver.id } } });
    const progress: number[] = [];
    const replacement = [...at(2), { userId: leaver.id, teamId: c.teamId, leadMeasureId: c.leadMeasureId, entryDate: days[0]!, value: 2 }];
    await expect(setLeadCells(t.db, manager, replacement, { source: "CSV", rules, chunkSize: 250, onProgress: (done) => progress.push(done) })).rejects.toThrow();
    expect(progress).toEqual([250, 500]);
    expect(await t.db.leadEntry.findMany({ where: { organizationId: c.organizationId }, orderBy: { id: "asc" } })).toEqual(before);
    expect(await weeks()).toEqual(weeksBefore);
  });
});
