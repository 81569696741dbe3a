// Input validation at the root (issue #14), as a client sees it, on each database: dates and
// quarters outside the calendar (2000-01-01 to 2100-12-31), NUL and lone surrogates in text,
// unknown keys, an idempotency key reused for another request, a file with thousands of bad rows,
// and two results for one measure, team and date. Each refusal is a 4xx in the one error shape,
// and nothing is written.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
});

import * as lagBatch from "@/app/api/v1/lag-observations/batch/route";
import * as lagSingle from "@/app/api/v1/lag-observations/route";
import * as leadEntries from "@/app/api/v1/lead-entries/route";
import * as reports from "@/app/api/v1/reports/route";
import * as teams from "@/app/api/v1/teams/route";
import { createLagMeasure } from "@/lib/seed/factories";
import { documented, type RouteHandler } from "../helpers/apiSchemas";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";
import { apiOrg, call, daysAgo, isErrorShape, serveFrom, type ApiOrg } from "./apiFixtures";

const RANGE = "Dates must be between 2000-01-01 and 2100-12-31.";
const HOSTILE = { NUL: "Night\u0000Shift", "a lone surrogate": "Night\ud800Shift", "a lone low surrogate": "\udfffNight" } as const;

describe.each(testDbKinds())("input validation at the root [%s]", (kind) => {
  let t: TestDb;
  let a: ApiOrg;
  let csat: string;

  beforeAll(async () => {
    t = await createTestDb(kind);
    serveFrom(t.db);
    a = await apiOrg(t.db);
    csat = (await createLagMeasure(t.db, a.organizationId, { name: "CSAT" })).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const organizationId = () => a.organizationId;
  /** Everything a refused request could have written. */
  const snapshot = async () => ({
    teams: await t.db.team.count({ where: { organizationId: organizationId() } }),
    lag: await t.db.lagObservation.findMany({ where: { organizationId: organizationId() }, orderBy: { id: "asc" } }),
    lead: await t.db.leadEntry.count({ where: { organizationId: organizationId() } }),
    exports: await t.db.reportExport.count({ where: { organizationId: organizationId() } }),
    audit: await t.db.auditEvent.count({ where: { organizationId: organizationId() } }),
  });
  const post = (handler: RouteHandler<Record<string, string>>, path: string, body: unknown) => call(handler, { path, token: a.token, body });

  describe("the calendar range", () => {
    it("refuses a report on quarter 0000-Q1 (it froze the server) and any quarter outside 2000–2100", async () => {
      const before = await snapshot();
      for (const quarter of ["0000-Q1", "1999-Q4", "2101-Q1", "9999-Q4"]) {
        const res = await post(reports.POST, "/api/v1/reports", { scope: "organization", quarter });
        expect(res.status).toBe(400);
        expect(res.body.error).toMatchObject({ code: "validation_failed", details: { fieldErrors: { quarter: ["Quarters must be between 2000-Q1 and 2100-Q4."] } } });
      }
      expect(await snapshot()).toEqual(before);
    });

    it("refuses unknown keys in a report export's body", async () => {
      const before = await snapshot();
      const res = await post(reports.POST, "/api/v1/reports", { scope: "organization", quarter: "2026-Q1", format: "pdf" });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
      expect(Object.keys(res.body.error.details.fieldErrors)).toEqual(["_form"]);
      expect(res.body.error.details.fieldErrors._form[0]).toMatch(/format/);
      expect(await snapshot()).toEqual(before);
    });

    it("refuses lag results dated 0001-01-01 or after 2100, alone and in a batch", async () => {
      const before = await snapshot();
      for (const date of ["0001-01-01", "1999-12-31", "2101-01-01"]) {
        const single = await post(lagSingle.POST, "/api/v1/lag-observations", { lagMeasureId: csat, date, value: 80 });
        expect(single.status).toBe(400);
        expect(single.body.error.details.fieldErrors).toEqual({ date: [RANGE] });
      }
      const batch = await post(lagBatch.POST, "/api/v1/lag-observations/batch", {
        observations: [
          { lagMeasureId: csat, date: daysAgo(2), value: 80 },
          { lagMeasureId: csat, date: "0001-01-01", value: 80 },
        ],
      });
      expect(batch.status).toBe(400);
      expect(batch.body.error.details.problems).toEqual([{ index: 1, field: "date", message: RANGE }]);
      expect(await snapshot()).toEqual(before);
    });

    it("refuses lead entries and query ranges outside the calendar", async () => {
      const before = await snapshot();
      const res = await post(leadEntries.POST, "/api/v1/lead-entries", { email: a.member.email, teamId: a.teamId, leadMeasureId: a.leadMeasureId, date: "0099-06-01", value: 1 });
      expect(res.status).toBe(400);
      expect(res.body.error.details.fieldErrors).toEqual({ date: [RANGE] });
      const list = await call(leadEntries.GET, { path: "/api/v1/lead-entries?from=0001-01-01", token: a.token });
      expect(list.status).toBe(400);
      expect(list.body.error.details.fieldErrors).toEqual({ from: [RANGE] });
      expect(await snapshot()).toEqual(before);
    });
  });

  describe("text no database can store", () => {
    for (const [what, name] of Object.entries(HOSTILE)) {
      it(`answers 400, not 500, to ${what} in a team's name, a lag note and a batch's note`, async () => {
        const before = await snapshot();
        const team = await post(teams.POST, "/api/v1/teams", { name });
        expect(team.status).toBe(400);
        expect(isErrorShape(team.body)).toBe(true);
        expect(team.body.error.details.fieldErrors.name).toEqual([expect.stringMatching(/control characters|broken character/)]);

        const single = await post(lagSingle.POST, "/api/v1/lag-observations", { lagMeasureId: csat, date: daysAgo(2), value: 80, note: name });
        expect(single.status).toBe(400);
        expect(Object.keys(single.body.error.details.fieldErrors)).toEqual(["note"]);

        const batch = await post(lagBatch.POST, "/api/v1/lag-observations/batch", {
          observations: [
            { lagMeasureId: csat, date: daysAgo(2), value: 80 },
            { lagMeasureId: csat, date: daysAgo(3), value: 80, note: name },
          ],
        });
        expect(batch.status).toBe(400);
        expect(batch.body.error.details.problems).toEqual([{ index: 1, field: "note", message: expect.any(String) }]);

        const entry = await post(leadEntries.POST, "/api/v1/lead-entries", { email: a.member.email, teamId: a.teamId, leadMeasureId: a.leadMeasureId, date: daysAgo(1), value: 1, note: name });
        expect(entry.status).toBe(400);
        expect(Object.keys(entry.body.error.details.fieldErrors)).toEqual(["note"]);
        expect(await snapshot()).toEqual(before);
      });
    }

    it("still takes tabs, line breaks and emoji", async () => {
      const res = await post(teams.POST, "/api/v1/teams", { name: "Nuit 🌙 Équipe" });
      expect(res.status).toBe(201);
      const note = await post(lagSingle.POST, "/api/v1/lag-observations", { lagMeasureId: csat, date: daysAgo(40), value: 80, note: "line\nbreak\ttab 👍🏽" });
      expect(note.status).toBe(201);
      expect(note.body.data.note).toBe("line\nbreak\ttab 👍🏽");
    });
  });

  describe("idempotency keys", () => {
    const entry = (value: number, extra: Record<string, unknown> = {}) => ({
      email: a.member.email,
      teamId: a.teamId,
      leadMeasureId: a.leadMeasureId,
      date: daysAgo(1),
      value,
      idempotencyKey: "sync-2026-12-03-0001",
      ...extra,
    });

    it("answers a replay with the first entry, and a different request with the same key with 409", async () => {
      const first = await post(leadEntries.POST, "/api/v1/lead-entries", entry(3));
      expect(first.status).toBe(201);
      const replay = await post(leadEntries.POST, "/api/v1/lead-entries", entry(3));
      expect(replay.status).toBe(200);
      expect(replay.body).toMatchObject({ created: false, data: { id: first.body.data.id, value: 3 } });
      // The same person by id instead of email is the same request.
      const byId = await post(leadEntries.POST, "/api/v1/lead-entries", { ...entry(3, { email: undefined }), userId: a.member.id });
      expect(byId.status).toBe(200);

      const before = await snapshot();
      for (const different of [entry(4), entry(3, { note: "other" }), entry(3, { date: daysAgo(2) }), { ...entry(3, { email: undefined }), userId: a.manager.id }]) {
        const res = await post(leadEntries.POST, "/api/v1/lead-entries", different);
        expect(res.status).toBe(409);
        expect(res.body.error).toMatchObject({ code: "conflict", details: { fieldErrors: { idempotencyKey: [expect.stringMatching(/already used for a different entry/)] } } });
      }
      expect(await snapshot()).toEqual(before);
      const stored = await t.db.leadEntry.findMany({ where: { organizationId: a.organizationId, idempotencyKey: "sync-2026-12-03-0001" } });
      expect(stored.map((e) => e.value)).toEqual([3]);
    });
  });

  describe("a file with thousands of bad rows", () => {
    it("lists the first 100 problems and counts them all; nothing is imported", async () => {
      const rows = Array.from({ length: 2_228 }, (_, i) => `CSAT,,0001-01-${String((i % 28) + 1).padStart(2, "0")},${80 + (i % 10)}`);
      const commit = documented((await import("@/app/api/v1/imports/lag-observations/commit/route")).POST);
      const before = await snapshot();
      const res = await commit(
        new Request("http://leadlag.test/api/v1/imports/lag-observations/commit?dateOrder=ymd", {
          method: "POST",
          headers: { authorization: `Bearer ${a.token}`, "content-type": "text/csv" },
          body: `measure,team,date,value\n${rows.join("\n")}\n`,
        }),
        { params: Promise.resolve({}) },
      );
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string; details: { problems: unknown[]; problemCount: number } } };
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.message).toBe("2,228 problems found; the first 100 are listed; nothing was imported.");
      expect(body.error.details.problemCount).toBe(2_228);
      expect(body.error.details.problems).toHaveLength(100);
      expect(body.error.details.problems[0]).toEqual({ row: 2, column: "date", message: RANGE });
      expect(await snapshot()).toEqual(before);
    });

    it("imports a file whose name holds NUL, recording it under a name the database can store", async () => {
      const commit = documented((await import("@/app/api/v1/imports/lag-observations/commit/route")).POST);
      const form = new FormData();
      form.set("file", new File([`measure,team,date,value\nCSAT,,${daysAgo(70)},77\n`], "lag\u0000.csv", { type: "text/csv" }));
      const res = await commit(
        new Request("http://leadlag.test/api/v1/imports/lag-observations/commit", { method: "POST", headers: { authorization: `Bearer ${a.token}` }, body: form }),
        { params: Promise.resolve({}) },
      );
      expect(res.status).toBe(200);
      const events = (await res.text()).trim().split("\n").map((l) => JSON.parse(l) as { type: string });
      expect(events.at(-1)).toEqual({ type: "done", rows: 1, written: 1, replaced: 0, creates: 1, replaces: 0, unchanged: 0 });
      const audit = await t.db.auditEvent.findFirst({ where: { organizationId: organizationId(), action: "lag_observations.import" }, orderBy: { createdAt: "desc" } });
      expect(audit?.entityId).toBe("csv:upload.csv");
    });

    it("caps a batch's problems the same way", async () => {
      const before = await snapshot();
      const observations = Array.from({ length: 150 }, () => ({ lagMeasureId: csat, date: "2101-01-01", value: 1 }));
      const res = await post(lagBatch.POST, "/api/v1/lag-observations/batch", { observations });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe("150 problems found; the first 100 are listed; nothing was saved.");
      expect(res.body.error.details).toMatchObject({ problemCount: 150 });
      expect(res.body.error.details.problems).toHaveLength(100);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe("one lag result per measure, team and date", () => {
    const row = (teamId: string | null, value: number) => ({
      organizationId: a.organizationId,
      lagMeasureId: csat,
      teamId,
      observedOn: new Date(`${daysAgo(60)}T00:00:00Z`),
      value,
    });

    it("is a key of the database: a second row is refused even when written around the service", async () => {
      await t.db.lagObservation.create({ data: row(null, 70) });
      await expect(t.db.lagObservation.create({ data: row(null, 71) })).rejects.toThrow();
      await t.db.lagObservation.create({ data: row(a.teamId, 72) });
      await expect(t.db.lagObservation.create({ data: row(a.teamId, 73) })).rejects.toThrow();
      expect((await t.db.lagObservation.findMany({ where: { organizationId: a.organizationId, observedOn: row(null, 0).observedOn } })).map((o) => o.value).sort()).toEqual([70, 72]);
    });

    it("takes the same result sent many times at once as one row, replacing it", async () => {
      const date = daysAgo(61);
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => post(lagSingle.POST, "/api/v1/lag-observations", { lagMeasureId: csat, date, value: 60 + i })),
      );
      expect(results.every((r) => r.status === 201 || r.status === 200)).toBe(true);
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      const rows = await t.db.lagObservation.findMany({ where: { organizationId: a.organizationId, observedOn: new Date(`${date}T00:00:00Z`) } });
      expect(rows).toHaveLength(1);
      // A replaced result keeps its id: every answer names the one row.
      expect(new Set(results.map((r) => r.body.data.id))).toEqual(new Set([rows[0]!.id]));
    });

    /**
     * Runs SQL as this test's own query. A migration spans every organization, which the tenant
     * guard refuses in the app's queries; Prisma records where a raw query was made when it is
     * run, so `then` is called here rather than by `await` (whose stack is Node's task queue).
     */
    const asTest = (sql: string) => new Promise((resolve, reject) => void t.db.$executeRawUnsafe(sql).then(resolve, reject));

    it("its migration removes duplicates, keeping the newest, before adding the key", async () => {
      const sql = readFileSync(new URL("../../prisma/migrations/20261203063100_lag_observation_unique_key/migration.sql", import.meta.url), "utf8");
      const statements = sql
        .split(/;\s*\n/)
        .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
        .filter(Boolean);
      expect(statements).toHaveLength(2);
      await asTest(`DROP INDEX "LagObservation_organizationId_lagMeasureId_teamId_observedO_key"`);
      const day = new Date(`${daysAgo(90)}T00:00:00Z`);
      const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));
      for (const [teamId, value, minutes] of [[null, 1, 1], [null, 3, 3], [null, 2, 2], [a.teamId, 5, 5], [a.teamId, 4, 4]] as const) {
        await t.db.lagObservation.create({ data: { ...row(teamId, value), observedOn: day, createdAt: at(minutes) } });
      }
      for (const statement of statements) await asTest(statement);
      const kept = await t.db.lagObservation.findMany({ where: { organizationId: a.organizationId, observedOn: day }, orderBy: { value: "asc" } });
      expect(kept.map((o) => [o.teamId, o.value])).toEqual([
        [null, 3],
        [a.teamId, 5],
      ]);
      await expect(t.db.lagObservation.create({ data: { ...row(null, 9), observedOn: day } })).rejects.toThrow();
    });
  });
});
