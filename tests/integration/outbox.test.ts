// Settings → Outbox: admins read their own organization's emails (never another's, never mail
// that belongs to no organization), members and managers are refused, and a failed or only stored
// email can be sent again once an SMTP server answers.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TenantContext } from "@/lib/auth/tenant";
import { composeEmail } from "@/lib/email/message";
import { Role } from "@/lib/generated/prisma/enums";
import { addMembership, createOrgWithTeam, createUser, type OrgWithTeam } from "@/lib/seed/factories";
import { resendEmail, sendEmail } from "@/lib/services/email";
import { outboxEmailView, outboxView } from "@/lib/views/outbox";
import { appErrorOf, contextOf } from "../helpers/context";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtpServer";

const message = (to: string, subject: string) =>
  composeEmail({
    kind: "invitation",
    to,
    subject,
    paragraphs: ["You are invited."],
    action: { label: "Accept", url: `http://127.0.0.1:3000/invitations/${encodeURIComponent(subject)}` },
  });

describe.each(testDbKinds())("the outbox [%s]", (kind) => {
  let t: TestDb;
  let smtp: TestSmtpServer;
  let a: OrgWithTeam;
  let b: OrgWithTeam;
  let adminA: TenantContext;
  let adminB: TenantContext;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    [t, smtp] = await Promise.all([createTestDb(kind), startSmtpServer()]);
    a = await createOrgWithTeam(t.db);
    b = await createOrgWithTeam(t.db);
    for (const [org, name] of [[a, "a"], [b, "b"]] as const) {
      const admin = await createUser(t.db, { email: `admin-${name}-${org.slug}@example.test` });
      await addMembership(t.db, org.organizationId, admin.id, Role.ADMIN);
    }
    adminA = await contextOf(t.db, `admin-a-${a.slug}@example.test`, a.organizationId);
    adminB = await contextOf(t.db, `admin-b-${b.slug}@example.test`, b.organizationId);
    vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    const refusing = await startSmtpServer({ reject: true });
    // Oldest first, so the newest-first order is visible.
    ids.storedA = (await sendEmail(t.db, a.organizationId, message("one@example.test", "A stored"), { smtpUrl: null })).id;
    ids.failedA = (await sendEmail(t.db, a.organizationId, message("two@example.test", "A failed"), { smtpUrl: refusing.url })).id;
    ids.sentA = (await sendEmail(t.db, a.organizationId, message("three@example.test", "A sent"), { smtpUrl: smtp.url })).id;
    ids.b = (await sendEmail(t.db, b.organizationId, message("other@example.test", "B secret"), { smtpUrl: null })).id;
    ids.none = (await sendEmail(t.db, null, message("someone@example.test", "Your password reset"), { smtpUrl: null })).id;
    await refusing.close();
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await Promise.all([t?.close(), smtp?.close()]);
  });

  it("shows an admin their organization's emails, newest first, with status and error", async () => {
    const view = await outboxView(t.db, adminA, { smtpUrl: smtp.url });
    expect(view.smtpConfigured).toBe(true);
    expect(view.emails.map((e) => e.subject)).toEqual(["A sent", "A failed", "A stored"]);
    expect(view.emails.map((e) => [e.status, e.resendable])).toEqual([
      ["SENT", false],
      ["FAILED", true],
      ["STORED", true],
    ]);
    expect(view.emails[1]).toMatchObject({ to: "two@example.test", kind: "invitation", error: expect.stringMatching(/550/) });
    expect(view.emails[0]!.sentAt).toBeInstanceOf(Date);
    expect(view.truncated).toBe(false);
  });

  it("never shows another organization's emails, nor those of no organization", async () => {
    const subjects = (await outboxView(t.db, adminA)).emails.map((e) => e.subject);
    expect(subjects).not.toContain("B secret");
    expect(subjects).not.toContain("Your password reset");
    expect((await outboxView(t.db, adminB)).emails.map((e) => e.subject)).toEqual(["B secret"]);
    expect((await appErrorOf(outboxEmailView(t.db, adminA, ids.b!))).status).toBe(404);
    expect((await appErrorOf(outboxEmailView(t.db, adminA, ids.none!))).status).toBe(404);
    expect((await appErrorOf(outboxEmailView(t.db, adminA, "not-an-id"))).status).toBe(404);
  });

  it("opens one email with its text and HTML", async () => {
    const { email } = await outboxEmailView(t.db, adminA, ids.storedA!);
    expect(email).toMatchObject({ subject: "A stored", status: "STORED" });
    expect(email.text).toContain("Accept: http://127.0.0.1:3000/invitations/A%20stored");
    expect(email.html).toContain("<a href=");
  });

  it("says when no SMTP server is configured, and offers no resend then", async () => {
    const view = await outboxView(t.db, adminA, { smtpUrl: null });
    expect(view.smtpConfigured).toBe(false);
    expect(view.emails.every((e) => !e.resendable)).toBe(true);
  });

  it("refuses members and managers with 403", async () => {
    const manager = await contextOf(t.db, a.manager.email, a.organizationId);
    const member = await contextOf(t.db, a.member.email, a.organizationId);
    for (const ctx of [manager, member]) {
      expect((await appErrorOf(outboxView(t.db, ctx))).status).toBe(403);
      expect((await appErrorOf(outboxEmailView(t.db, ctx, ids.storedA!))).status).toBe(403);
      expect((await appErrorOf(resendEmail(t.db, ctx, ids.failedA!, { smtpUrl: smtp.url }))).status).toBe(403);
    }
  });

  it("resends a failed email once the server answers, on the same row, audited", async () => {
    const sent = await resendEmail(t.db, adminA, ids.failedA!, { smtpUrl: smtp.url });
    expect(sent).toEqual({ id: ids.failedA, status: "SENT", error: null });
    const mail = await smtp.waitFor("two@example.test", { subject: /A failed/ });
    expect(mail.links).toEqual(["http://127.0.0.1:3000/invitations/A%20failed"]);
    const row = await t.db.outboxEmail.findUniqueOrThrow({ where: { id: ids.failedA! } });
    expect(row).toMatchObject({ status: "SENT", error: null });
    expect(row.sentAt).toBeInstanceOf(Date);
    const audit = await t.db.auditEvent.findFirst({ where: { organizationId: a.organizationId, action: "email.resend", entityId: ids.failedA! } });
    expect(audit).toMatchObject({ actorId: adminA.userId, before: { status: "FAILED" }, after: expect.objectContaining({ status: "SENT" }) });
    // Sent now: not again.
    expect((await appErrorOf(resendEmail(t.db, adminA, ids.failedA!, { smtpUrl: smtp.url }))).status).toBe(409);
  });

  it("records a resend the server refuses again as failed, without throwing", async () => {
    const refusing = await startSmtpServer({ reject: true });
    try {
      const again = await resendEmail(t.db, adminA, ids.storedA!, { smtpUrl: refusing.url });
      expect(again).toMatchObject({ status: "FAILED", error: expect.stringMatching(/550/) });
      expect(await t.db.outboxEmail.findUniqueOrThrow({ where: { id: ids.storedA! } })).toMatchObject({ status: "FAILED" });
    } finally {
      await refusing.close();
    }
  });

  it("refuses to resend with no SMTP server, or another organization's email", async () => {
    expect((await appErrorOf(resendEmail(t.db, adminA, ids.storedA!, { smtpUrl: null }))).status).toBe(409);
    expect((await appErrorOf(resendEmail(t.db, adminA, ids.b!, { smtpUrl: smtp.url }))).status).toBe(404);
    expect((await appErrorOf(resendEmail(t.db, adminA, ids.none!, { smtpUrl: smtp.url }))).status).toBe(404);
    expect(await t.db.outboxEmail.findUniqueOrThrow({ where: { id: ids.b! } })).toMatchObject({ status: "STORED" });
    expect(smtp.messages.map((m) => m.to)).not.toContain("other@example.test");
  });
});
