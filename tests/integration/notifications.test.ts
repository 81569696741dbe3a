// Reminders and digests (#15): each fires once at the right local time (across a DST change, for a
// Sunday-first organization), only to the people it is for, at most once per person, kind and
// period even with two workers or a worker killed mid-batch; emails reach a real SMTP server
// (or the outbox with no SMTP), webhook posts a real local HTTP server, in-app rows the bell.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
});
import type { NotificationKind } from "@/lib/domain/notifications/schedule";
import { readUnsubscribeToken } from "@/lib/auth/unsubscribeToken";
import { lookup } from "node:dns/promises";
import os from "node:os";
import { addMembership, addTeamMember, assignLeadMeasure, createLeadEntries, createOrgWithTeam, createTeam, createUser, utcDate, type OrgWithTeam } from "@/lib/seed/factories";
import { LEASE_MS, MAX_ATTEMPTS, runNotificationTick, sealWebhookUrl } from "@/lib/services/notifications";
import { saveTeamWebhook } from "@/lib/services/notificationPreferences";
import { postJson } from "@/lib/services/webhookPost";
import { POST as oneClickUnsubscribe } from "@/app/api/unsubscribe/[token]/route";
import { loadTenantContext } from "@/lib/auth/loadContext";
import { saveMyNotificationPreferences } from "@/lib/services/notificationPreferences";
import { notificationSettings, sentNotificationView } from "@/lib/views/notifications";
import { outboxEmailView } from "@/lib/views/outbox";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";
import { NOTIFICATION_TICK_JOB, notificationTickCron, scheduleNotificationTick } from "@/lib/jobs/notificationTick";
import { startTestJobs, stopTestJobs } from "../helpers/jobs";
import { serveFrom } from "./apiFixtures";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtpServer";

const KINDS: NotificationKind[] = ["MEMBER_REMINDER", "CHECK_IN_REMINDER", "MANAGER_DIGEST", "EXECUTIVE_DIGEST"];

type Post = { path: string; body: Record<string, unknown> };
async function startReceiver(): Promise<{ url: string; posts: Post[]; failPaths: Set<string>; close(): Promise<void> }> {
  const posts: Post[] = [];
  const failPaths = new Set<string>();
  const server: Server = createServer((req, res) => {
    let data = "";
    req.on("data", (c: Buffer) => (data += c.toString("utf8")));
    req.on("end", () => {
      posts.push({ path: req.url ?? "", body: JSON.parse(data) as Record<string, unknown> });
      res.statusCode = failPaths.has(req.url ?? "") ? 500 : 200;
      res.end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, posts, failPaths, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe.each(testDbKinds())("reminders and digests [%s]", (kind) => {
  let t: TestDb;
  let smtp: TestSmtpServer;
  let hooks: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    [t, smtp, hooks] = await Promise.all([createTestDb(kind), startSmtpServer(), startReceiver()]);
    serveFrom(t.db);
  });
  afterAll(async () => {
    await Promise.all([t?.close(), smtp?.close(), hooks?.close()]);
  });

  /** Only `only` is on, on `day` at `hour` (the others are off so each test reads one kind). */
  async function schedule(orgId: string, only: NotificationKind, day: number, hour: number) {
    for (const k of KINDS) {
      await t.db.notificationDefault.create({ data: { organizationId: orgId, kind: k, enabled: k === only, day: k === only ? day : 1, hour: k === only ? hour : 0 } });
    }
  }
  const tick = (org: OrgWithTeam, at: string, opts: Parameters<typeof runNotificationTick>[2] = {}) =>
    runNotificationTick(t.db, new Date(at), { smtpUrl: null, organizationIds: [org.organizationId], ...opts });
  const inApp = (org: OrgWithTeam, userId: string) => t.db.notification.findMany({ where: { organizationId: org.organizationId, userId }, orderBy: { createdAt: "asc" } });
  const outbox = (org: OrgWithTeam, to: string) => t.db.outboxEmail.findMany({ where: { organizationId: org.organizationId, to } });

  it("reminds members at 9:00 London time on both sides of the spring-forward change, once a week, into the outbox and the bell", async () => {
    const org = await createOrgWithTeam(t.db, { timeZone: "Europe/London" });
    await schedule(org.organizationId, "MEMBER_REMINDER", 1, 9); // Monday 9:00

    expect((await tick(org, "2026-03-23T08:59:00Z")).claimed).toBe(0); // 08:59 GMT
    await tick(org, "2026-03-23T09:00:00Z");
    await tick(org, "2026-03-23T09:05:00Z");
    await tick(org, "2026-03-27T16:00:00Z");
    expect(await inApp(org, org.member.id)).toHaveLength(1);
    const [email] = await outbox(org, org.member.email);
    expect(email).toMatchObject({ status: "STORED", subject: "Log your numbers for the week of Mar 23, 2026" });
    expect(email!.text).toContain(`/teams/${org.teamId}?week=2026-03-23`);

    // Clocks went forward on Sunday 29 March: 9:00 BST is 08:00 UTC.
    expect((await tick(org, "2026-03-30T07:59:00Z")).claimed).toBe(0);
    await tick(org, "2026-03-30T08:00:00Z");
    const notes = await inApp(org, org.member.id);
    expect(notes.map((n) => n.title)).toEqual(["Log your numbers for the week of Mar 23, 2026", "Log your numbers for the week of Mar 30, 2026"]);
    const sends = await t.db.notificationSend.findMany({ where: { organizationId: org.organizationId, userId: org.member.id } });
    expect(sends.map((s) => `${s.periodKey} ${s.channel} ${s.status}`).sort()).toEqual([
      "2026-03-23 EMAIL SENT",
      "2026-03-23 IN_APP SENT",
      "2026-03-30 EMAIL SENT",
      "2026-03-30 IN_APP SENT",
    ]);
  });

  it("sends a Sunday-first organization's weekly digest on its Sunday, once per its week", async () => {
    const org = await createOrgWithTeam(t.db, { timeZone: "America/New_York" });
    await t.db.organization.update({ where: { id: org.organizationId }, data: { weekStartsOn: 0 } });
    await schedule(org.organizationId, "MANAGER_DIGEST", 0, 8); // Sunday 8:00

    // Sunday 8 March 2026 is also New York's spring-forward day: 8:00 EDT = 12:00 UTC.
    expect((await tick(org, "2026-03-08T11:59:00Z")).claimed).toBe(0);
    await tick(org, "2026-03-08T12:00:00Z");
    await tick(org, "2026-03-14T23:00:00Z"); // Saturday evening: still the same week
    await tick(org, "2026-03-15T12:00:00Z");
    const digests = await inApp(org, org.manager.id);
    expect(digests.map((d) => d.kind)).toEqual(["MANAGER_DIGEST", "MANAGER_DIGEST"]);
    expect(digests[0]!.body).toContain("Lead attainment this week");
    expect(await inApp(org, org.member.id)).toHaveLength(0); // a member gets no manager digest
    const keys = await t.db.notificationSend.findMany({ where: { organizationId: org.organizationId, channel: "IN_APP" }, select: { periodKey: true } });
    expect(keys.map((k) => k.periodKey).sort()).toEqual(["2026-03-08", "2026-03-15"]);
  });

  it("reminds only those who logged nothing, honours an opt-out per channel, and leaves people on leave alone", async () => {
    const org = await createOrgWithTeam(t.db, { timeZone: "UTC" });
    await schedule(org.organizationId, "MEMBER_REMINDER", 5, 14);
    const extra = async (label: string) => {
      const u = await createUser(t.db, { email: `${label}-${org.slug}@example.test`, name: label });
      await addMembership(t.db, org.organizationId, u.id);
      await addTeamMember(t.db, org.organizationId, org.teamId, u.id);
      return u;
    };
    const logger = await extra("logger");
    const leaver = await extra("leaver");
    await createLeadEntries(t.db, org.organizationId, [{ teamId: org.teamId, leadMeasureId: org.leadMeasureId, userId: logger.id, entryDate: utcDate("2026-01-13"), value: 2 }]);
    await t.db.membership.update({ where: { organizationId_userId: { organizationId: org.organizationId, userId: leaver.id } }, data: { onLeaveUntil: utcDate("2026-01-20") } });
    await t.db.notificationPreference.create({ data: { organizationId: org.organizationId, userId: org.member.id, kind: "MEMBER_REMINDER", channel: "EMAIL", enabled: false } });

    await tick(org, "2026-01-16T14:00:00Z"); // Friday 14:00
    expect(await outbox(org, org.member.email)).toHaveLength(0); // opted out of email
    expect(await inApp(org, org.member.id)).toHaveLength(1); // … not of the bell
    expect(await outbox(org, org.manager.email)).toHaveLength(1); // the lead logged nothing either
    expect(await inApp(org, logger.id)).toHaveLength(0);
    expect(await outbox(org, logger.email)).toHaveLength(0);
    expect(await inApp(org, leaver.id)).toHaveLength(0);
    expect(await outbox(org, leaver.email)).toHaveLength(0);
  });

  it("two workers ticking at once send each reminder once", async () => {
    const org = await createOrgWithTeam(t.db);
    await schedule(org.organizationId, "MEMBER_REMINDER", 5, 14);
    const results = await Promise.all([tick(org, "2026-01-16T14:00:00Z"), tick(org, "2026-01-16T14:00:01Z")]);
    expect(results[0]!.claimed + results[1]!.claimed).toBe(4); // two people × email and in-app
    for (const p of [org.member, org.manager]) {
      expect(await outbox(org, p.email)).toHaveLength(1);
      expect(await inApp(org, p.id)).toHaveLength(1);
    }
  });

  it("a worker killed mid-batch, then restarted, sends nothing twice and loses nothing", async () => {
    const org = await createOrgWithTeam(t.db);
    await schedule(org.organizationId, "MEMBER_REMINDER", 5, 14);
    let sent = 0;
    const crash = () => {
      throw new Error("worker killed");
    };
    // Killed after the first send is recorded …
    await expect(tick(org, "2026-01-16T14:00:00Z", { afterSent: () => (++sent === 1 ? crash() : undefined) })).rejects.toThrow("worker killed");
    // … and the next worker killed between claiming a send and sending it.
    await expect(tick(org, "2026-01-16T14:01:00Z", { afterClaim: crash })).rejects.toThrow("worker killed");
    const pending = await t.db.notificationSend.count({ where: { organizationId: org.organizationId, status: "PENDING" } });
    expect(pending).toBe(1);
    // Within the lease nobody takes the PENDING send; after it, a restarted worker does.
    await tick(org, "2026-01-16T14:02:00Z");
    expect(await t.db.notificationSend.count({ where: { organizationId: org.organizationId, status: "PENDING" } })).toBe(1);
    await tick(org, new Date(Date.parse("2026-01-16T14:01:00Z") + LEASE_MS + 1000).toISOString());

    const rows = await t.db.notificationSend.findMany({ where: { organizationId: org.organizationId } });
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.status === "SENT")).toBe(true);
    for (const p of [org.member, org.manager]) {
      expect(await outbox(org, p.email)).toHaveLength(1);
      expect(await inApp(org, p.id)).toHaveLength(1);
    }
  });

  it("emails go through the SMTP server with a one-click unsubscribe, and the link opens the member's week grid", async () => {
    const org = await createOrgWithTeam(t.db);
    await schedule(org.organizationId, "MEMBER_REMINDER", 5, 14);
    await tick(org, "2026-01-16T14:00:00Z", { smtpUrl: smtp.url });
    const mail = await smtp.waitFor(org.member.email, { subject: /Log your numbers/ });
    expect(mail.links[0]).toMatch(new RegExp(`/teams/${org.teamId}\\?week=2026-01-12$`));
    expect(mail.html).toContain("Log your numbers");
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const token = /\/api\/unsubscribe\/([^>]+)>/.exec(mail.headers["list-unsubscribe"] ?? "")?.[1];
    expect(readUnsubscribeToken(token!)).toEqual({ organizationId: org.organizationId, userId: org.member.id, kind: "MEMBER_REMINDER" });
    expect(mail.text).toMatch(/View in browser: http\S+\/notifications\/view\//);
  });

  it("posts to each team's Slack and Teams webhooks once, retries a failing one, then lists it as failed", async () => {
    const org = await createOrgWithTeam(t.db);
    await schedule(org.organizationId, "CHECK_IN_REMINDER", 0, 15); // Sunday 15:00
    const slack = `/slack/${org.slug}`;
    const teams = `/teams/${org.slug}`;
    hooks.failPaths.add(teams);
    for (const [channel, path] of [["SLACK", slack], ["TEAMS", teams]] as const) {
      await t.db.teamWebhook.create({ data: { organizationId: org.organizationId, teamId: org.teamId, channel, urlSealed: sealWebhookUrl(`${hooks.url}${path}`) } });
    }
    const local = { allowPrivateWebhooks: true };
    await tick(org, "2026-01-18T15:00:00Z", local);
    await tick(org, "2026-01-18T15:05:00Z", local);
    const slackPosts = hooks.posts.filter((p) => p.path === slack);
    expect(slackPosts).toHaveLength(1);
    expect(String(slackPosts[0]!.body.text)).toContain("Check-in tomorrow: Support Team");
    expect(String(slackPosts[0]!.body.text)).toContain("Coaching conversations");
    // The failing Teams webhook: tried on each tick up to MAX_ATTEMPTS, then left FAILED.
    for (let i = 2; i < MAX_ATTEMPTS + 3; i++) await tick(org, `2026-01-18T${15 + Math.floor(i / 6)}:${String((i % 6) * 10).padStart(2, "0")}:00Z`, local);
    const teamsPosts = hooks.posts.filter((p) => p.path === teams);
    expect(teamsPosts).toHaveLength(MAX_ATTEMPTS);
    expect(teamsPosts[0]!.body).toMatchObject({ "@type": "MessageCard", title: "Check-in tomorrow: Support Team" });
    const failed = await t.db.notificationSend.findFirstOrThrow({ where: { organizationId: org.organizationId, channel: "TEAMS" } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, error: "The webhook answered 500." });
    expect(hooks.posts.filter((p) => p.path === slack)).toHaveLength(1);
  });

  it("a team webhook never reaches inside the server's network: refused when saved, and refused when posted to after DNS", async () => {
    const org = await createOrgWithTeam(t.db);
    await schedule(org.organizationId, "CHECK_IN_REMINDER", 0, 15);
    const owner = await createUser(t.db, { email: `owner-${org.slug}@example.test`, name: "Owner" });
    await addMembership(t.db, org.organizationId, owner.id, "OWNER");
    const admin = (await loadTenantContext(t.db, owner.id, org.organizationId))!;
    const save = (url: string) => {
      const form = new FormData();
      form.set("teamId", org.teamId);
      form.set("channel", "SLACK");
      form.set("url", url);
      return saveTeamWebhook(t.db, admin, form);
    };
    for (const url of [`${hooks.url}/slack`, "https://127.0.0.1/x", "https://169.254.169.254/latest/meta-data", "https://[::1]/x", "https://localhost/x", "https://10.0.0.5/hook", "https://user:pw@hooks.slack.com/x"]) {
      await expect(save(url), url).rejects.toMatchObject({ code: "validation_failed", details: { fieldErrors: { url: [expect.any(String)] } } });
    }
    expect(await t.db.teamWebhook.count({ where: { organizationId: org.organizationId } })).toBe(0);
    await save("https://hooks.slack.com/services/T000/B000/XXXX");
    expect(await t.db.teamWebhook.count({ where: { organizationId: org.organizationId } })).toBe(1);

    // A name that resolves inside (this machine's own host name) is refused on the socket's address.
    const host = os.hostname();
    const { address } = await lookup(host);
    expect(address).toMatch(/^(127\.|10\.|172\.(1[6-9]|2\d|3[01])\.|192\.168\.|::1$|fe80:)/);
    const port = new URL(hooks.url).port;
    await expect(postJson(`https://${host}:${port}/inside`, { text: "hi" }, { allowPrivate: false, timeoutMs: 5_000 })).rejects.toThrow(/not allowed|private/i);
    // And a URL written into the database by other means than the form: the tick refuses it, and the receiver hears nothing.
    const path = `/inside/${org.slug}`;
    await t.db.teamWebhook.update({
      where: { organizationId_teamId_channel: { organizationId: org.organizationId, teamId: org.teamId, channel: "SLACK" } },
      data: { urlSealed: sealWebhookUrl(`${hooks.url}${path}`) },
    });
    await tick(org, "2026-01-18T15:00:00Z");
    expect(hooks.posts.filter((p) => p.path === path)).toHaveLength(0);
    const refused = await t.db.notificationSend.findFirstOrThrow({ where: { organizationId: org.organizationId, channel: "SLACK" } });
    expect(refused.status).toBe("FAILED");
    expect(refused.error).toMatch(/could not be reached.*https:\/\//);
  });

  it("an admin reading a reminder in the outbox sees where its unsubscribe link leads, not the recipient's token", async () => {
    const org = await createOrgWithTeam(t.db, { timeZone: "UTC" });
    await schedule(org.organizationId, "MEMBER_REMINDER", 5, 14);
    await tick(org, "2026-01-16T14:00:00Z");
    const [stored] = await outbox(org, org.member.email);
    const token = /\/unsubscribe\/([A-Za-z0-9._~%-]+)/.exec(stored!.text)?.[1];
    expect(token).toBeTruthy();
    const owner = await createUser(t.db, { email: `outbox-owner-${org.slug}@example.test` });
    await addMembership(t.db, org.organizationId, owner.id, "OWNER");
    const ownerCtx = (await loadTenantContext(t.db, owner.id, org.organizationId))!;
    const { email } = await outboxEmailView(t.db, ownerCtx, stored!.id, { smtpUrl: null });
    expect(email.text).toContain("/unsubscribe/(the recipient's own link)");
    expect(email.text).not.toContain(token!);
    expect(email.html).not.toContain(token!);
    expect(email.text).toContain(`/teams/${org.teamId}?week=2026-01-12`); // the rest of the email as sent
  });

  it("a lead of two teams gets one check-in reminder a week that covers both teams", async () => {
    const org = await createOrgWithTeam(t.db, { teamName: "Tier 1" });
    await schedule(org.organizationId, "CHECK_IN_REMINDER", 0, 15); // Sunday 15:00
    const second = await createTeam(t.db, org.organizationId, { name: "Tier 2" });
    await addTeamMember(t.db, org.organizationId, second.id, org.manager.id, { isLead: true });
    await assignLeadMeasure(t.db, org.organizationId, second.id, org.leadMeasureId, { weeklyTarget: 5 });

    await tick(org, "2026-01-18T15:00:00Z");
    await tick(org, "2026-01-18T18:00:00Z");
    const emails = await outbox(org, org.manager.email);
    expect(emails.map((e) => e.subject)).toEqual(["Check-in tomorrow: Tier 1 and Tier 2"]);
    expect(emails[0]!.text).toContain("Tier 1's weekly check-in is tomorrow");
    expect(emails[0]!.text).toContain("Tier 2's weekly check-in is tomorrow");
    expect(emails[0]!.text).toContain(`/teams/${second.id}/check-in`);
    expect(emails[0]!.text).toContain(`/teams/${org.teamId}/check-in`);
    const bell = await inApp(org, org.manager.id);
    expect(bell.map((n) => n.title)).toEqual(["Check-in tomorrow: Tier 1 and Tier 2"]);
  });

  it("one-click unsubscribe (RFC 8058) stops that kind by email only, and a token we did not sign is a 404", async () => {
    const org = await createOrgWithTeam(t.db);
    await schedule(org.organizationId, "MEMBER_REMINDER", 5, 14);
    await tick(org, "2026-01-09T14:00:00Z", { smtpUrl: smtp.url });
    const mail = await smtp.waitFor(org.member.email, { subject: /week of Jan 5, 2026/ });
    const url = /<([^>]+)>/.exec(mail.headers["list-unsubscribe"] ?? "")![1]!;
    const token = decodeURIComponent(url.split("/").at(-1)!);
    const post = (tok: string) =>
      oneClickUnsubscribe(new Request(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }), {
        params: Promise.resolve({ token: tok }),
      });
    expect((await post(`${token.slice(0, -2)}xx`)).status).toBe(404);
    expect((await post(token)).status).toBe(200);
    expect((await post(token)).status).toBe(200); // again: still done

    await tick(org, "2026-01-16T14:00:00Z");
    expect((await outbox(org, org.member.email)).map((e) => e.subject)).toEqual(["Log your numbers for the week of Jan 5, 2026"]);
    expect(await inApp(org, org.member.id)).toHaveLength(2); // the bell is another channel
    expect(await outbox(org, org.manager.email)).toHaveLength(2); // and another person's emails are theirs
  });

  it("a person's own choices and on-leave date: quiet through the last day of leave, back the week after", async () => {
    const org = await createOrgWithTeam(t.db);
    await schedule(org.organizationId, "MEMBER_REMINDER", 5, 14);
    const ctx = await loadTenantContext(t.db, org.member.id, org.organizationId);
    const form = (fields: Record<string, string>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(fields)) f.set(k, v);
      return f;
    };
    await expect(saveMyNotificationPreferences(t.db, ctx!, form({ onLeaveUntil: "2026-02-30" }))).rejects.toMatchObject({ code: "validation_failed" });
    await saveMyNotificationPreferences(t.db, ctx!, form({ "MEMBER_REMINDER:IN_APP": "on", onLeaveUntil: "2026-01-16" }));
    await tick(org, "2026-01-16T14:00:00Z");
    expect(await inApp(org, org.member.id)).toHaveLength(0);
    await tick(org, "2026-01-23T14:00:00Z");
    expect(await inApp(org, org.member.id)).toHaveLength(1);
    expect(await outbox(org, org.member.email)).toHaveLength(0); // email unticked
  });

  it("admins read the send log with its failures and which teams have a webhook (never its URL); a person views only their own emails in the browser", async () => {
    const org = await createOrgWithTeam(t.db);
    await schedule(org.organizationId, "MEMBER_REMINDER", 5, 14);
    const admin = await createUser(t.db, { email: `admin-${org.slug}@example.test` });
    await addMembership(t.db, org.organizationId, admin.id, "ADMIN");
    const secretUrl = `${hooks.url}/secret-${org.slug}`;
    hooks.failPaths.add(`/secret-${org.slug}`);
    await t.db.teamWebhook.create({ data: { organizationId: org.organizationId, teamId: org.teamId, channel: "SLACK", urlSealed: sealWebhookUrl(secretUrl) } });
    await tick(org, "2026-01-16T14:00:00Z", { allowPrivateWebhooks: true });

    const adminCtx = (await loadTenantContext(t.db, admin.id, org.organizationId))!;
    const settings = await notificationSettings(t.db, adminCtx);
    expect(settings.failed.map((r) => `${r.channel} ${r.status} ${r.error}`)).toEqual(["SLACK FAILED The webhook answered 500."]);
    expect(settings.recent).toHaveLength(5); // two people × email and in-app, and the team's post
    expect(settings.teams).toEqual([{ id: org.teamId, name: "Support Team", slack: true, teams: false }]);
    expect(JSON.stringify(settings)).not.toContain("secret-");
    const memberCtx = (await loadTenantContext(t.db, org.member.id, org.organizationId))!;
    await expect(notificationSettings(t.db, memberCtx)).rejects.toMatchObject({ code: "forbidden" });

    const mine = await t.db.notificationSend.findFirstOrThrow({ where: { organizationId: org.organizationId, userId: org.member.id, channel: "EMAIL" } });
    expect((await sentNotificationView(t.db, memberCtx, mine.id)).note.title).toBe("Log your numbers for the week of Jan 12, 2026");
    await expect(sentNotificationView(t.db, adminCtx, mine.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("a new organization with no configuration gets its first reminder and digest, in the outbox and the bell", async () => {
    const org = await createOrgWithTeam(t.db, { timeZone: "Europe/London" }); // no schedule, no SMTP, no webhook
    await tick(org, "2026-01-12T07:59:00Z"); // Monday 07:59: nothing yet
    expect(await inApp(org, org.manager.id)).toHaveLength(0);
    await tick(org, "2026-01-12T08:00:00Z"); // Monday 08:00: the weekly digest
    await tick(org, "2026-01-16T14:00:00Z"); // Friday 14:00: log your numbers
    expect((await inApp(org, org.manager.id)).map((n) => n.kind)).toEqual(["MANAGER_DIGEST", "MEMBER_REMINDER"]);
    expect((await inApp(org, org.member.id)).map((n) => n.kind)).toEqual(["MEMBER_REMINDER"]);
    expect((await outbox(org, org.manager.email)).map((e) => e.status)).toEqual(["STORED", "STORED"]);
  });

  it("the worker runs the tick as a job, scheduled every five minutes", async () => {
    const queue = await startTestJobs(t, { worker: true, only: [NOTIFICATION_TICK_JOB] });
    try {
      await scheduleNotificationTick(queue);
      await scheduleNotificationTick(queue); // a second worker starting: still one schedule
      const schedules = (await queue.boss.getSchedules()).filter((x) => x.name === NOTIFICATION_TICK_JOB);
      expect(schedules.map((x) => x.cron)).toEqual([notificationTickCron()]);
      expect(notificationTickCron()).toBe("*/5 * * * *");
      // LEADLAG_NOTIFICATION_TICK_CRON=off takes it off the schedule; set again, it is back.
      await scheduleNotificationTick(queue, null);
      expect((await queue.boss.getSchedules()).filter((x) => x.name === NOTIFICATION_TICK_JOB)).toEqual([]);
      await scheduleNotificationTick(queue);

      // Due right now in UTC, whatever today is: today's weekday from midnight.
      const org = await createOrgWithTeam(t.db, { timeZone: "UTC" });
      await schedule(org.organizationId, "MEMBER_REMINDER", new Date().getUTCDay(), 0);
      await queue.enqueue(NOTIFICATION_TICK_JOB, { organizationId: null });
      await expect.poll(async () => (await inApp(org, org.member.id)).length, { timeout: 20_000 }).toBe(1);
    } finally {
      // The tick also goes through this file's other organizations: let it finish before the database goes.
      await stopTestJobs(queue, 20_000);
    }
  });
});
