// Invitation limits on every database Leadlag runs on: an inviter and an organization send at
// most so many invitation emails an hour (the API answers 429 with Retry-After, nothing is
// written or sent), and one address that opens or uses links naming no invitation is stopped
// after 20 an hour (token guessing), while working links from elsewhere still open.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // The handlers load next-auth's options, which need a secret (else one is written to .data/).
  process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
});

import * as invitations from "@/app/api/v1/invitations/route";
import { newLinkToken } from "@/lib/auth/linkTokens";
import { rateLimiterFor, rateLimits } from "@/lib/auth/rateLimits";
import { RateLimitedError } from "@/lib/errors";
import { acceptAsNewPerson } from "@/lib/services/invitationAcceptance";
import { inviteFromList, resendInvitation } from "@/lib/services/invitations";
import { invitationByToken } from "@/lib/views/invitationByToken";
import { appErrorOf } from "../helpers/context";
import { testDbKinds, type TestDb } from "../helpers/db";
import { apiOrg, call, isErrorShape, type ApiOrg, twoApiOrgs } from "./apiFixtures";

const STRONG = "lantern-orchard-velvet-42";

describe.each(testDbKinds())("invitation limits [%s]", (kind) => {
  let t: TestDb;
  let a: ApiOrg;
  let b: ApiOrg;
  let n = 0;
  const fresh = () => `limited-invitee-${++n}@invited.test`;
  const limits = rateLimits();

  beforeAll(async () => {
    ({ t, a, b } = await twoApiOrgs(kind));
  });
  afterAll(async () => {
    await t?.close();
  });

  it("an inviter past the hour's limit is refused whole — 429 with Retry-After in the API — and nothing is written or sent", async () => {
    // The inviter has already sent all but one of the hour's invitations.
    await rateLimiterFor(t.db).take({ invitationsPerInviter: a.owner.userId }, limits.invitationsPerInviter.points - 1);
    const [x, y] = [fresh(), fresh()];
    const res = await call(invitations.POST, { path: "/api/v1/invitations", token: a.token, body: { emails: [x, y] } });
    expect(res.status).toBe(429);
    expect(isErrorShape(res.body)).toBe(true);
    expect(res.body.error).toMatchObject({ code: "rate_limited", message: "You have sent too many invitations this hour. Try again in 60 minutes." });
    expect(await t.db.invitation.count({ where: { email: { in: [x, y] } } })).toBe(0);
    expect(await t.db.outboxEmail.count({ where: { to: { in: [x, y] } } })).toBe(0);

    const response = await invitations.POST(
      new Request("http://leadlag.test/api/v1/invitations", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${a.token}` },
        body: JSON.stringify({ emails: [x] }),
      }),
      { params: Promise.resolve({}) },
    );
    // The refused request counted too: one more address is over the limit as well.
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(3000);
    expect(Number(response.headers.get("retry-after"))).toBeLessThanOrEqual(3600);

    // Another organization's inviter is not affected.
    expect((await inviteFromList(t.db, b.owner, { emails: fresh() })).invited).toHaveLength(1);
  });

  it("resending counts too, and an organization has a limit of its own across inviters", async () => {
    const sent = await inviteFromList(t.db, b.owner, { emails: fresh() });
    // The organization has sent all but one of the hour's invitations.
    const { invitationsPerOrganization: sentSoFar = 0 } = await rateLimiterFor(t.db).check({ invitationsPerOrganization: b.organizationId });
    await rateLimiterFor(t.db).take({ invitationsPerOrganization: b.organizationId }, limits.invitationsPerOrganization.points - 1 - sentSoFar);
    expect(await resendInvitation(t.db, b.owner, sent.invited[0]!.id)).toMatchObject({ sendCount: 2 });
    const refused = await appErrorOf(resendInvitation(t.db, b.owner, sent.invited[0]!.id));
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(refused.message).toBe("Your organization has sent too many invitations this hour. Try again in 60 minutes.");
    expect((await t.db.invitation.findUniqueOrThrow({ where: { organizationId_id: { organizationId: b.organizationId, id: sent.invited[0]!.id } } })).sendCount).toBe(2);
  });

  it("an address that opens 20 links naming no invitation is stopped; a working link opens from elsewhere", async () => {
    const guesser = `192.0.2.${kind === "embedded" ? 1 : 2}`;
    const neighbour = `192.0.2.${kind === "embedded" ? 101 : 102}`;
    // A real invitation, of an organization of its own.
    const c = await apiOrg(t.db);
    const invitee = fresh();
    await inviteFromList(t.db, c.owner, { emails: invitee });
    const mail = await t.db.outboxEmail.findFirstOrThrow({ where: { to: invitee } });
    const real = /\/invitations\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
    for (let i = 1; i < limits.invitationTokenIp.points; i++) expect(await invitationByToken(t.db, newLinkToken().token, guesser)).toEqual({ state: "unknown" });
    const limited = { state: "limited", message: "Too many invitation links that do not work were opened from your network. Try again in 60 minutes." };
    expect(await invitationByToken(t.db, newLinkToken().token, guesser)).toEqual(limited);
    // Now even a real link from that address waits; accepting is refused before the link is looked up.
    expect(await invitationByToken(t.db, real, guesser)).toEqual(limited);
    const accepted = await appErrorOf(acceptAsNewPerson(t.db, real, { name: "Guess Work", password: STRONG }, guesser));
    expect(accepted).toBeInstanceOf(RateLimitedError);
    // Another address is not affected: the real link opens, an unknown one is just unknown.
    expect(await invitationByToken(t.db, real, neighbour)).toMatchObject({ state: "pending", email: invitee });
    expect(await invitationByToken(t.db, newLinkToken().token, neighbour)).toEqual({ state: "unknown" });
  });

  it("accepting with links that name no invitation counts against the address too", async () => {
    const guesser = `192.0.2.${kind === "embedded" ? 51 : 52}`;
    for (let i = 1; i < limits.invitationTokenIp.points; i++) {
      expect((await appErrorOf(acceptAsNewPerson(t.db, newLinkToken().token, { name: "Guess Work", password: STRONG }, guesser))).details?.reason).toBe("unknown");
    }
    const last = await appErrorOf(acceptAsNewPerson(t.db, newLinkToken().token, { name: "Guess Work", password: STRONG }, guesser));
    expect(last).toBeInstanceOf(RateLimitedError);
    expect(last.message).toMatch(/^Too many invitation links that do not work were opened from your network\. Try again in 60 minutes\.$/);
    expect((await invitationByToken(t.db, newLinkToken().token, guesser)).state).toBe("limited");
  });
});
