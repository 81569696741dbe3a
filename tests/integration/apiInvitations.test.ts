// REST API v1 invitations: a token invites into its own organization only, lists and revokes
// only its organization's invitations (another's id is a 404), and needs the people scopes.
// Every response is checked against the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // The handlers load next-auth's options, which need a secret (else one is written to .data/).
  process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
});

import * as invitations from "@/app/api/v1/invitations/route";
import * as invitation from "@/app/api/v1/invitations/[invitationId]/route";
import { testDbKinds, type TestDb } from "../helpers/db";
import { call, isErrorShape, type ApiOrg, twoApiOrgs } from "./apiFixtures";

describe.each(testDbKinds())("REST API v1: invitations [%s]", (kind) => {
  let t: TestDb;
  let a: ApiOrg;
  let b: ApiOrg;
  let n = 0;
  const fresh = () => `api-invitee-${++n}@invited.test`;
  const invite = (token: string, body: unknown) => call(invitations.POST, { path: "/api/v1/invitations", token, body });
  const revoke = (token: string, id: string) =>
    call(invitation.DELETE, { method: "DELETE", path: `/api/v1/invitations/${id}`, token, params: { invitationId: id } });

  beforeAll(async () => {
    ({ t, a, b } = await twoApiOrgs(kind));
  });
  afterAll(async () => {
    await t?.close();
  });

  it("invites into the token's organization, with a role and teams, and mails the link (to the outbox without SMTP)", async () => {
    const [x, y] = [fresh(), fresh()];
    const res = await invite(a.token, { emails: [x, `Why Not <${y}>`, a.member.email], role: "MANAGER", teamIds: [a.teamId] });
    expect(res.status).toBe(201);
    expect(res.body.invited.map((i: { email: string }) => i.email)).toEqual([x, y]);
    expect(res.body.invited[0]).toMatchObject({ role: "MANAGER", teamIds: [a.teamId], status: "pending", sendCount: 1 });
    expect(res.body.alreadyMembers).toEqual([a.member.email]);
    expect(JSON.stringify(res.body)).not.toMatch(/token/i);
    const rows = await t.db.invitation.findMany({ where: { email: { in: [x, y] } } });
    expect(rows.map((r) => r.organizationId)).toEqual([a.organizationId, a.organizationId]);
    const mail = await t.db.outboxEmail.findFirstOrThrow({ where: { to: x } });
    expect(mail).toMatchObject({ organizationId: a.organizationId, kind: "invitation" });
    expect(mail.text).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}/);

    // One address as a string; inviting it again resends rather than duplicates (200: nothing new).
    const again = await invite(a.token, { emails: x });
    expect(again.status).toBe(200);
    expect(again.body.resent).toMatchObject([{ email: x, sendCount: 2 }]);
  });

  it("cannot put anyone on another organization's team, and refuses a bad batch whole", async () => {
    const cross = await invite(a.token, { emails: [fresh()], teamIds: [b.teamId] });
    expect(cross.status).toBe(400);
    expect(cross.body.error.details.fieldErrors.teamIds).toBeDefined();

    const good = fresh();
    const bad = await invite(a.token, { emails: [good, "nope"], role: "MEMBER" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.problems).toEqual([{ index: 1, field: "emails", message: "“nope”: nope is not an email address." }]);
    expect(await t.db.invitation.count({ where: { email: good } })).toBe(0);

    const owner = await invite(a.token, { emails: [fresh()], role: "OWNER" });
    expect(owner.status).toBe(400);
    expect(owner.body.error.details.fieldErrors.role).toBeDefined();
  });

  it("lists the organization's invitations newest first, page by page", async () => {
    for (let i = 0; i < 3; i++) expect((await invite(b.token, { emails: fresh() })).status).toBe(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { data: { id: string; email: string }[]; nextCursor: string | null } } = await call(invitations.GET, {
        path: `/api/v1/invitations?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        token: b.token,
      });
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const all = await t.db.invitation.findMany({ where: { organizationId: b.organizationId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect(seen).toEqual(all.map((r) => r.id));
    expect(all.length).toBe(3);

    const badCursor = await call(invitations.GET, { path: "/api/v1/invitations?cursor=bm9wZQ", token: b.token });
    expect(badCursor.status).toBe(400);
  });

  it("revokes its own organization's invitation; another organization's is a 404 and stays pending", async () => {
    const { body } = await invite(a.token, { emails: fresh() });
    const id = body.invited[0].id as string;

    const fromB = await revoke(b.token, id);
    expect(fromB.status).toBe(404);
    expect(isErrorShape(fromB.body)).toBe(true);
    expect((await t.db.invitation.findFirstOrThrow({ where: { id } })).status).toBe("PENDING");

    const res = await revoke(a.token, id);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id, status: "revoked" });
    expect((await revoke(a.token, id)).status).toBe(200);
    expect((await revoke(a.token, "not-a-uuid")).status).toBe(404);

    const accepted = await invite(a.token, { emails: fresh() });
    const acceptedId = accepted.body.invited[0].id as string;
    await t.db.invitation.update({ where: { organizationId_id: { organizationId: a.organizationId, id: acceptedId } }, data: { status: "ACCEPTED", acceptedAt: new Date() } });
    expect((await revoke(a.token, acceptedId)).status).toBe(409);
  });

  it("needs people:write to invite or revoke and people:read to list", async () => {
    const readOnly = await a.tokenWith(["people:read"]);
    const writeOnly = await a.tokenWith(["people:write"]);
    const other = await a.tokenWith(["teams:read"]);
    expect((await invite(readOnly, { emails: fresh() })).status).toBe(403);
    expect((await revoke(readOnly, "00000000-0000-4000-8000-000000000000")).status).toBe(403);
    expect((await call(invitations.GET, { path: "/api/v1/invitations", token: other })).status).toBe(403);
    expect((await call(invitations.GET, { path: "/api/v1/invitations", token: readOnly })).status).toBe(200);
    expect((await invite(writeOnly, { emails: fresh() })).status).toBe(201);
    expect((await call(invitations.GET, { path: "/api/v1/invitations", token: "llk_not-a-token" })).status).toBe(401);
  });
});
