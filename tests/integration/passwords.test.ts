// Passwords and sessions on every database Leadlag runs on: a forgot-password link arrives by
// real email (an SMTP server in this process), works once and for an hour, and only the newest
// one works; an unknown address gets the same answer and leaves no trace; a reset or a password
// change ends sessions; signing out ends the session a copied cookie names.
import { createHash } from "node:crypto";
import { decode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { endSession, liveSession } from "@/lib/auth/sessions";
import { mintSessionToken } from "@/lib/auth/signIn";
import { appOrigin, env } from "@/lib/env";
import { Role } from "@/lib/generated/prisma/enums";
import { addMembership, createOrganization, createUser, DEFAULT_PASSWORD } from "@/lib/seed/factories";
import { changePassword, endOtherSessions, endOwnSession } from "@/lib/services/account";
import { requestPasswordReset, resetPassword, RESETS_PER_HOUR } from "@/lib/services/passwordReset";
import { passwordResetLink } from "@/lib/views/passwordResetLink";
import { appErrorOf } from "../helpers/context";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";
import { serveFrom } from "./apiFixtures";
import { startSmtpServer, type Received, type TestSmtpServer } from "../helpers/smtpServer";

// The forgot-password action runs the request after its response: collect what it defers.
const deferred = vi.hoisted(() => [] as (() => unknown)[]);
vi.mock("next/server", () => ({ after: (fn: () => unknown) => void deferred.push(fn) }));
// The request's address, as the production server passes it on (lib/http/clientIp.ts).
const network = vi.hoisted(() => ({ ip: "198.51.100.1" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-leadlag-peer-address": network.ip }) }));
const { requestReset } = await import("@/app/(auth)/forgot-password/actions");

const NEW_PASSWORD = "lantern-orchard-velvet-42";
const HOUR = 60 * 60 * 1000;

describe.each(testDbKinds())("passwords and sessions [%s]", (kind) => {
  let t: TestDb;
  let smtp: TestSmtpServer;
  let orgA: string;
  let orgB: string;

  /** A person with a password, a member of organizations A and B. */
  async function person(name = "Dana Whitfield") {
    const user = await createUser(t.db, { name });
    await addMembership(t.db, orgA, user.id, Role.MEMBER);
    await addMembership(t.db, orgB, user.id, Role.MANAGER);
    return user;
  }
  const mail = () => ({ mail: { smtpUrl: smtp.url } });
  const mailTo = (email: string): Received[] => smtp.messages.filter((m) => m.to === email);
  const tokenOf = (m: Received) => /\/reset-password\/([\w-]{43})$/.exec(m.links[0] ?? "")![1]!;
  /** Asks for a link and returns the token of the email that arrives. */
  async function linkFor(typed: string, now?: Date): Promise<string> {
    const email = typed.toLowerCase();
    const before = mailTo(email).length;
    expect(await requestPasswordReset(t.db, { email: typed }, { ...mail(), now })).toBe("sent");
    await vi.waitFor(() => expect(mailTo(email).length).toBe(before + 1), { timeout: 10_000 });
    return tokenOf(mailTo(email).at(-1)!);
  }
  async function passwordWorks(userId: string, password: string) {
    const row = await t.db.user.findUniqueOrThrow({ where: { id: userId }, omit: { passwordHash: false } });
    return row.passwordHash !== null && (await verifyPassword(row.passwordHash, password));
  }
  const reset = (token: string, password = NEW_PASSWORD, now?: Date) => resetPassword(t.db, token, { password, confirmPassword: password }, now);
  async function sessionOf(user: { id: string; name: string; email: string }, agent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36") {
    const cookie = await mintSessionToken(t.db, user, "password", agent);
    const jwt = await decode({ token: cookie, secret: resolveAuthSecret(env()) });
    return { cookie, sid: jwt!.sid as string };
  }
  const isLive = async (sid: string, userId: string) => (await liveSession(t.db, sid, userId)) !== null;

  beforeAll(async () => {
    [t, smtp] = await Promise.all([createTestDb(kind), startSmtpServer()]);
    // The forgot-password action counts requests on the app's database: this one.
    serveFrom(t.db);
    orgA = (await createOrganization(t.db, { name: "Org A" })).id;
    orgB = (await createOrganization(t.db, { name: "Org B" })).id;
  });
  afterAll(async () => {
    await Promise.all([t?.close(), smtp?.close()]);
  });

  it("emails a link that sets a new password once; only the token's SHA-256 is stored", async () => {
    const user = await person();
    const token = await linkFor(user.email.toUpperCase());
    const email = mailTo(user.email).at(-1)!;
    expect(email.subject).toBe("Reset your Leadlag password");
    expect(email.text).toContain(`Hi ${user.name},`);
    expect(email.links).toEqual([`${appOrigin()}/reset-password/${token}`]);
    expect(email.html).toContain(`/reset-password/${token}`);
    const rows = await t.db.passwordReset.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await passwordResetLink(t.db, token)).toEqual({ usable: true, email: user.email, hasPassword: true });

    const done = await reset(token);
    expect(done).toMatchObject({ id: user.id, email: user.email });
    expect(await passwordWorks(user.id, NEW_PASSWORD)).toBe(true);
    expect(await passwordWorks(user.id, DEFAULT_PASSWORD)).toBe(false);

    // Used once: the same link refuses a second password, with a clear message, and its page says so.
    const again = await appErrorOf(reset(token, "another-long-phrase-77"));
    expect(again.code).toBe("not_found");
    expect(again.message).toMatch(/expired or has already been used/);
    expect(await passwordResetLink(t.db, token)).toEqual({ usable: false });
    expect(await passwordWorks(user.id, NEW_PASSWORD)).toBe(true);
  });

  it("a link works for one hour", async () => {
    const user = await person();
    const asked = new Date();
    const token = await linkFor(user.email, asked);
    expect(await passwordResetLink(t.db, token, new Date(asked.getTime() + HOUR - 60_000))).toMatchObject({ usable: true });
    expect(await passwordResetLink(t.db, token, new Date(asked.getTime() + HOUR))).toEqual({ usable: false });
    expect((await appErrorOf(reset(token, NEW_PASSWORD, new Date(asked.getTime() + HOUR + 1)))).code).toBe("not_found");
    expect(await passwordWorks(user.id, DEFAULT_PASSWORD)).toBe(true);
  });

  it("asking again retires the earlier links; only the newest works", async () => {
    const user = await person();
    const first = await linkFor(user.email);
    const second = await linkFor(user.email);
    expect(first).not.toBe(second);
    expect(await passwordResetLink(t.db, first)).toEqual({ usable: false });
    expect((await appErrorOf(reset(first))).code).toBe("not_found");
    await reset(second);
    expect(await passwordWorks(user.id, NEW_PASSWORD)).toBe(true);
  });

  it("unknown, malformed and made-up tokens are refused, never a crash", async () => {
    for (const token of ["", "short", "x".repeat(43), "a".repeat(500), "../../etc/passwd"]) {
      expect(await passwordResetLink(t.db, token)).toEqual({ usable: false });
      expect((await appErrorOf(reset(token))).code).toBe("not_found");
    }
  });

  it("an address with no account gets the same answer, no email and no stored row", async () => {
    const user = await person();
    const nobody = "nobody-here@example.test";
    const rowsBefore = await t.db.passwordReset.count();
    const outboxBefore = await t.db.outboxEmail.count();

    // The page's answer: identical, and given before anything is looked up or sent.
    deferred.length = 0;
    const form = (email: string) => {
      const f = new FormData();
      f.set("email", email);
      return f;
    };
    const known = await requestReset({ status: "idle" }, form(user.email));
    const unknown = await requestReset({ status: "idle" }, form(nobody));
    expect(unknown).toEqual(known);
    expect(known).toEqual({ status: "ok", message: expect.stringMatching(/^If an account exists for that address, we've sent a link/) });
    expect(deferred).toHaveLength(2);
    expect(await t.db.passwordReset.count()).toBe(rowsBefore);
    expect(await t.db.outboxEmail.count()).toBe(outboxBefore);
    // A malformed address is a field error, whoever asks.
    const bad = await requestReset({ status: "idle" }, form("not an email"));
    expect(bad).toMatchObject({ status: "error", fieldErrors: { email: [expect.any(String)] } });

    // The work done afterwards: nothing stored, nothing sent for the unknown address.
    expect(await requestPasswordReset(t.db, { email: nobody }, mail())).toBe("no-account");
    expect(await t.db.passwordReset.count()).toBe(rowsBefore);
    expect(await t.db.outboxEmail.count({ where: { to: nobody } })).toBe(0);
    expect(mailTo(nobody)).toHaveLength(0);
  });

  it(`refuses more than ${RESETS_PER_HOUR} requests an hour for one address, known or not, and more than 20 from one network`, async () => {
    const user = await person();
    const nobody = `nobody-${kind}-limited@example.test`;
    network.ip = `198.51.100.${kind === "embedded" ? 10 : 20}`;
    const idle = { status: "idle" } as const;
    const form = (email: string) => {
      const f = new FormData();
      f.set("email", email);
      return f;
    };
    deferred.length = 0;
    for (let i = 0; i < RESETS_PER_HOUR; i++) {
      expect(await requestReset(idle, form(user.email))).toMatchObject({ status: "ok" });
      expect(await requestReset(idle, form(nobody))).toMatchObject({ status: "ok" });
    }
    // The same refusal whether or not the address has an account; nothing is done for it.
    const refused = await requestReset(idle, form(user.email.toUpperCase()));
    expect(refused).toEqual({ status: "error", message: "Too many password reset requests for this address. Try again in 60 minutes.", fieldErrors: {} });
    expect(await requestReset(idle, form(nobody))).toEqual(refused);
    expect(deferred).toHaveLength(2 * RESETS_PER_HOUR);
    // Other addresses from this network: 20 requests an hour in all (the refused ones count too).
    for (let i = 2 * RESETS_PER_HOUR + 2; i < 20; i++) expect(await requestReset(idle, form(`someone-${i}-${kind}@example.test`))).toMatchObject({ status: "ok" });
    expect(await requestReset(idle, form(`one-more-${kind}@example.test`))).toEqual({
      status: "error",
      message: "Too many password reset requests from your network. Try again in 60 minutes.",
      fieldErrors: {},
    });
    // Another network may still ask for a new address.
    network.ip = `198.51.100.${kind === "embedded" ? 11 : 21}`;
    expect(await requestReset(idle, form(`one-more-${kind}@example.test`))).toMatchObject({ status: "ok" });
  });

  it("a reset ends every session of the account and is in each organization's audit trail", async () => {
    const user = await person();
    const laptop = await sessionOf(user);
    const phone = await sessionOf(user, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Safari/604.1");
    expect(await isLive(laptop.sid, user.id)).toBe(true);
    const token = await linkFor(user.email);
    const done = await reset(token);
    expect(done.sessionsEnded).toBe(2);
    expect(await isLive(laptop.sid, user.id)).toBe(false);
    expect(await isLive(phone.sid, user.id)).toBe(false);
    const audit = await t.db.auditEvent.findMany({ where: { entityId: user.id, action: "user.password_reset" } });
    expect(audit.map((a) => a.organizationId).sort()).toEqual([orgA, orgB].sort());
    expect(audit.every((a) => a.actorId === user.id && a.entityType === "User")).toBe(true);
  });

  it("refuses weak, common and personal passwords and two that differ; the link still works after", async () => {
    const user = await person("Marguerite Okonkwo");
    const token = await linkFor(user.email);
    const fields = async (password: string, confirmPassword = password) =>
      (await appErrorOf(resetPassword(t.db, token, { password, confirmPassword }))).details?.fieldErrors;
    expect(await fields("short1")).toEqual({ password: ["Use at least 12 characters."] });
    expect((await fields("password1234"))?.password?.[0]).toMatch(/most common/);
    expect((await fields("qwertyuiop123!"))?.password?.[0]).toMatch(/most common/);
    expect((await fields("marguerite-is-great"))?.password?.[0]).toMatch(/name, email/);
    expect((await fields(NEW_PASSWORD, `${NEW_PASSWORD}x`))?.confirmPassword).toEqual(["The two passwords are not the same."]);
    expect(await passwordResetLink(t.db, token)).toMatchObject({ usable: true });
    await reset(token);
    expect(await passwordWorks(user.id, NEW_PASSWORD)).toBe(true);
  });

  it("people who sign in only with SSO may set a password by email, unless all their organizations require SSO", async () => {
    const sso = async (organizationId: string, requireSso: boolean) =>
      t.db.ssoConnection.create({
        data: { organizationId, issuer: "https://idp.example.test", clientId: "leadlag", clientSecret: "sealed", allowedDomains: ["example.test"], requireSso },
      });
    const open = await createOrganization(t.db);
    const strict = await createOrganization(t.db);
    await sso(open.id, false);
    await sso(strict.id, true);

    const free = await createUser(t.db, { name: "Sam Free" });
    await t.db.user.update({ where: { id: free.id }, data: { passwordHash: null } });
    await addMembership(t.db, open.id, free.id);
    await addMembership(t.db, strict.id, free.id);
    const token = await linkFor(free.email);
    expect(mailTo(free.email).at(-1)!.subject).toBe("Set a password for Leadlag");
    expect(await passwordResetLink(t.db, token)).toEqual({ usable: true, email: free.email, hasPassword: false });
    await reset(token);
    expect(await passwordWorks(free.id, NEW_PASSWORD)).toBe(true);

    const bound = await createUser(t.db, { name: "Kim Bound" });
    await t.db.user.update({ where: { id: bound.id }, data: { passwordHash: null } });
    await addMembership(t.db, strict.id, bound.id);
    expect(await requestPasswordReset(t.db, { email: bound.email }, mail())).toBe("sso-required");
    expect(await t.db.passwordReset.count({ where: { userId: bound.id } })).toBe(0);
    expect(mailTo(bound.email)).toHaveLength(0);
  });

  it("changing a password needs the current one and ends every other session, not this one", async () => {
    const user = await person("Priya Raman");
    const here = await sessionOf(user);
    const other1 = await sessionOf(user);
    const other2 = await sessionOf(user);
    const pending = await linkFor(user.email);
    const caller = { userId: user.id, sessionId: here.sid };
    const change = (currentPassword: string, newPassword: string, confirmPassword = newPassword) =>
      changePassword(t.db, caller, { currentPassword, newPassword, confirmPassword });
    const fields = async (p: Promise<unknown>) => (await appErrorOf(p)).details?.fieldErrors;

    expect(await fields(change("wrong-password-here", NEW_PASSWORD))).toEqual({ currentPassword: ["That is not your current password."] });
    expect(await fields(change("", NEW_PASSWORD))).toMatchObject({ currentPassword: ["Enter your current password."] });
    expect((await fields(change(DEFAULT_PASSWORD, "iloveyou1234")))?.newPassword?.[0]).toMatch(/most common/);
    expect((await fields(change(DEFAULT_PASSWORD, "priya-raman-2026")))?.newPassword?.[0]).toMatch(/name, email/);
    expect((await fields(change(DEFAULT_PASSWORD, DEFAULT_PASSWORD)))?.newPassword).toEqual(["Choose a password different from your current one."]);
    expect(await isLive(other1.sid, user.id)).toBe(true);
    expect(await passwordWorks(user.id, DEFAULT_PASSWORD)).toBe(true);

    expect(await change(DEFAULT_PASSWORD, NEW_PASSWORD)).toBe(2);
    expect(await passwordWorks(user.id, NEW_PASSWORD)).toBe(true);
    expect(await isLive(here.sid, user.id)).toBe(true);
    expect(await isLive(other1.sid, user.id)).toBe(false);
    expect(await isLive(other2.sid, user.id)).toBe(false);
    // A reset link asked for before the change would undo it: it no longer works.
    expect(await passwordResetLink(t.db, pending)).toEqual({ usable: false });
    expect(await t.db.auditEvent.count({ where: { entityId: user.id, action: "user.password_change" } })).toBe(2);
  });

  it("signing out ends the session: the copied cookie's session is refused from then on", async () => {
    const user = await person();
    const { cookie, sid } = await sessionOf(user);
    const copied = await decode({ token: cookie, secret: resolveAuthSecret(env()) });
    expect(copied?.sub).toBe(user.id);
    expect(await isLive(sid, user.id)).toBe(true);
    await endSession(t.db, sid);
    // The cookie itself still decodes (a JWT cannot be recalled), but its session is over.
    expect((await decode({ token: cookie, secret: resolveAuthSecret(env()) }))?.sid).toBe(sid);
    expect(await isLive(sid, user.id)).toBe(false);
  });

  it("a person signs out their own other sessions, one or all, and never someone else's", async () => {
    const user = await person();
    const stranger = await person();
    const here = await sessionOf(user);
    const a = await sessionOf(user);
    const b = await sessionOf(user);
    const theirs = await sessionOf(stranger);
    const caller = { userId: user.id, sessionId: here.sid };
    expect(await endOwnSession(t.db, caller, theirs.sid)).toBe(false);
    expect(await isLive(theirs.sid, stranger.id)).toBe(true);
    expect(await endOwnSession(t.db, caller, a.sid)).toBe(true);
    expect(await endOwnSession(t.db, caller, a.sid)).toBe(false);
    expect(await isLive(a.sid, user.id)).toBe(false);
    expect(await endOtherSessions(t.db, caller)).toBe(1);
    expect(await isLive(b.sid, user.id)).toBe(false);
    expect(await isLive(here.sid, user.id)).toBe(true);
    expect(await isLive(theirs.sid, stranger.id)).toBe(true);
  });
});
