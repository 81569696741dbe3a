// GET /api/v1/users: the token's organization's people with role, status and teams, by name, a
// page at a time; removed people are not listed, another organization's token never sees them,
// and a token without `people:read` is refused. Responses are checked against the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
});

import * as users from "@/app/api/v1/users/route";
import { Role } from "@/lib/generated/prisma/enums";
import { addMembership, createUser } from "@/lib/seed/factories";
import { deactivateMember, removeMember } from "@/lib/services/people";
import { testDbKinds, type TestDb } from "../helpers/db";
import { call, isErrorShape, type ApiOrg, twoApiOrgs } from "./apiFixtures";

describe.each(testDbKinds())("REST API v1: people [%s]", (kind) => {
  let t: TestDb;
  let a: ApiOrg;
  let b: ApiOrg;

  beforeAll(async () => {
    ({ t, a, b } = await twoApiOrgs(kind));
  });
  afterAll(async () => {
    await t?.close();
  });

  it("lists the organization's people with role, status and teams, paged by cursor", async () => {
    const names = ["Zoe Extra", "Yan Extra", "Xia Extra"];
    for (const name of names) {
      const u = await createUser(t.db, { name });
      await addMembership(t.db, a.organizationId, u.id, Role.VIEWER);
    }
    const seen: { id: string; name: string }[] = [];
    let cursor: string | null = null;
    do {
      const r: { status: number; body: { data: { id: string; name: string }[]; nextCursor: string | null } } = await call(users.GET, {
        path: `/api/v1/users?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        token: a.token,
      });
      expect(r.status).toBe(200);
      expect(r.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...r.body.data);
      cursor = r.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(6); // manager, member, owner + three viewers
    expect(new Set(seen.map((p) => p.id)).size).toBe(6);
    expect(seen.map((p) => p.name)).toEqual([...seen.map((p) => p.name)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    const all = await call(users.GET, { path: "/api/v1/users", token: a.token });
    const member = all.body.data.find((p: { id: string }) => p.id === a.member.id);
    expect(member).toEqual({ id: a.member.id, name: a.member.name, email: a.member.email, role: "MEMBER", status: "active", teams: [{ id: a.teamId, name: "Support Team", isLead: false }] });
  });

  it("shows deactivated people as such, hides removed ones, and filters by search and status", async () => {
    const u = await createUser(t.db, { name: "Gone Soon" });
    const v = await createUser(t.db, { name: "Paused Person" });
    await addMembership(t.db, a.organizationId, u.id, Role.MEMBER);
    await addMembership(t.db, a.organizationId, v.id, Role.MEMBER);
    await removeMember(t.db, a.owner, { userId: u.id });
    await deactivateMember(t.db, a.owner, { userId: v.id });
    const all = await call(users.GET, { path: "/api/v1/users?limit=500", token: a.token });
    expect(all.body.data.map((p: { id: string }) => p.id)).not.toContain(u.id);
    expect(all.body.data.find((p: { id: string }) => p.id === v.id)?.status).toBe("deactivated");
    const paused = await call(users.GET, { path: "/api/v1/users?status=deactivated", token: a.token });
    expect(paused.body.data.map((p: { id: string }) => p.id)).toEqual([v.id]);
    const search = await call(users.GET, { path: `/api/v1/users?q=${encodeURIComponent(a.member.email.slice(0, 14).toUpperCase())}`, token: a.token });
    expect(search.body.data.map((p: { id: string }) => p.id)).toEqual([a.member.id]);
  });

  it("another organization's token never sees these people", async () => {
    const r = await call(users.GET, { path: "/api/v1/users?limit=500", token: b.token });
    expect(r.status).toBe(200);
    const ids = r.body.data.map((p: { id: string }) => p.id);
    expect(ids).not.toContain(a.member.id);
    expect(ids).toContain(b.member.id);
    const found = await call(users.GET, { path: `/api/v1/users?q=${encodeURIComponent(a.member.email)}`, token: b.token });
    expect(found.body.data).toEqual([]);
  });

  it("refuses a token without people:read, and a cursor it did not issue", async () => {
    const teamsOnly = await a.tokenWith(["teams:read"]);
    const r = await call(users.GET, { path: "/api/v1/users", token: teamsOnly });
    expect(r.status).toBe(403);
    expect(isErrorShape(r.body)).toBe(true);
    const bad = await call(users.GET, { path: "/api/v1/users?cursor=bm90LW91cnM", token: a.token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fieldErrors.cursor).toBeDefined();
    const badLimit = await call(users.GET, { path: "/api/v1/users?limit=0", token: a.token });
    expect(badLimit.status).toBe(400);
  });
});
