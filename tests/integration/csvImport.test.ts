// Importing lead entries from CSV, on each database: a file with a bad row writes nothing, an
// import that fails halfway through writing leaves nothing behind, importing the same file again
// changes nothing, an export imports back unchanged, and another organization's names never match.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTenantContext } from "@/lib/auth/loadContext";
import type { TenantContext } from "@/lib/auth/tenant";
import { checkImport, previewOf, type ImportFile } from "@/lib/services/csvImport";
import { commitImportResponse, type ImportEvent } from "@/lib/http/endpoints/imports";
import { exportLeadEntries } from "@/lib/http/endpoints/exports";
import { IMPORT_WRITE_CHUNK, type ReadOptions } from "@/lib/csv/options";
import { replacedRowLabel } from "@/lib/csv/changes";
import { addDays } from "@/lib/domain/calendar/weeks";
import { AppError } from "@/lib/errors";
import { addMembership, addTeamMember, assignLeadMeasure, createLeadMeasure, createTeam, createUser, createOrgWithTeam, type OrgWithTeam } from "@/lib/seed/factories";
import { createLeadEntry } from "@/lib/services/leadEntries";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";

const NOW = new Date("2026-11-18T12:00:00Z");
const TODAY = "2026-11-18";
const HEADER = "email,team,measure,date,value,note\n";

function req(text: string, options: Partial<ReadOptions> = {}): ImportFile {
  return { bytes: new TextEncoder().encode(text), fileName: "test.csv", options: { dateOrder: "ymd", decimalMark: "dot", ...options } };
}

async function readEvents(res: Response): Promise<ImportEvent[]> {
  return (await res.text())
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ImportEvent);
}

describe.each(testDbKinds())("importing lead entries from CSV [%s]", (kind) => {
  let t: TestDb;
  let a: OrgWithTeam;
  let b: OrgWithTeam;
  let managerA: TenantContext;
  /** Extra people on A's team, so a file can hold more cells than one write chunk. */
  let crew: string[];

  const entries = (organizationId: string) =>
    t.db.leadEntry.aggregate({ where: { organizationId }, _sum: { value: true }, _count: true });
  const row = (email: string, date: string, value: string | number, note = "") =>
    `${email},Support Team,Coaching conversations,${date},${value},${note}\n`;

  beforeAll(async () => {
    t = await createTestDb(kind);
    a = await createOrgWithTeam(t.db);
    b = await createOrgWithTeam(t.db);
    managerA = (await loadTenantContext(t.db, a.manager.id, a.organizationId))!;
    crew = [];
    for (let i = 0; i < 20; i++) {
      const u = await createUser(t.db);
      await addMembership(t.db, a.organizationId, u.id);
      await addTeamMember(t.db, a.organizationId, a.teamId, u.id);
      crew.push(u.email);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it("lists the one bad row in the middle of a file, and the commit writes nothing", async () => {
    const days = Array.from({ length: 300 }, (_, i) => addDays(TODAY, -i));
    const lines = days.map((d, i) => row(a.member.email, d, i === 150 ? "lots" : 2));
    const before = await entries(a.organizationId);

    const checked = await checkImport(t.db, managerA, "lead-entries", req(HEADER + lines.join("")), NOW);
    const preview = previewOf("lead-entries", "test.csv", checked.check, await checked.changes());
    expect(preview).toMatchObject({ rowCount: 300, readyCount: 299, problemCount: 1, ready: false });
    expect(preview.problems).toEqual([{ row: 152, column: "value", message: expect.stringMatching(/"lots" is not a number/) }]);

    const err = await commitImportResponse(t.db, managerA, "lead-entries", req(HEADER + lines.join("")), NOW).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(400);
    expect((err as AppError).details).toMatchObject({ problemCount: 1, problems: [{ row: 152, column: "value" }] });
    expect(await entries(a.organizationId)).toEqual(before);
  });

  it("leaves nothing behind when writing fails halfway through", async () => {
    // 20 people × 300 days × 2 measures, plus a last person's 10 most recent days: two write
    // chunks, written oldest days first. The last person leaves the organization after the
    // check, so the second chunk (the newest days) fails at the database.
    const leaver = await createUser(t.db);
    await addMembership(t.db, a.organizationId, leaver.id);
    await addTeamMember(t.db, a.organizationId, a.teamId, leaver.id);
    const second = await createLeadMeasure(t.db, a.organizationId, { name: "Follow-up calls" });
    await assignLeadMeasure(t.db, a.organizationId, a.teamId, second.id, { weeklyTarget: 5 });
    const days = Array.from({ length: 300 }, (_, i) => addDays(TODAY, -i));
    const text =
      HEADER +
      [...crew.map((email) => ({ email, days })), { email: leaver.email, days: days.slice(0, 10) }]
        .flatMap(({ email, days: ds }) => ds.flatMap((d) => [row(email, d, 1), `${email},Support Team,Follow-up calls,${d},1,\n`]))
        .join("");
    const before = await entries(a.organizationId);

    const checked = await checkImport(t.db, managerA, "lead-entries", req(text), NOW);
    expect(checked.check.problems).toEqual([]);
    await t.db.membership.delete({ where: { organizationId_userId: { organizationId: a.organizationId, userId: leaver.id } } });
    const progress: number[] = [];
    await expect(checked.commit((done) => progress.push(done))).rejects.toThrow();
    expect(progress).toEqual([IMPORT_WRITE_CHUNK]); // the first chunk was written, then rolled back
    expect(await entries(a.organizationId)).toEqual(before);
  });

  it("streams progress, and importing the same file again creates no duplicates", async () => {
    const days = Array.from({ length: 120 }, (_, i) => addDays(TODAY, -i));
    const text = HEADER + crew.slice(0, 10).flatMap((email) => days.map((d, i) => row(email, d, (i % 4) + 1, "from the old tracker"))).join("");
    const events = await readEvents(await commitImportResponse(t.db, managerA, "lead-entries", req(text), NOW));
    expect(events[0]).toEqual({ type: "start", total: 1200 });
    expect(events.filter((e) => e.type === "progress").at(-1)).toEqual({ type: "progress", done: 1200, total: 1200 });
    expect(events.at(-1)).toEqual({ type: "done", rows: 1200, written: 1200, replaced: 0, creates: 1200, replaces: 0, unchanged: 0 });
    const first = await entries(a.organizationId);

    const again = await readEvents(await commitImportResponse(t.db, managerA, "lead-entries", req(text), NOW));
    expect(again.at(-1)).toEqual({ type: "done", rows: 1200, written: 1200, replaced: 1200, creates: 0, replaces: 0, unchanged: 1200 });
    expect(await entries(a.organizationId)).toEqual(first);
    const audit = await t.db.auditEvent.findMany({ where: { organizationId: a.organizationId, action: "lead_cells.import" } });
    expect(audit.at(-1)).toMatchObject({ actorId: a.manager.id, entityId: "csv:test.csv" });
  });

  it("says before the commit which rows replace earlier entries, and the commit's counts match it", async () => {
    const log = (entryDate: string, value: number, note = "") =>
      createLeadEntry(t.db, managerA, { teamId: a.teamId, leadMeasureId: a.leadMeasureId, userId: a.member.id, entryDate, value, note }, NOW);
    await log("2026-11-03", 2);
    await log("2026-11-04", 1, "kept");
    await log("2026-11-05", 4);
    await log("2026-11-06", 1);
    await log("2026-11-06", 1);
    const text =
      HEADER +
      row(a.member.email, "2026-11-03", 3) + // 2 → 3
      row(a.member.email, "2026-11-04", 1, "kept") + // the same
      row(a.member.email, "2026-11-05", 4, "late") + // the same value, a new note
      row(a.member.email, "2026-11-06", 2) + // two entries of 1: the same total
      row(a.member.email, "2026-11-07", 5); // nothing there yet

    const checked = await checkImport(t.db, managerA, "lead-entries", req(text), NOW);
    const preview = previewOf("lead-entries", "test.csv", checked.check, await checked.changes());
    const replaced = { person: a.member.name, team: "Support Team", measure: "Coaching conversations" };
    expect(preview).toMatchObject({
      ready: true,
      creates: 1,
      replaces: 2,
      unchanged: 2,
      replaced: [
        { row: 2, ...replaced, date: "2026-11-03", before: 2, after: 3, noteChanged: false },
        { row: 4, ...replaced, date: "2026-11-05", before: 4, after: 4, noteChanged: true },
      ],
    });

    const events = await readEvents(await commitImportResponse(t.db, managerA, "lead-entries", req(text), NOW));
    expect(events.at(-1)).toMatchObject({ type: "done", rows: 5, creates: 1, replaces: 2, unchanged: 2 });
    // Checked again, the same file now changes nothing.
    expect(await (await checkImport(t.db, managerA, "lead-entries", req(text), NOW)).changes()).toEqual({ creates: 0, replaces: 0, unchanged: 5, replaced: [] });
  });

  it("says when a row only moves an entry to another team, naming both teams, and the commit moves it", async () => {
    // The member is on a second team that tracks the same measure; a day's 2 logged for Support Team.
    const tier2 = await createTeam(t.db, a.organizationId, { name: "Tier 2" });
    await addTeamMember(t.db, a.organizationId, tier2.id, a.member.id);
    await assignLeadMeasure(t.db, a.organizationId, tier2.id, a.leadMeasureId, { weeklyTarget: 5 });
    await createLeadEntry(t.db, managerA, { teamId: a.teamId, leadMeasureId: a.leadMeasureId, userId: a.member.id, entryDate: "2026-10-20", value: 2, note: "" }, NOW);
    const text = HEADER + `${a.member.email},Tier 2,Coaching conversations,2026-10-20,2,\n`;

    const checked = await checkImport(t.db, managerA, "lead-entries", req(text), NOW);
    expect(checked.check.problems).toEqual([]);
    const changes = await checked.changes();
    expect(changes).toEqual({
      creates: 0,
      replaces: 1,
      unchanged: 0,
      replaced: [
        { row: 2, person: a.member.name, team: "Tier 2", teamBefore: "Support Team", measure: "Coaching conversations", date: "2026-10-20", before: 2, after: 2, noteChanged: false },
      ],
    });
    expect(replacedRowLabel(changes.replaced[0]!, "en-GB")).toBe(`${a.member.name} · Coaching conversations · Tue 20 Oct: 2 (Support Team) → 2 (Tier 2)`);

    await checked.commit();
    const cell = await t.db.leadEntry.findMany({ where: { organizationId: a.organizationId, userId: a.member.id, entryDate: new Date("2026-10-20") } });
    expect(cell.map((e) => [e.teamId, e.value])).toEqual([[tier2.id, 2]]);
  });

  it("exports exactly what it imports: export → import → export is unchanged", async () => {
    // Two entries on one day sum to one row; notes with commas, quotes, line breaks and a formula.
    const log = (value: number, note: string, entryDate = "2026-11-10") =>
      createLeadEntry(t.db, managerA, { teamId: a.teamId, leadMeasureId: a.leadMeasureId, userId: a.member.id, entryDate, value, note }, NOW);
    await log(1, "=SUM(A1)\nsecond line");
    await log(2, 'Coached on "refunds", then escalations');
    await log(1.5, "José's shift", "2026-11-11");
    const url = new URL("http://x/api/v1/exports/lead-entries.csv?from=2026-11-09&to=2026-11-12");

    // Response.text() would drop the byte-order mark: read the bytes as they are.
    const download = async () => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await (await exportLeadEntries(t.db, managerA, url)).arrayBuffer());
    const exported = await download();
    expect(exported.startsWith("\uFEFFemail,team,measure,date,value,note\r\n")).toBe(true);
    expect(exported).toContain(`${a.member.email},Support Team,Coaching conversations,2026-11-10,3,"'=SUM(A1)\nsecond line / Coached on ""refunds"", then escalations"\r\n`);

    const checked = await checkImport(t.db, managerA, "lead-entries", req(exported), NOW);
    expect(checked.check.problems).toEqual([]);
    // Every exported row, the 10th's two entries summed into one, is what is there: nothing to replace.
    expect(await checked.changes()).toEqual({ creates: 0, replaces: 0, unchanged: checked.check.writes.length, replaced: [] });
    await checked.commit();
    expect(await download()).toBe(exported);
    const cells = await t.db.leadEntry.findMany({
      where: { organizationId: a.organizationId, userId: a.member.id, entryDate: { gte: new Date("2026-11-10"), lte: new Date("2026-11-11") } },
    });
    expect(cells.map((c) => c.value).sort()).toEqual([1.5, 3]);
  });

  it("never matches another organization's people, teams or measures", async () => {
    const bTeam = await createTeam(t.db, b.organizationId, { name: "Billing B" });
    const bMeasure = await createLeadMeasure(t.db, b.organizationId, { name: "Refund calls B" });
    const text =
      HEADER +
      row(b.member.email, "2026-11-16", 1) +
      `${a.member.email},${bTeam.name},Coaching conversations,2026-11-16,1,\n` +
      `${a.member.email},Support Team,${bMeasure.name},2026-11-16,1,\n`;
    const [beforeA, beforeB] = [await entries(a.organizationId), await entries(b.organizationId)];
    const checked = await checkImport(t.db, managerA, "lead-entries", req(text), NOW);
    expect(checked.check.problems).toEqual([
      { row: 2, column: "email", message: `No member of this organization has the email "${b.member.email}".` },
      { row: 3, column: "team", message: 'There is no active team named "Billing B".' },
      { row: 4, column: "measure", message: 'There is no lead measure named "Refund calls B".' },
    ]);
    await expect(commitImportResponse(t.db, managerA, "lead-entries", req(text), NOW)).rejects.toThrow(/3 problems/);
    expect([await entries(a.organizationId), await entries(b.organizationId)]).toEqual([beforeA, beforeB]);
  });

  it("refuses members: imports are for managers", async () => {
    const memberA = (await loadTenantContext(t.db, a.member.id, a.organizationId))!;
    const err = await checkImport(t.db, memberA, "lead-entries", req(HEADER + row(a.member.email, TODAY, 1)), NOW).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "forbidden" });
  });

  it("refuses a file that is not UTF-8 with a reason, not a crash", async () => {
    const latin1 = { ...req(""), bytes: new Uint8Array([...new TextEncoder().encode(HEADER), 0x6a, 0xe9, 0x0a]) };
    await expect(checkImport(t.db, managerA, "lead-entries", latin1, NOW)).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringMatching(/not UTF-8/),
    });
  });
});
