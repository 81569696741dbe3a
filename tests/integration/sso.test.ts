// Single sign-on with OpenID Connect against a real provider (oidc-provider, started here on
// 127.0.0.1): the provider's own sign-in page is driven over HTTP, and its real redirects come
// back to the callback logic the route handler runs (lib/auth/sso.ts). Who joins, who is
// refused, forged or replayed answers, tenancy between organizations, require-SSO, and the
// client secret at rest. On PGlite and (with TEST_DATABASE_URL) PostgreSQL.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const REDIRECT_URI = vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
  process.env.NEXTAUTH_URL = "http://127.0.0.1:3999";
  return "http://127.0.0.1:3999/api/sso/callback";
});

// getViewer reads the session from next-auth and the active organization from a cookie.
const browser = vi.hoisted(() => ({ session: null as { id: string; sid: string } | null, org: undefined as string | undefined }));
vi.mock("next-auth", async (original) => ({
  ...(await original<typeof import("next-auth")>()),
  getServerSession: async () => (browser.session ? { user: browser.session, expires: "2999-01-01T00:00:00Z" } : null),
}));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: (name: string) => (name === "leadlag-org" && browser.org ? { value: browser.org } : undefined) }) }));

import { getViewer } from "@/lib/auth/context";
import { open, seal } from "@/lib/auth/secretBox";
import { startSession } from "@/lib/auth/sessions";
import { finishSsoSignIn, ssoRedirectUri, startSsoSignIn } from "@/lib/auth/sso";
import { loadTenantContext } from "@/lib/auth/loadContext";
import { Role } from "@/lib/generated/prisma/enums";
import { addMembership, createOrganization, createUser } from "@/lib/seed/factories";
import { randomBytes } from "node:crypto";
import { hashLinkToken } from "@/lib/auth/linkTokens";
import { saveSsoConnection, testSsoConnection } from "@/lib/services/sso";
import { organizationsAwaitingSso, ssoOrganizationOfInvitation, ssoOrganizationsFor } from "@/lib/views/sso";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";
import { startOidcProvider, type TestOidcProvider } from "../helpers/oidcProvider";
import { appErrorOf } from "../helpers/context";
import { serveFrom } from "./apiFixtures";

describe.each(testDbKinds())("SSO with OpenID Connect [%s]", (kind) => {
  let t: TestDb;
  let idp: TestOidcProvider;
  let orgA: string;
  let orgB: string;
  let adminA: { id: string };

  /** An organization with an admin and an SSO connection to the test provider. */
  async function orgWithSso(domains: string, extra: Record<string, string> = {}) {
    const org = await createOrganization(t.db);
    const admin = await createUser(t.db);
    await addMembership(t.db, org.id, admin.id, Role.ADMIN);
    const ctx = (await loadTenantContext(t.db, admin.id, org.id))!;
    await saveSsoConnection(t.db, ctx, {
      preset: "custom",
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      allowedDomains: domains,
      defaultRole: "VIEWER",
      enabled: "on",
      ...extra,
    });
    return { org, admin, ctx };
  }

  /** The whole round trip: start, sign in at the provider as `login`, come back. */
  async function signInThrough(organizationId: string, login: string, callbackUrl = "/teams") {
    const started = await startSsoSignIn(t.db, { organizationId, callbackUrl });
    if (!started.ok) throw new Error(`start failed: ${started.reason}`);
    const back = await idp.signInAt(started.redirectTo, login);
    return finishSsoSignIn(t.db, { cookie: started.cookie, currentUrl: back });
  }

  beforeAll(async () => {
    t = await createTestDb(kind);
    serveFrom(t.db);
    idp = await startOidcProvider({ redirectUri: REDIRECT_URI });
    const a = await orgWithSso("acme.test");
    orgA = a.org.id;
    adminA = a.admin;
    orgB = (await orgWithSso("bravo.test")).org.id;
  });
  afterAll(async () => {
    await idp?.close();
    await t?.close();
  });
  beforeEach(() => {
    browser.session = null;
    browser.org = undefined;
  });

  it("registers the app's callback as the redirect URI", () => {
    expect(ssoRedirectUri()).toBe(REDIRECT_URI);
  });

  it("lets someone with an allowed domain join with the default role, with no password, and audits it", async () => {
    const result = await signInThrough(orgA, "Newcomer@Acme.test");
    expect(result).toMatchObject({ ok: true, organizationId: orgA, outcome: "joined", callbackUrl: "/teams" });
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "newcomer@acme.test" }, omit: { passwordHash: false } });
    expect(user.passwordHash).toBeNull();
    const membership = await t.db.membership.findUniqueOrThrow({ where: { organizationId_userId: { organizationId: orgA, userId: user.id } } });
    expect(membership.role).toBe("VIEWER");
    expect(await t.db.auditEvent.count({ where: { organizationId: orgA, action: "sso.joined", entityId: user.id } })).toBe(1);
    // Signing in again is a member's sign-in, not a second join.
    expect(await signInThrough(orgA, "newcomer@acme.test")).toMatchObject({ ok: true, outcome: "member" });
  });

  it("refuses an address whose domain the organization has not allowed, and creates no account", async () => {
    const result = await signInThrough(orgA, "stranger@elsewhere.test");
    expect(result).toEqual({ ok: false, reason: "not_allowed", organizationId: orgA });
    expect(await t.db.user.count({ where: { email: "stranger@elsewhere.test" } })).toBe(0);
  });

  it("refuses an email the provider has not verified", async () => {
    const result = await signInThrough(orgA, "unverified@acme.test");
    expect(result).toMatchObject({ ok: false, reason: "email_unverified" });
    expect(await t.db.user.count({ where: { email: "unverified@acme.test" } })).toBe(0);
  });

  it("signs in an existing member whatever their domain, with their own role", async () => {
    const user = await createUser(t.db, { email: "consultant@freelance.test" });
    await addMembership(t.db, orgA, user.id, Role.MANAGER);
    const result = await signInThrough(orgA, "consultant@freelance.test");
    expect(result).toMatchObject({ ok: true, outcome: "member", user: { id: user.id } });
    const m = await t.db.membership.findUniqueOrThrow({ where: { organizationId_userId: { organizationId: orgA, userId: user.id } } });
    expect(m.role).toBe("MANAGER");
  });

  it("refuses a deactivated member and a removed one, even at an allowed domain", async () => {
    const gone = await createUser(t.db, { email: "gone@acme.test" });
    await t.db.membership.create({ data: { organizationId: orgA, userId: gone.id, role: "MEMBER", deactivatedAt: new Date() } });
    expect(await signInThrough(orgA, "gone@acme.test")).toMatchObject({ ok: false, reason: "deactivated" });
    const removed = await createUser(t.db, { email: "removed@acme.test" });
    await t.db.membership.create({ data: { organizationId: orgA, userId: removed.id, role: "MEMBER", removedAt: new Date() } });
    expect(await signInThrough(orgA, "removed@acme.test")).toMatchObject({ ok: false, reason: "removed" });
  });

  it("signs in someone invited to the organization (to accept the invitation), without making them a member", async () => {
    await t.db.invitation.create({
      data: { organizationId: orgA, email: "guest@partner.test", role: "MEMBER", tokenHash: `hash-${Math.random()}`, expiresAt: new Date(Date.now() + 86_400_000) },
    });
    const result = await signInThrough(orgA, "guest@partner.test", "/invitations/some-token");
    expect(result).toMatchObject({ ok: true, outcome: "invited", callbackUrl: "/invitations/some-token" });
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "guest@partner.test" } });
    expect(await t.db.membership.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses an answer whose state does not match the browser's, and a forged nonce", async () => {
    const first = await startSsoSignIn(t.db, { organizationId: orgA });
    const second = await startSsoSignIn(t.db, { organizationId: orgA });
    if (!first.ok || !second.ok) throw new Error("start failed");
    // The provider's answer to the second request, brought back with the first one's cookie.
    const back = await idp.signInAt(second.redirectTo, "state@acme.test");
    expect(await finishSsoSignIn(t.db, { cookie: first.cookie, currentUrl: back })).toMatchObject({ ok: false, reason: "failed" });

    const third = await startSsoSignIn(t.db, { organizationId: orgA });
    if (!third.ok) throw new Error("start failed");
    const flow = JSON.parse(open(third.cookie, "sso-flow")!);
    const forged = seal(JSON.stringify({ ...flow, nonce: "not-the-nonce" }), "sso-flow");
    const answer = await idp.signInAt(third.redirectTo, "nonce@acme.test");
    expect(await finishSsoSignIn(t.db, { cookie: forged, currentUrl: answer })).toMatchObject({ ok: false, reason: "failed" });
    expect(await t.db.user.count({ where: { email: { in: ["state@acme.test", "nonce@acme.test"] } } })).toBe(0);
  });

  it("refuses a callback without its cookie, with an altered cookie, or after an error at the provider", async () => {
    const started = await startSsoSignIn(t.db, { organizationId: orgA });
    if (!started.ok) throw new Error("start failed");
    const back = await idp.signInAt(started.redirectTo, "cookie@acme.test");
    expect(await finishSsoSignIn(t.db, { cookie: undefined, currentUrl: back })).toEqual({ ok: false, reason: "expired" });
    const [v, iv, body, tag] = started.cookie.split(".") as [string, string, string, string];
    const altered = [v, iv, (body.startsWith("A") ? "B" : "A") + body.slice(1), tag].join(".");
    expect(await finishSsoSignIn(t.db, { cookie: altered, currentUrl: back })).toEqual({ ok: false, reason: "expired" });
    const flow = JSON.parse(open(started.cookie, "sso-flow")!);
    const denied = new URL(`${REDIRECT_URI}?error=access_denied&state=${flow.state}&iss=${encodeURIComponent(idp.issuer)}`);
    expect(await finishSsoSignIn(t.db, { cookie: started.cookie, currentUrl: denied })).toMatchObject({ ok: false, reason: "provider" });
    // The code was never redeemed: the real answer still works once.
    expect(await finishSsoSignIn(t.db, { cookie: started.cookie, currentUrl: back })).toMatchObject({ ok: true });
    expect(await finishSsoSignIn(t.db, { cookie: started.cookie, currentUrl: back })).toMatchObject({ ok: false, reason: "failed" });
  });

  it("never signs anyone in to organization B through organization A's connection", async () => {
    const bMember = await createUser(t.db, { email: "boss@bravo.test" });
    await addMembership(t.db, orgB, bMember.id, Role.OWNER);
    // bravo.test is allowed in B, not in A: through A there is no way in, and B is untouched.
    expect(await signInThrough(orgA, "boss@bravo.test")).toMatchObject({ ok: false, reason: "not_allowed", organizationId: orgA });
    expect(await t.db.membership.count({ where: { userId: bMember.id } })).toBe(1);
    // A cookie started for A with an answer to B's request: refused (the state is A's).
    const forA = await startSsoSignIn(t.db, { organizationId: orgA });
    const forB = await startSsoSignIn(t.db, { organizationId: orgB });
    if (!forA.ok || !forB.ok) throw new Error("start failed");
    const back = await idp.signInAt(forB.redirectTo, "worker@bravo.test");
    expect(await finishSsoSignIn(t.db, { cookie: forA.cookie, currentUrl: back })).toMatchObject({ ok: false });
    expect(await t.db.user.count({ where: { email: "worker@bravo.test" } })).toBe(0);

    // Someone in both organizations who signs in through A's SSO reaches A only.
    const both = await createUser(t.db, { email: "both@acme.test" });
    await addMembership(t.db, orgA, both.id, Role.MEMBER);
    await addMembership(t.db, orgB, both.id, Role.ADMIN);
    const result = await signInThrough(orgA, "both@acme.test");
    expect(result).toMatchObject({ ok: true, organizationId: orgA });
    browser.session = { id: both.id, sid: await startSession(t.db, both.id, `sso:${orgA}`) };
    browser.org = orgB;
    const viewer = await getViewer();
    expect(viewer?.memberships.map((m) => m.organizationId)).toEqual([orgA]);
    expect(viewer?.context?.organizationId).toBe(orgA);
  });

  it("requires SSO when the organization says so: a password session does not see it, an SSO session does, owners keep their password", async () => {
    const { org, ctx } = await orgWithSso("charlie.test", { requireSso: "on" });
    const member = await createUser(t.db, { email: "member@charlie.test" });
    await addMembership(t.db, org.id, member.id, Role.MEMBER);
    browser.session = { id: member.id, sid: await startSession(t.db, member.id, "password") };
    expect((await getViewer())?.context).toBeNull();
    expect((await signInThrough(org.id, "member@charlie.test")).ok).toBe(true);
    browser.session = { id: member.id, sid: await startSession(t.db, member.id, `sso:${org.id}`) };
    expect((await getViewer())?.context?.organizationId).toBe(org.id);
    // The owner's password still opens the organization (a broken provider cannot lock everyone out).
    const owner = await createUser(t.db);
    await addMembership(t.db, org.id, owner.id, Role.OWNER);
    browser.session = { id: owner.id, sid: await startSession(t.db, owner.id, "password") };
    expect((await getViewer())?.context?.organizationId).toBe(org.id);
    // Disabled, the connection requires nothing and signs no one in.
    await saveSsoConnection(t.db, ctx, { preset: "custom", issuer: idp.issuer, clientId: idp.clientId, allowedDomains: "charlie.test", requireSso: "on" });
    browser.session = { id: member.id, sid: await startSession(t.db, member.id, "password") };
    expect((await getViewer())?.context?.organizationId).toBe(org.id);
    expect(await startSsoSignIn(t.db, { organizationId: org.id })).toEqual({ ok: false, reason: "unavailable" });
  });

  it("stores the client secret sealed, keeps it when the field is left empty, and audits changes without it", async () => {
    const row = await t.db.ssoConnection.findUniqueOrThrow({ where: { organizationId: orgA } });
    expect(row.clientSecret).not.toContain(idp.clientSecret);
    expect(open(row.clientSecret, "sso-client-secret")).toBe(idp.clientSecret);
    const ctx = (await loadTenantContext(t.db, adminA.id, orgA))!;
    await saveSsoConnection(t.db, ctx, { preset: "custom", issuer: idp.issuer, clientId: idp.clientId, clientSecret: "", allowedDomains: "acme.test, @acme.test", defaultRole: "VIEWER", enabled: "on" });
    const after = await t.db.ssoConnection.findUniqueOrThrow({ where: { organizationId: orgA } });
    expect(open(after.clientSecret, "sso-client-secret")).toBe(idp.clientSecret);
    expect(after.allowedDomains).toEqual(["acme.test"]);
    const events = await t.db.auditEvent.findMany({ where: { organizationId: orgA, entityType: "SsoConnection" } });
    expect(events.map((e) => e.action).sort()).toEqual(["sso.create", "sso.update"]);
    expect(JSON.stringify(events)).not.toContain(idp.clientSecret);
  });

  it("lets only admins configure SSO, with clear field errors", async () => {
    const member = await createUser(t.db);
    await addMembership(t.db, orgA, member.id, Role.MANAGER);
    const managerCtx = (await loadTenantContext(t.db, member.id, orgA))!;
    expect((await appErrorOf(saveSsoConnection(t.db, managerCtx, {}))).code).toBe("forbidden");
    const ctx = (await loadTenantContext(t.db, adminA.id, orgA))!;
    const bad = await appErrorOf(
      saveSsoConnection(t.db, ctx, { preset: "custom", issuer: "http://idp.example.com", clientId: "x", allowedDomains: "acme.test", defaultRole: "MEMBER" }),
    );
    expect(bad.details?.fieldErrors?.issuer?.[0]).toMatch(/https/);
    const publicDomain = await appErrorOf(saveSsoConnection(t.db, ctx, { preset: "google", clientId: "x", allowedDomains: "gmail.com" }));
    expect(publicDomain.details?.fieldErrors?.allowedDomains?.[0]).toMatch(/public mailbox/);
    const owner = await appErrorOf(saveSsoConnection(t.db, ctx, { preset: "google", clientId: "x", defaultRole: "OWNER" }));
    expect(owner.details?.fieldErrors?.defaultRole).toBeDefined();
    const noTenant = await appErrorOf(saveSsoConnection(t.db, ctx, { preset: "microsoft", tenantId: "", clientId: "x" }));
    expect(noTenant.details?.fieldErrors?.tenantId).toBeDefined();
  });

  it("tests a connection by discovery, and says clearly when the issuer cannot be reached", async () => {
    const ctx = (await loadTenantContext(t.db, adminA.id, orgA))!;
    expect(await testSsoConnection(ctx, { preset: "custom", issuer: idp.issuer })).toMatchObject({ ok: true });
    const down = await testSsoConnection(ctx, { preset: "custom", issuer: "http://127.0.0.1:9" });
    expect(down.ok).toBe(false);
    expect(down.message).toMatch(/Could not read the OpenID configuration of http:\/\/127\.0\.0\.1:9/);
  });

  it("finds the organization to sign in to by work email, short name or invitation link, whether or not the address has an account", async () => {
    const org = await t.db.organization.findUniqueOrThrow({ where: { id: orgA } });
    expect(await ssoOrganizationsFor(t.db, { email: "Nobody.Yet@ACME.test" })).toEqual([{ id: orgA, name: org.name }]);
    expect(await ssoOrganizationsFor(t.db, { email: "someone@nowhere.test" })).toEqual([]);
    expect(await ssoOrganizationsFor(t.db, { slug: org.slug })).toEqual([{ id: orgA, name: org.name }]);
    const token = randomBytes(32).toString("base64url");
    await t.db.invitation.create({
      data: { organizationId: orgB, email: "invitee@anywhere.test", role: "MEMBER", tokenHash: hashLinkToken(token), expiresAt: new Date(Date.now() + 86_400_000) },
    });
    expect((await ssoOrganizationOfInvitation(t.db, `/invitations/${token}`))?.id).toBe(orgB);
    expect(await ssoOrganizationOfInvitation(t.db, `/invitations/${randomBytes(32).toString("base64url")}`)).toBeNull();
    expect(await ssoOrganizationOfInvitation(t.db, "/teams")).toBeNull();
  });

  it("tells a password session which of the person's organizations wait for an SSO sign-in", async () => {
    const { org } = await orgWithSso("delta.test", { requireSso: "on" });
    const person = await createUser(t.db, { email: "person@delta.test" });
    await addMembership(t.db, org.id, person.id, Role.MEMBER);
    await addMembership(t.db, orgB, person.id, Role.MEMBER);
    browser.session = { id: person.id, sid: await startSession(t.db, person.id, "password") };
    const viewer = (await getViewer())!;
    expect(viewer.memberships.map((m) => m.organizationId)).toEqual([orgB]);
    const awaiting = await organizationsAwaitingSso(t.db, person.id, viewer.memberships.map((m) => m.organizationId));
    expect(awaiting.map((o) => o.id)).toEqual([org.id]);
  });
});
