// Setting cells (person × measure × day) in bulk: the path of the quick grid, CSV imports and
// the batch API. All or nothing, idempotent, tenant-scoped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTenantContext } from "@/lib/auth/loadContext";
import type { TenantContext } from "@/lib/auth/tenant";
import { AppError } from "@/lib/errors";
import { createOrgWithTeam, type OrgWithTeam } from "@/lib/seed/factories";
import { setLeadCells } from "@/lib/services/leadEntries";
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
});
