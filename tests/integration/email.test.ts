// Email delivery: every email is kept in the outbox; with an SMTP server it really goes out
// (here to a real SMTP server started in this process), a refusing or unreachable server marks
// it FAILED without failing the caller, and with no server it is only stored and its links are
// printed to the server log.
import { createServer } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { composeEmail } from "@/lib/email/message";
import { env } from "@/lib/env";
import { createOrganization } from "@/lib/seed/factories";
import { sendEmail } from "@/lib/services/email";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtpServer";

const invitation = (to: string) =>
  composeEmail({
    kind: "invitation",
    to,
    subject: "Join Acme Care on Leadlag",
    paragraphs: ["Dana invited you to Acme Care <support team> on Leadlag."],
    action: { label: "Accept the invitation", url: "http://127.0.0.1:3000/invitations/abc123" },
    footer: ["The link works once and expires in 7 days."],
  });

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe.each(testDbKinds())("sending email [%s]", (kind) => {
  let t: TestDb;
  let smtp: TestSmtpServer;
  let orgId: string;

  beforeAll(async () => {
    [t, smtp] = await Promise.all([createTestDb(kind), startSmtpServer()]);
    orgId = (await createOrganization(t.db)).id;
  });
  afterAll(async () => {
    await Promise.all([t?.close(), smtp?.close()]);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("delivers plain text and HTML from the configured sender, and keeps it in the outbox as sent", async () => {
    const sent = await sendEmail(t.db, orgId, invitation("New.Person@Example.test"), { smtpUrl: smtp.url });
    expect(sent).toMatchObject({ status: "SENT", error: null });

    const mail = await smtp.waitFor("new.person@example.test", { subject: /Join Acme Care/ });
    expect(mail.from).toBe(env().EMAIL_FROM);
    expect(mail.subject).toBe("Join Acme Care on Leadlag");
    expect(mail.text).toContain("Dana invited you to Acme Care <support team> on Leadlag.");
    expect(mail.text).toContain("Accept the invitation: http://127.0.0.1:3000/invitations/abc123");
    expect(mail.html).toContain("Acme Care &lt;support team&gt;");
    expect(mail.html).toContain('href="http://127.0.0.1:3000/invitations/abc123"');
    expect(mail.links).toEqual(["http://127.0.0.1:3000/invitations/abc123"]);

    const row = await t.db.outboxEmail.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row).toMatchObject({ organizationId: orgId, kind: "invitation", to: "New.Person@Example.test", status: "SENT", error: null });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.html).toBe(invitation("x").html);
  });

  it("sends from another sender when asked", async () => {
    await sendEmail(t.db, null, invitation("someone@example.test"), { smtpUrl: smtp.url, from: "Acme Care <care@acme.test>" });
    expect((await smtp.waitFor("someone@example.test")).from).toBe("Acme Care <care@acme.test>");
  });

  it("marks an email the SMTP server refuses as failed, with the server's answer, and does not throw", async () => {
    const refusing = await startSmtpServer({ reject: true });
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const sent = await sendEmail(t.db, orgId, invitation("refused@example.test"), { smtpUrl: refusing.url });
      expect(sent.status).toBe("FAILED");
      expect(sent.error).toMatch(/550/);
      const row = await t.db.outboxEmail.findUniqueOrThrow({ where: { id: sent.id } });
      expect(row).toMatchObject({ status: "FAILED", error: sent.error, sentAt: null, subject: "Join Acme Care on Leadlag" });
      expect(refusing.messages).toEqual([]);
      expect(logged).toHaveBeenCalledWith(expect.stringContaining("refused@example.test"));
    } finally {
      await refusing.close();
    }
  });

  it("marks an email failed when no SMTP server answers", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const sent = await sendEmail(t.db, orgId, invitation("nobody-home@example.test"), { smtpUrl: `smtp://127.0.0.1:${await closedPort()}` });
    expect(sent.status).toBe("FAILED");
    expect(sent.error).toMatch(/ECONNREFUSED|connect/i);
    expect(await t.db.outboxEmail.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({ status: "FAILED", to: "nobody-home@example.test" });
  });

  it("with no SMTP server, only stores the email and prints its links to the server log", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const before = smtp.messages.length;
    const sent = await sendEmail(t.db, orgId, invitation("laptop@example.test"), { smtpUrl: null });
    expect(sent).toMatchObject({ status: "STORED", error: null });
    const row = await t.db.outboxEmail.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row).toMatchObject({ status: "STORED", sentAt: null, to: "laptop@example.test" });
    expect(row.text).toContain("http://127.0.0.1:3000/invitations/abc123");
    const printed = log.mock.calls.map((c) => String(c[0])).join("\n");
    expect(printed).toContain("laptop@example.test");
    expect(printed).toContain("http://127.0.0.1:3000/invitations/abc123");
    expect(smtp.messages.length).toBe(before);
  });
});
