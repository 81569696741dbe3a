// The import and export endpoints as an integration calls them, with API tokens, on each
// database: scopes are enforced, another organization's token never reaches this one's data,
// a multipart upload and a raw text/csv body both work, and every refusal has the one error shape.
// Every response is checked against the OpenAPI document (tests/helpers/apiSchemas.ts).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadTenantContext } from "@/lib/auth/loadContext";
import type { OpenedDb } from "@/lib/db/client";
import { addDays, localDay } from "@/lib/domain/calendar/weeks";
import { addMembership, addTeamMember, createLagMeasure, createOrgWithTeam, createTeam, createUser, type OrgWithTeam } from "@/lib/seed/factories";
import { createApiToken, type ApiScope } from "@/lib/services/apiTokens";
import { Role } from "@/lib/generated/prisma/enums";
import { documented } from "../helpers/apiSchemas";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";

const globalForDb = globalThis as unknown as { leadlagDb?: Promise<OpenedDb> };
const noParams = { params: Promise.resolve({}) };

async function routes() {
  vi.stubEnv("NEXTAUTH_SECRET", "csv-routes-test-secret-0123456789abcdef");
  return {
    preview: documented((await import("@/app/api/v1/imports/lead-entries/preview/route")).POST),
    commit: documented((await import("@/app/api/v1/imports/lead-entries/commit/route")).POST),
    exportLead: documented((await import("@/app/api/v1/exports/lead-entries.csv/route")).GET),
    exportLag: documented((await import("@/app/api/v1/exports/lag-observations.csv/route")).GET),
    template: {
      "lead-entries": documented((await import("@/app/api/v1/imports/lead-entries/template.csv/route")).GET),
      "lag-observations": documented((await import("@/app/api/v1/imports/lag-observations/template.csv/route")).GET),
    },
    previewOf: {
      "lead-entries": documented((await import("@/app/api/v1/imports/lead-entries/preview/route")).POST),
      "lag-observations": documented((await import("@/app/api/v1/imports/lag-observations/preview/route")).POST),
    },
    commitOf: {
      "lead-entries": documented((await import("@/app/api/v1/imports/lead-entries/commit/route")).POST),
      "lag-observations": documented((await import("@/app/api/v1/imports/lag-observations/commit/route")).POST),
    },
  };
}

describe.each(testDbKinds())("CSV endpoints with API tokens [%s]", (kind) => {
  let t: TestDb;
  let a: OrgWithTeam;
  let b: OrgWithTeam;
  let r: Awaited<ReturnType<typeof routes>>;
  const day = addDays(localDay(new Date(), "UTC"), -1);
  const csv = () => `email,team,measure,date,value\n${a.member.email},Support Team,Coaching conversations,${day},4\n`;
  const PREVIEW = "http://localhost/api/v1/imports/lead-entries/preview";
  const COMMIT = "http://localhost/api/v1/imports/lead-entries/commit";

  async function tokenFor(org: OrgWithTeam, scopes: ApiScope[]) {
    const owner = await createUser(t.db);
    await addMembership(t.db, org.organizationId, owner.id, Role.OWNER);
    const ctx = (await loadTenantContext(t.db, owner.id, org.organizationId))!;
    return { authorization: `Bearer ${(await createApiToken(t.db, ctx, { name: "integration", scopes })).token}` };
  }
  function upload(file: string, headers: Record<string, string>, fields: Record<string, string> = {}, url = PREVIEW) {
    const form = new FormData();
    form.set("file", new File([file], "entries.csv", { type: "text/csv" }));
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    return new Request(url, { method: "POST", headers, body: form });
  }
  const entries = () => t.db.leadEntry.count({ where: { organizationId: a.organizationId } });

  beforeAll(async () => {
    t = await createTestDb(kind);
    globalForDb.leadlagDb = Promise.resolve({ db: t.db, target: { kind: "embedded", dataDir: null }, close: async () => {} });
    a = await createOrgWithTeam(t.db);
    b = await createOrgWithTeam(t.db);
    r = await routes();
  });
  afterAll(async () => {
    globalForDb.leadlagDb = undefined;
    vi.unstubAllEnvs();
    await t?.close();
  });

  it("previews a multipart upload and commits a raw text/csv body, streaming progress", async () => {
    const auth = await tokenFor(a, ["entries:write"]);
    const preview = await r.preview(upload(csv(), auth), noParams);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ ready: true, rowCount: 1, readyCount: 1, problems: [], mapping: { email: 0, note: null } });

    const commit = await r.commit(
      new Request(`${COMMIT}?dateOrder=ymd`, {
        method: "POST",
        headers: { ...auth, "content-type": "text/csv; charset=utf-8" },
        body: csv(),
      }),
      noParams,
    );
    expect(commit.status).toBe(200);
    expect(commit.headers.get("content-type")).toMatch(/application\/x-ndjson/);
    const events = (await commit.text()).trim().split("\n").map((l) => JSON.parse(l) as { type: string });
    expect(events.at(-1)).toEqual({ type: "done", rows: 1, written: 1, replaced: 0, creates: 1, replaces: 0, unchanged: 0 });
    expect(await t.db.leadEntry.findFirst({ where: { organizationId: a.organizationId, source: "CSV" } })).toMatchObject({ value: 4 });
  });

  it("hands out a template per kind in this organization's own names, which imports exactly as downloaded", async () => {
    await createLagMeasure(t.db, a.organizationId, { name: "CSAT" });
    await createLagMeasure(t.db, a.organizationId, { name: "Resolution hours", teamId: a.teamId });
    // B's own names, which A's templates must never show.
    const bTeam = await createTeam(t.db, b.organizationId, { name: "Billing of B" });
    await addTeamMember(t.db, b.organizationId, bTeam.id, b.member.id);
    await createLagMeasure(t.db, b.organizationId, { name: "Churn of B" });
    const auth = await tokenFor(a, ["entries:read", "entries:write"]);
    const expected = {
      "lead-entries": { header: "email,team,measure,date,value,note", names: [a.member.email, a.manager.email, "Support Team", "Coaching conversations"] },
      "lag-observations": { header: "measure,team,date,value,note", names: ["CSAT", "Resolution hours", "Support Team"] },
    };
    for (const kind of ["lead-entries", "lag-observations"] as const) {
      const res = await r.template[kind](new Request(`http://localhost/api/v1/imports/${kind}/template.csv`, { headers: auth }), noParams);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${kind}-template.csv"`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
      expect(lines[0]).toBe(expected[kind].header);
      expect(lines.length - 1).toBeGreaterThanOrEqual(2);
      expect(lines.length - 1).toBeLessThanOrEqual(3);
      for (const name of expected[kind].names) expect(lines.join("\n")).toContain(name);
      for (const other of [b.member.email, b.manager.email, "Billing of B", "Churn of B"]) expect(lines.join("\n")).not.toContain(other);

      // Uploaded as downloaded: every row ready, then imported, with the preview's counts.
      const file = () => {
        const form = new FormData();
        form.set("file", new File([bytes], `${kind}-template.csv`, { type: "text/csv" }));
        return form;
      };
      const url = `http://localhost/api/v1/imports/${kind}`;
      const preview = await r.previewOf[kind](new Request(`${url}/preview`, { method: "POST", headers: auth, body: file() }), noParams);
      const checked = (await preview.json()) as { ready: boolean; readyCount: number; problems: unknown[]; creates: number; replaces: number; unchanged: number };
      expect(checked).toMatchObject({ ready: true, readyCount: lines.length - 1, problems: [] });
      const commit = await r.commitOf[kind](new Request(`${url}/commit`, { method: "POST", headers: auth, body: file() }), noParams);
      expect(commit.status).toBe(200);
      const done = JSON.parse((await commit.text()).trim().split("\n").at(-1)!) as Record<string, unknown>;
      expect(done).toMatchObject({ type: "done", rows: lines.length - 1, creates: checked.creates, replaces: checked.replaces, unchanged: checked.unchanged });
    }
  });

  it("refuses a token without entries:write, before reading the file", async () => {
    const before = await entries();
    for (const [route, url] of [
      [r.preview, PREVIEW],
      [r.commit, COMMIT],
    ] as const) {
      const res = await route(upload(csv(), await tokenFor(a, ["entries:read"]), {}, url), noParams);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: { code: "forbidden", message: 'This API token lacks the "entries:write" scope.' } });
    }
    expect(await entries()).toBe(before);
  });

  it("never lets another organization's token import into, or export, this organization's data", async () => {
    const auth = await tokenFor(b, ["entries:write", "entries:read"]);
    const before = await entries();
    const res = await r.commit(upload(csv(), auth, {}, COMMIT), noParams);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: { problems: { row: number; column: string }[] } } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details.problems.map((p) => [p.row, p.column])).toEqual([
      [2, "email"], // A's member is not in B; the team and measure names resolve to B's own
    ]);
    expect(await entries()).toBe(before);

    const exported = await r.exportLead(new Request(`http://localhost/api/v1/exports/lead-entries.csv?team=${a.teamId}`, { headers: auth }), noParams);
    expect(exported.status).toBe(404);
    expect(await exported.json()).toEqual({ error: { code: "not_found", message: "Team not found." } });
    const own = await r.exportLead(new Request("http://localhost/api/v1/exports/lead-entries.csv?bom=false", { headers: auth }), noParams);
    expect(await own.text()).toBe("email,team,measure,date,value,note\r\n");
  });

  it("exports with entries:read only, and says what is wrong with bad parameters", async () => {
    const writeOnly = await r.exportLag(new Request("http://localhost/api/v1/exports/lag-observations.csv", { headers: await tokenFor(a, ["entries:write"]) }), noParams);
    expect(writeOnly.status).toBe(403);
    const auth = await tokenFor(a, ["entries:read"]);
    const ok = await r.exportLead(new Request(`http://localhost/api/v1/exports/lead-entries.csv?from=${day}&to=${day}&bom=false`, { headers: auth }), noParams);
    expect(ok.headers.get("content-disposition")).toBe(`attachment; filename="lead-entries-from-${day}-to-${day}.csv"`);
    expect(await ok.text()).toContain(`${a.member.email},Support Team,Coaching conversations,${day},4,\r\n`);
    const bad = await r.exportLead(new Request("http://localhost/api/v1/exports/lead-entries.csv?from=2026-13-01", { headers: auth }), noParams);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { details: { fieldErrors: { from: ["Write from as YYYY-MM-DD."] } } } });
  });

  it("answers 401 for an unknown token and 400 for options or bodies it cannot read", async () => {
    // (Signed-out browsers take the session path, which needs a Next request: see e2e/csv-import.spec.ts.)
    const unknown = await r.preview(upload(csv(), { authorization: "Bearer llk_not-a-token" }), noParams);
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ error: { code: "unauthenticated" } });
    const auth = await tokenFor(a, ["entries:write"]);
    const badOrder = await r.preview(upload(csv(), auth, { dateOrder: "yyyy" }), noParams);
    expect(await badOrder.json()).toMatchObject({ error: { code: "validation_failed", details: { fieldErrors: { dateOrder: [expect.any(String)] } } } });
    const json = await r.preview(
      new Request(PREVIEW, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: "{}" }),
      noParams,
    );
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: { message: expect.stringMatching(/multipart\/form-data.*text\/csv/) } });
  });
});
