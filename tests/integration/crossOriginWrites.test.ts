// Writes with a signed-in person's session cookie must come from Leadlag's own pages (issue 14):
// the audit created a team and committed a lag CSV with `Origin: http://evil.example` and a
// text/plain body. Now another origin is refused with 403, a body of another type with 415, both
// in the one error shape and with nothing written; the app's same-origin JSON and uploads work,
// and API tokens are unaffected. Route handlers are called in-process as Next calls them; every
// response is checked against the OpenAPI document (tests/helpers/apiSchemas.ts).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // The handlers load next-auth's options, which need a secret (else one is written to .data/).
  process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
});

// The browser-session path: next-auth answers with whoever `session.userId` says is signed in.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", async (original) => ({
  ...(await original<typeof import("next-auth")>()),
  getServerSession: async () => (await import("@/tests/helpers/sessionMock")).serverSessionOf(session.userId),
}));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

import * as lagCommit from "@/app/api/v1/imports/lag-observations/commit/route";
import * as members from "@/app/api/v1/teams/[teamId]/members/route";
import * as teams from "@/app/api/v1/teams/route";
import { createLagMeasure } from "@/lib/seed/factories";
import { documented, type RouteHandler } from "../helpers/apiSchemas";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";
import { apiOrg, daysAgo, isErrorShape, serveFrom, type ApiOrg } from "./apiFixtures";

const APP = "http://leadlag.test";
const EVIL = "http://evil.example";

type Sent = { status: number; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A request as a browser (its cookie stands for the session above) or a token sends it. */
async function send<P>(
  handler: RouteHandler<P>,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: BodyInit; params?: P },
): Promise<Sent> {
  const request = new Request(`${APP}${path}`, { method: opts.method ?? "POST", headers: opts.headers, body: opts.body });
  const response = await documented(handler)(request, { params: Promise.resolve(opts.params ?? ({} as P)) });
  const text = await response.text();
  // NDJSON (an import's progress) stays text.
  const json = response.headers.get("content-type")?.startsWith("application/json");
  return { status: response.status, body: json ? JSON.parse(text) : text };
}

describe.each(testDbKinds())("cross-origin writes with a session cookie [%s]", (kind) => {
  let t: TestDb;
  let a: ApiOrg;
  const cookie = { cookie: "next-auth.session-token=browser" };
  const teamNames = async () => (await t.db.team.findMany({ where: { organizationId: a.organizationId }, select: { name: true } })).map((x) => x.name);
  const observations = () => t.db.lagObservation.count({ where: { organizationId: a.organizationId } });
  const lagCsv = () => `measure,team,date,value\nCSAT,,${daysAgo(3)},81.5\n`;

  beforeAll(async () => {
    t = await createTestDb(kind);
    serveFrom(t.db);
    a = await apiOrg(t.db);
    await createLagMeasure(t.db, a.organizationId, { name: "CSAT" });
    session.userId = a.manager.id;
  });
  afterAll(async () => {
    session.userId = null;
    await t?.close();
  });

  it("refuses a team created from another origin with 403, whatever the body, and creates nothing", async () => {
    for (const contentType of ["text/plain", "application/json"]) {
      const res = await send(teams.POST, "/api/v1/teams", {
        headers: { ...cookie, origin: EVIL, "content-type": contentType },
        body: JSON.stringify({ name: `Evil ${contentType}` }),
      });
      expect(res.status, contentType).toBe(403);
      expect(isErrorShape(res.body)).toBe(true);
      expect(res.body.error.code).toBe("forbidden");
    }
    // A browser that sends no Origin still says the request crossed sites.
    const bySite = await send(teams.POST, "/api/v1/teams", {
      headers: { ...cookie, "sec-fetch-site": "cross-site", "content-type": "application/json" },
      body: JSON.stringify({ name: "Evil by site" }),
    });
    expect(bySite.status).toBe(403);
    expect((await teamNames()).filter((n) => n.startsWith("Evil"))).toEqual([]);
  });

  it("refuses a same-origin body that is not JSON with 415, and creates nothing", async () => {
    const types: Record<string, string>[] = [{ "content-type": "text/plain" }, { "content-type": "application/x-www-form-urlencoded" }, {}];
    for (const headers of types) {
      // Bytes, not a string: a string body would get text/plain on its own.
      const body = new TextEncoder().encode(JSON.stringify({ name: "Plain team" }));
      const res = await send(teams.POST, "/api/v1/teams", { headers: { ...cookie, origin: APP, ...headers }, body });
      expect(res.status, JSON.stringify(headers)).toBe(415);
      expect(res.body.error.code).toBe("unsupported_media_type");
    }
    expect(await teamNames()).not.toContain("Plain team");
  });

  it("creates the team from the app's own page: same origin (or Sec-Fetch-Site) and JSON", async () => {
    const byOrigin = await send(teams.POST, "/api/v1/teams", {
      headers: { ...cookie, origin: APP, "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ name: "Own team" }),
    });
    expect(byOrigin.status).toBe(201);
    const bySite = await send(teams.POST, "/api/v1/teams", {
      headers: { ...cookie, "sec-fetch-site": "same-origin", "content-type": "application/json" },
      body: JSON.stringify({ name: "Own team 2" }),
    });
    expect(bySite.status).toBe(201);
    expect(await teamNames()).toEqual(expect.arrayContaining(["Own team", "Own team 2"]));
  });

  it("refuses a cross-origin PUT of a team's members and leaves them as they were", async () => {
    const before = await t.db.teamMember.count({ where: { teamId: a.teamId } });
    const res = await send(members.PUT, `/api/v1/teams/${a.teamId}/members`, {
      method: "PUT",
      params: { teamId: a.teamId },
      headers: { ...cookie, origin: EVIL, "content-type": "application/json" },
      body: JSON.stringify({ members: [] }),
    });
    expect(res.status).toBe(403);
    expect(await t.db.teamMember.count({ where: { teamId: a.teamId } })).toBe(before);
  });

  it("refuses a lag CSV commit from another origin (403) or as text/plain (415), and writes nothing", async () => {
    const evil = await send(lagCommit.POST, "/api/v1/imports/lag-observations/commit", {
      headers: { ...cookie, origin: EVIL, "content-type": "text/plain" },
      body: lagCsv(),
    });
    expect(evil.status).toBe(403);
    expect(evil.body.error.code).toBe("forbidden");
    const plain = await send(lagCommit.POST, "/api/v1/imports/lag-observations/commit", {
      headers: { ...cookie, origin: APP, "content-type": "text/plain" },
      body: lagCsv(),
    });
    expect(plain.status).toBe(415);
    expect(await observations()).toBe(0);
  });

  it("commits a same-origin lag CSV sent as text/csv or as the import page's form", async () => {
    const raw = await send(lagCommit.POST, "/api/v1/imports/lag-observations/commit", {
      headers: { ...cookie, origin: APP, "content-type": "text/csv" },
      body: lagCsv(),
    });
    expect(raw.status).toBe(200);
    expect(raw.body).toContain('"type":"done"');
    const form = new FormData();
    form.set("file", new File([lagCsv()], "lag.csv", { type: "text/csv" }));
    const upload = await send(lagCommit.POST, "/api/v1/imports/lag-observations/commit", { headers: { ...cookie, origin: APP }, body: form });
    expect(upload.status).toBe(200);
    expect(await observations()).toBe(1); // the same day's result, replaced
  });

  it("leaves API tokens unaffected: another Origin and a text/plain CSV still write", async () => {
    const bearer = { authorization: `Bearer ${a.token}` };
    const team = await send(teams.POST, "/api/v1/teams", {
      headers: { ...bearer, origin: EVIL, "content-type": "application/json" },
      body: JSON.stringify({ name: "Token team" }),
    });
    expect(team.status).toBe(201);
    const csv = await send(lagCommit.POST, "/api/v1/imports/lag-observations/commit", {
      headers: { ...bearer, origin: EVIL, "content-type": "text/plain" },
      body: `measure,team,date,value\nCSAT,,${daysAgo(4)},79\n`,
    });
    expect(csv.status).toBe(200);
    expect(await teamNames()).toContain("Token team");
    expect(await observations()).toBe(2);
  });
});
