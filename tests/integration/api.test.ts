// REST API v1: who may call it (tokens, scopes, revocation) and what they can reach — never
// another organization's data — plus the teams and measures endpoints. Route handlers are called
// in-process with `Authorization: Bearer` tokens, on PGlite and (with TEST_DATABASE_URL) Postgres.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // The handlers load next-auth's options, which need a secret (else one is written to .data/).
  process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
});

import * as members from "@/app/api/v1/teams/[teamId]/members/route";
import * as teams from "@/app/api/v1/teams/route";
import * as measures from "@/app/api/v1/measures/route";
import * as leadEntries from "@/app/api/v1/lead-entries/route";
import { Role } from "@/lib/generated/prisma/enums";
import { addMembership, createLagMeasure, createUser } from "@/lib/seed/factories";
import { revokeApiToken } from "@/lib/services/apiTokens";
import { testDbKinds, type TestDb } from "../helpers/db";
import { call, daysAgo, isErrorShape, type ApiOrg, twoApiOrgs } from "./apiFixtures";

describe.each(testDbKinds())("REST API v1: access and tenancy [%s]", (kind) => {
  let t: TestDb;
  let a: ApiOrg;
  let b: ApiOrg;

  beforeAll(async () => {
    ({ t, a, b } = await twoApiOrgs(kind));
    await createLagMeasure(t.db, a.organizationId, { name: "CSAT A" });
    await createLagMeasure(t.db, b.organizationId, { name: "CSAT B" });
  });
  afterAll(async () => {
    await t?.close();
  });

  const entryCount = (organizationId: string) => t.db.leadEntry.count({ where: { organizationId } });

  it("lists only the token's organization's teams, with member counts", async () => {
    const res = await call(teams.GET, { path: "/api/v1/teams", token: a.token });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([{ id: a.teamId, name: "Support Team", memberCount: 2 }]);
  });

  it("answers 404 for another organization's team, and leaves its members alone", async () => {
    const get = await call(members.GET, { path: `/api/v1/teams/${b.teamId}/members`, token: a.token, params: { teamId: b.teamId } });
    expect(get.status).toBe(404);
    expect(isErrorShape(get.body)).toBe(true);
    const put = await call(members.PUT, {
      method: "PUT",
      path: `/api/v1/teams/${b.teamId}/members`,
      token: a.token,
      params: { teamId: b.teamId },
      body: { members: [] },
    });
    expect(put.status).toBe(404);
    expect(await t.db.teamMember.count({ where: { organizationId: b.organizationId, teamId: b.teamId } })).toBe(2);
    const garbage = await call(members.GET, { path: "/api/v1/teams/not-a-uuid/members", token: a.token, params: { teamId: "not-a-uuid" } });
    expect(garbage.status).toBe(404);
  });

  it("cannot write into another organization's team, nor name its people", async () => {
    const before = await entryCount(b.organizationId);
    const intoB = await call(leadEntries.POST, {
      path: "/api/v1/lead-entries",
      token: a.token,
      body: { email: b.member.email, teamId: b.teamId, leadMeasureId: b.leadMeasureId, date: daysAgo(1), value: 2 },
    });
    expect(intoB.status).toBe(400); // B's member is unknown in A, before the team is even looked at
    expect(intoB.body.error.details.fieldErrors.email).toBeDefined();
    const byId = await call(leadEntries.POST, {
      path: "/api/v1/lead-entries",
      token: a.token,
      body: { userId: b.member.id, teamId: b.teamId, leadMeasureId: b.leadMeasureId, date: daysAgo(1), value: 2 },
    });
    expect(byId.status).toBe(404);
    expect(byId.body.error.code).toBe("not_found");
    expect(await entryCount(b.organizationId)).toBe(before);
  });

  it("never returns another organization's entries or measures", async () => {
    await call(leadEntries.POST, {
      path: "/api/v1/lead-entries",
      token: b.token,
      body: { email: b.member.email, teamId: b.teamId, leadMeasureId: b.leadMeasureId, date: daysAgo(2), value: 4 },
    });
    expect(await entryCount(b.organizationId)).toBeGreaterThan(0);
    const list = await call(leadEntries.GET, { path: `/api/v1/lead-entries?teamId=${b.teamId}`, token: a.token });
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ data: [], nextCursor: null });
    const all = await call(leadEntries.GET, { path: "/api/v1/lead-entries", token: a.token });
    expect(all.body.data.every((e: { teamId: string }) => e.teamId === a.teamId)).toBe(true);

    const m = await call(measures.GET, { path: "/api/v1/measures", token: a.token });
    expect(m.status).toBe(200);
    expect(m.body.leadMeasures).toEqual([
      expect.objectContaining({
        id: a.leadMeasureId,
        name: "Coaching conversations",
        teams: [{ teamId: a.teamId, teamName: "Support Team", weeklyTarget: 10, personWeeklyTarget: 3 }],
      }),
    ]);
    expect(m.body.lagMeasures.map((x: { name: string }) => x.name)).toEqual(["CSAT A"]);
    expect(m.body.lagMeasures[0]).toMatchObject({ direction: "HIGHER_IS_BETTER", baseline: { value: 78 }, target: { value: 88 } });
  });

  it("refuses a revoked, unknown or malformed token with 401", async () => {
    const token = await a.tokenWith(["teams:read"]);
    expect((await call(teams.GET, { path: "/api/v1/teams", token })).status).toBe(200);
    const row = await t.db.apiToken.findFirst({ where: { organizationId: a.organizationId, name: "token teams:read" } });
    await revokeApiToken(t.db, a.owner, row!.id);
    for (const bad of [token, `${token.slice(0, -2)}xx`, "llk_nonsense", ""]) {
      const res = await call(teams.GET, { path: "/api/v1/teams", token: bad });
      expect(res.status, bad).toBe(401);
      expect(res.body.error.code).toBe("unauthenticated");
    }
    // A token carrying another organization's id in its prefix does not verify either.
    const forged = a.token.replace(a.organizationId.replace(/-/g, ""), b.organizationId.replace(/-/g, ""));
    expect((await call(teams.GET, { path: "/api/v1/teams", token: forged })).status).toBe(401);
  });

  it("refuses a token without the endpoint's scope with 403, writing nothing", async () => {
    const readOnly = await a.tokenWith(["teams:read", "measures:read"]);
    const before = await entryCount(a.organizationId);
    const res = await call(leadEntries.POST, {
      path: "/api/v1/lead-entries",
      token: readOnly,
      body: { email: a.member.email, teamId: a.teamId, leadMeasureId: a.leadMeasureId, date: daysAgo(1), value: 1 },
    });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: "forbidden", message: expect.stringContaining("entries:write") });
    expect(await entryCount(a.organizationId)).toBe(before);
    expect((await call(teams.POST, { path: "/api/v1/teams", token: readOnly, body: { name: "Nope" } })).status).toBe(403);
    expect((await call(measures.GET, { path: "/api/v1/measures", token: readOnly })).status).toBe(200);
  });

  it("creates a team once; the same name again is a 409 conflict", async () => {
    const res = await call(teams.POST, { path: "/api/v1/teams", token: a.token, body: { name: "  Night Shift " } });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ name: "Night Shift", memberCount: 0 });
    const again = await call(teams.POST, { path: "/api/v1/teams", token: a.token, body: { name: "Night Shift" } });
    expect(again.status).toBe(409);
    expect(again.body.error.details.fieldErrors.name).toEqual(["A team with this name already exists."]);
    // The name is per organization: B may have its own Night Shift.
    expect((await call(teams.POST, { path: "/api/v1/teams", token: b.token, body: { name: "Night Shift" } })).status).toBe(201);
    for (const body of [{}, { name: "" }, { name: 7 }, { name: "x", extra: 1 }]) {
      const bad = await call(teams.POST, { path: "/api/v1/teams", token: a.token, body });
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(isErrorShape(bad.body)).toBe(true);
    }
    expect(await t.db.team.count({ where: { organizationId: a.organizationId } })).toBe(2);
  });

  it("syncs a team's members by email, all or nothing", async () => {
    const newcomer = await createUser(t.db, { email: `new-${a.slug}@example.test` });
    await addMembership(t.db, a.organizationId, newcomer.id, Role.MEMBER);
    const put = (body: unknown) =>
      call(members.PUT, { method: "PUT", path: `/api/v1/teams/${a.teamId}/members`, token: a.token, params: { teamId: a.teamId }, body });

    // Unknown people (including another organization's member) are all listed, and nothing changes.
    const unknown = await put({ members: [{ email: newcomer.email }, { email: b.member.email }, { email: "ghost@example.test" }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.unknownEmails).toEqual([b.member.email, "ghost@example.test"]);
    const listed = await call(members.GET, { path: `/api/v1/teams/${a.teamId}/members`, token: a.token, params: { teamId: a.teamId } });
    expect(listed.body.data.map((m: { email: string }) => m.email).sort()).toEqual([a.manager.email, a.member.email].sort());

    // Newcomer joins as lead, the member leaves, the manager stays lead (isLead omitted = unchanged).
    const ok = await put({ members: [{ email: a.manager.email }, { email: newcomer.email.toUpperCase(), isLead: true }] });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ added: 1, removed: 1, updated: 0, members: 2 });
    expect(ok.body.data.map((m: { email: string; isLead: boolean }) => [m.email, m.isLead]).sort()).toEqual(
      [
        [a.manager.email, true],
        [newcomer.email, true],
      ].sort(),
    );
    const dup = await put({ members: [{ email: a.manager.email }, { email: a.manager.email }] });
    expect(dup.status).toBe(400);
    // Put the member back for the other tests.
    expect((await put({ members: [{ email: a.manager.email }, { email: a.member.email }] })).status).toBe(200);
  });

  it("answers invalid JSON with a 400 in the error shape", async () => {
    const res = await call(teams.POST, { path: "/api/v1/teams", token: a.token, raw: "{not json" });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "validation_failed", message: "The request body must be valid JSON." });
  });
});
