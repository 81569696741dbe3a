// Recording lag measure results, one at a time and from CSV, on each database: a result is
// replaced by measure, team (or none) and date; bad rows and other organizations' measures are
// refused; an export imports back unchanged; nothing is written when anything fails.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTenantContext } from "@/lib/auth/loadContext";
import type { TenantContext } from "@/lib/auth/tenant";
import { exportLagObservations } from "@/lib/http/endpoints/exports";
import { checkImport, type ImportFile } from "@/lib/services/csvImport";
import { createLagMeasure, createOrgWithTeam, createTeam, type OrgWithTeam } from "@/lib/seed/factories";
import { recordLagObservation, setLagObservations } from "@/lib/services/lagObservations";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";

const NOW = new Date("2026-11-18T12:00:00Z");

const req = (text: string): ImportFile => ({
  bytes: new TextEncoder().encode(text),
  fileName: "lag.csv",
  options: { dateOrder: "ymd", decimalMark: "dot" },
});

describe.each(testDbKinds())("lag observations [%s]", (kind) => {
  let t: TestDb;
  let a: OrgWithTeam;
  let b: OrgWithTeam;
  let managerA: TenantContext;
  let memberA: TenantContext;
  let csat: { id: string };
  let teamResolution: { id: string };
  let bMeasure: { id: string };
  let billingId: string;

  const observations = (organizationId: string) =>
    t.db.lagObservation.findMany({
      where: { organizationId },
      orderBy: [{ observedOn: "asc" }, { value: "asc" }],
      select: { lagMeasureId: true, teamId: true, value: true, note: true, source: true, observedOn: true },
    });

  beforeAll(async () => {
    t = await createTestDb(kind);
    a = await createOrgWithTeam(t.db);
    b = await createOrgWithTeam(t.db);
    managerA = (await loadTenantContext(t.db, a.manager.id, a.organizationId))!;
    memberA = (await loadTenantContext(t.db, a.member.id, a.organizationId))!;
    billingId = (await createTeam(t.db, a.organizationId, { name: "Billing" })).id;
    csat = await createLagMeasure(t.db, a.organizationId, { name: "CSAT" });
    teamResolution = await createLagMeasure(t.db, a.organizationId, { name: "Resolution hours", teamId: a.teamId });
    await createLagMeasure(t.db, b.organizationId, { name: "CSAT" });
    bMeasure = await createLagMeasure(t.db, b.organizationId, { name: "Churn B" });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("records one result and replaces it when recorded again for the same measure, team and date", async () => {
    const first = await recordLagObservation(t.db, managerA, { lagMeasureId: csat.id, teamId: "", observedOn: "2026-10-31", value: "81.5" }, NOW);
    expect(first).toMatchObject({ replaced: 0, observation: { teamId: null, value: 81.5 } });
    const again = await recordLagObservation(t.db, managerA, { lagMeasureId: csat.id, observedOn: "2026-10-31", value: 82, note: "resurveyed" }, NOW);
    expect(again.replaced).toBe(1);
    await recordLagObservation(t.db, managerA, { lagMeasureId: csat.id, teamId: billingId, observedOn: "2026-10-31", value: 79 }, NOW);
    expect((await observations(a.organizationId)).map((o) => [o.teamId, o.value, o.note])).toEqual([
      [billingId, 79, ""],
      [null, 82, "resurveyed"],
    ]);
  });

  it("refuses members, other organizations' measures, future dates and the wrong team", async () => {
    const base = { lagMeasureId: csat.id, observedOn: "2026-10-31", value: 1 };
    await expect(recordLagObservation(t.db, memberA, base, NOW)).rejects.toMatchObject({ code: "forbidden" });
    await expect(recordLagObservation(t.db, managerA, { ...base, lagMeasureId: bMeasure.id }, NOW)).rejects.toMatchObject({ code: "not_found" });
    await expect(recordLagObservation(t.db, managerA, { ...base, teamId: b.teamId }, NOW)).rejects.toMatchObject({ code: "not_found" });
    await expect(recordLagObservation(t.db, managerA, { ...base, observedOn: "2026-11-19", value: "x" }, NOW)).rejects.toMatchObject({
      details: { fieldErrors: { value: ["Enter a number."] } },
    });
    await expect(recordLagObservation(t.db, managerA, { ...base, observedOn: "2026-11-19" }, NOW)).rejects.toMatchObject({
      details: { fieldErrors: { observedOn: ["Can't be in the future."] } },
    });
    await expect(
      recordLagObservation(t.db, managerA, { ...base, lagMeasureId: teamResolution.id, teamId: billingId }, NOW),
    ).rejects.toMatchObject({ details: { fieldErrors: { teamId: [expect.stringMatching(/belongs to Support Team/)] } } });
  });

  it("imports a CSV, lists every bad row, and replaces results on re-import", async () => {
    const bad =
      "measure,team,date,value,note\n" +
      "CSAT,,2026-09-30,80.1,\n" +
      "Churn B,,2026-09-30,2,\n" +
      "CSAT,Night Shift,2026-09-30,80,\n" +
      "Resolution hours,Billing,2026-09-30,20,\n" +
      "CSAT,,2026-12-01,80,\n" +
      "CSAT,,2026-09-30,80.1,\n";
    const checked = await checkImport(t.db, managerA, "lag-observations", req(bad), NOW);
    expect(checked.check.problems).toEqual([
      { row: 3, column: "measure", message: 'There is no lag measure named "Churn B".' },
      { row: 4, column: "team", message: expect.stringMatching(/no active team named "Night Shift"/) },
      { row: 5, column: "team", message: expect.stringMatching(/belongs to Support Team/) },
      { row: 6, column: "date", message: "Can't be in the future." },
      { row: 7, column: null, message: expect.stringMatching(/Row 2 already gives CSAT on 2026-09-30/) },
    ]);

    const good = "Measure;Team;Date;Value\nCSAT;;30/09/2026;80,1\nCSAT;Billing;30/09/2026;77,5\nResolution hours;;30/09/2026;21\n";
    const dmy = { ...req(good), options: { dateOrder: "dmy" as const, decimalMark: "comma" as const } };
    const first = await checkImport(t.db, managerA, "lag-observations", dmy, NOW);
    expect(first.check.problems).toEqual([]);
    expect(await first.commit()).toEqual({ rows: 3, written: 3, replaced: 0, creates: 3, replaces: 0, unchanged: 0 });
    const again = await checkImport(t.db, managerA, "lag-observations", { ...dmy, bytes: new TextEncoder().encode(good.replace("80,1", "80,4")) }, NOW);
    // Before the commit, the preview names the one result that changes; the commit counts the same.
    expect(await again.changes()).toEqual({
      creates: 0,
      replaces: 1,
      unchanged: 2,
      replaced: [{ row: 2, person: null, team: null, teamBefore: null, measure: "CSAT", date: "2026-09-30", before: 80.1, after: 80.4, noteChanged: false }],
    });
    expect(await again.commit()).toEqual({ rows: 3, written: 3, replaced: 3, creates: 0, replaces: 1, unchanged: 2 });
    const september = (await observations(a.organizationId)).filter((o) => o.observedOn.toISOString().startsWith("2026-09-30"));
    expect(september.map((o) => [o.lagMeasureId, o.teamId, o.value, o.source])).toEqual([
      [teamResolution.id, a.teamId, 21, "CSV"], // a team's measure records for its team
      [csat.id, billingId, 77.5, "CSV"],
      [csat.id, null, 80.4, "CSV"],
    ]);
    expect(await observations(b.organizationId)).toEqual([]);
  });

  it("exports exactly what it imports", async () => {
    const url = new URL("http://x/api/v1/exports/lag-observations.csv?bom=false");
    const exported = await (await exportLagObservations(t.db, managerA, url)).text();
    expect(exported.split("\r\n").slice(0, 3)).toEqual([
      "measure,team,date,value,note",
      "CSAT,,2026-09-30,80.4,",
      "CSAT,Billing,2026-09-30,77.5,",
    ]);
    const checked = await checkImport(t.db, managerA, "lag-observations", req(exported), NOW);
    expect(checked.check.problems).toEqual([]);
    await checked.commit();
    expect(await (await exportLagObservations(t.db, managerA, url)).text()).toBe(exported);
  });

  it("writes nothing when a bulk write fails halfway, and nothing for a member", async () => {
    const before = await observations(a.organizationId);
    const rows = Array.from({ length: 10 }, (_, i) => ({ lagMeasureId: csat.id, teamId: null, observedOn: `2026-08-${String(i + 1).padStart(2, "0")}`, value: i }));
    const failing = setLagObservations(t.db, managerA, rows, {
      source: "API",
      now: NOW,
      chunkSize: 4,
      onProgress: (done) => {
        if (done === 8) throw new Error("connection lost");
      },
    });
    await expect(failing).rejects.toThrow("connection lost");
    await expect(setLagObservations(t.db, memberA, rows, { source: "API", now: NOW })).rejects.toMatchObject({ code: "forbidden" });
    expect(await observations(a.organizationId)).toEqual(before);
  });
});
