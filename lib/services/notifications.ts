import "server-only";
// The notification tick: every organization's reminders and digests that are due at `now`
// (lib/domain/notifications/schedule.ts), each sent at most once per recipient, kind, period and
// channel, by email (the outbox when no SMTP), in-app, and to teams' Slack or Teams webhooks.
//
// Exactly once: before anything is sent, the send is claimed by INSERTing its NotificationSend
// row — unique on (organization, recipient, kind, period, channel) — with ON CONFLICT DO NOTHING.
// A second worker (or a tick that overlaps the last one) finds the row and skips it. Then it is
// sent, and marked SENT, or FAILED with the error. Later ticks retry FAILED rows up to
// MAX_ATTEMPTS (then they stay listed in the send log), and PENDING rows whose claim is older
// than the lease — a worker that died between claim and send — so nothing is lost. The in-app
// notification and its SENT mark are one transaction. For email and webhooks one edge remains,
// as with any at-least-once delivery: a process that dies after the mail server or webhook
// accepted the message and before the SENT update is written sends it again after the lease.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { open, seal } from "@/lib/auth/secretBox";
import { unsubscribeToken } from "@/lib/auth/unsubscribeToken";
import { combinedNote, slackPayload, teamsPayload, type Note } from "@/lib/domain/notifications/compose";
import { dueKinds, type Due, type NotificationChannel, type NotificationKind } from "@/lib/domain/notifications/schedule";
import { noteEmail } from "@/lib/email/notification";
import type { EmailMessage } from "@/lib/email/message";
import { appOrigin, env } from "@/lib/env";
import { Prisma, type Organization } from "@/lib/generated/prisma/client";
import { membersWithNothingLogged, membersWithRoles, teamLeads, type Recipient } from "@/lib/queries/notificationRecipients";
import { sendEmail } from "@/lib/services/email";
import { postJson } from "@/lib/services/webhookPost";
import * as clock from "@/lib/clock";
import {
  checkInReminderNote,
  executiveDigestNote,
  managerDigestNote,
  memberReminderNote,
  teamMemberReminderNote,
} from "@/lib/views/notificationNotes";

export const MAX_ATTEMPTS = 5;
export const LEASE_MS = 10 * 60_000;
const WEBHOOK_TIMEOUT_MS = 10_000;

export type TickOptions = {
  /** Defaults to SMTP_URL; null keeps emails in the outbox. */
  smtpUrl?: string | null;
  /** Webhooks may post to private and loopback addresses (default LEADLAG_WEBHOOKS_ALLOW_PRIVATE; tests' local receiver). */
  allowPrivateWebhooks?: boolean;
  /** Only these organizations (tests); all by default. */
  organizationIds?: string[];
  /** Crash points, for the tests that kill a worker mid-batch: called after a row is claimed (nothing sent yet), and after it is marked SENT. */
  afterClaim?: (send: { id: string; channel: NotificationChannel }) => void | Promise<void>;
  afterSent?: (send: { id: string; channel: NotificationChannel }) => void | Promise<void>;
};

export type TickResult = { claimed: number; sent: number; failed: number; retried: number };

/** What a send row keeps so that any worker can deliver it, now or on a retry. */
type Message = { note: Note; email?: EmailMessage; headers?: Record<string, string> };

type Planned = {
  id: string;
  kind: NotificationKind;
  periodKey: string;
  channel: NotificationChannel;
  recipient: string;
  userId: string | null;
  teamId: string | null;
  address: string;
  /** Composed only for the sends not claimed yet (a digest is read once, not every tick). */
  note: () => Promise<Note>;
};

const PERSON_CHANNELS = ["EMAIL", "IN_APP"] as const;
const TEAM_KINDS: readonly NotificationKind[] = ["MEMBER_REMINDER", "CHECK_IN_REMINDER"];

export async function runNotificationTick(db: Db, now: Date = clock.now(), options: TickOptions = {}): Promise<TickResult> {
  const result: TickResult = { claimed: 0, sent: 0, failed: 0, retried: 0 };
  const orgs = await db.organization.findMany({
    where: options.organizationIds ? { id: { in: options.organizationIds } } : {},
    orderBy: { id: "asc" },
  });
  // One organization's trouble (a digest that cannot be read) does not hold up the others'.
  let firstError: unknown;
  for (const org of orgs) {
    try {
      await retryStale(db, org.id, now, options, result);
      const schedules = await db.notificationDefault.findMany({ where: { organizationId: org.id } });
      for (const due of dueKinds(schedules, org, now)) {
        await sendDue(db, org, due, schedules, now, options, result);
      }
    } catch (err) {
      console.error(`[notifications] organization ${org.id}: ${err instanceof Error ? err.message : String(err)}`);
      firstError ??= err;
    }
  }
  if (firstError !== undefined) throw firstError;
  return result;
}

/** Whether `userId` wants `kind` on `channel`: their own choice, else the organization's default. */
function wants(
  prefs: { userId: string; kind: NotificationKind; channel: NotificationChannel; enabled: boolean }[],
  defaults: Defaults,
  userId: string,
  kind: NotificationKind,
  channel: "EMAIL" | "IN_APP",
): boolean {
  const own = prefs.find((p) => p.userId === userId && p.kind === kind && p.channel === channel);
  if (own) return own.enabled;
  const d = defaults.find((x) => x.kind === kind);
  return d ? (channel === "EMAIL" ? d.email : d.inApp) : true;
}

/** The organization's defaults per kind (its NotificationDefault rows), read once a tick. */
type Defaults = { kind: NotificationKind; email: boolean; inApp: boolean }[];

async function sendDue(db: Db, org: Organization, due: Due, defaults: Defaults, now: Date, options: TickOptions, result: TickResult) {
  const origin = appOrigin();
  const organizationId = org.id;
  const [prefs, webhooks] = await Promise.all([
    db.notificationPreference.findMany({ where: { organizationId, kind: due.kind } }),
    TEAM_KINDS.includes(due.kind) ? db.teamWebhook.findMany({ where: { organizationId }, select: { teamId: true, channel: true } }) : Promise.resolve([]),
  ]);
  const base = { kind: due.kind, periodKey: due.periodKey };
  const planned: Planned[] = [];
  // One message per person, kind and period: someone in two teams (a lead of both, a member of
  // both) gets one that covers both, not the first team's alone (the send log's key is per person).
  const perPerson = new Map<string, { r: Recipient; parts: { teamName: string | null; note: () => Promise<Note> }[] }>();
  const personal = (r: Recipient, note: () => Promise<Note>) => {
    const entry = perPerson.get(r.userId) ?? { r, parts: [] };
    entry.parts.push({ teamName: r.teamName, note });
    perPerson.set(r.userId, entry);
  };
  const planPersonal = () => {
    for (const { r, parts } of perPerson.values()) {
      const note =
        parts.length === 1
          ? parts[0]!.note
          : once(async () => combinedNote(due.kind, parts.map((p) => p.teamName ?? ""), await Promise.all(parts.map((p) => p.note()))));
      for (const channel of PERSON_CHANNELS) {
        if (!wants(prefs, defaults, r.userId, due.kind, channel)) continue;
        planned.push({ ...base, id: randomUUID(), channel, recipient: `user:${r.userId}`, userId: r.userId, teamId: r.teamId, address: channel === "EMAIL" ? r.email : r.name, note });
      }
    }
  };
  const teamPosts = (teamId: string, teamName: string, note: () => Promise<Note>) => {
    for (const w of webhooks.filter((x) => x.teamId === teamId)) {
      planned.push({ ...base, id: randomUUID(), channel: w.channel, recipient: `team:${teamId}`, userId: null, teamId, address: teamName, note });
    }
  };
  const once = <T>(f: () => Promise<T>) => {
    let p: Promise<T> | undefined;
    return () => (p ??= f());
  };

  if (due.kind === "MEMBER_REMINDER") {
    const people = await membersWithNothingLogged(db, { organizationId, weekStart: due.weekStart, today: due.today });
    for (const r of people) personal(r, async () => memberReminderNote(origin, org, { name: r.name, teamId: r.teamId!, teamName: r.teamName! }, due.weekStart));
    const byTeam = new Map<string, { teamName: string; waiting: number }>();
    for (const r of people) byTeam.set(r.teamId!, { teamName: r.teamName!, waiting: (byTeam.get(r.teamId!)?.waiting ?? 0) + 1 });
    for (const [teamId, t] of byTeam) teamPosts(teamId, t.teamName, async () => teamMemberReminderNote(origin, org, { teamId, ...t }, due.weekStart));
  } else if (due.kind === "CHECK_IN_REMINDER") {
    const leads = await teamLeads(db, { organizationId, today: due.today });
    const teams = new Map<string, { teamName: string; note: () => Promise<Note> }>();
    for (const r of leads) {
      const team = teams.get(r.teamId!) ?? { teamName: r.teamName!, note: once(() => checkInReminderNote(db, origin, org, { teamId: r.teamId!, teamName: r.teamName!, leadUserId: r.userId }, due.weekStart)) };
      teams.set(r.teamId!, team);
      personal(r, team.note);
    }
    for (const [teamId, { teamName, note }] of teams) teamPosts(teamId, teamName, note);
  } else if (due.kind === "MANAGER_DIGEST") {
    const note = once(() => managerDigestNote(db, origin, org, due.weekStart, now));
    for (const r of await membersWithRoles(db, { organizationId, roles: ["OWNER", "ADMIN", "MANAGER"], today: due.today })) personal(r, note);
  } else {
    const note = once(() => executiveDigestNote(db, origin, org, due.periodKey));
    for (const r of await membersWithRoles(db, { organizationId, roles: ["VIEWER"], today: due.today })) personal(r, note);
  }
  planPersonal();
  if (planned.length === 0) return;

  // Skip what is already claimed without composing it (the common case: every tick of the week after the first).
  const existing = await db.notificationSend.findMany({
    where: { organizationId, kind: due.kind, periodKey: due.periodKey },
    select: { recipient: true, channel: true },
  });
  const taken = new Set(existing.map((e) => `${e.recipient}|${e.channel}`));
  for (const p of planned) {
    if (taken.has(`${p.recipient}|${p.channel}`)) continue;
    const note = await p.note();
    const message = messageFor(origin, organizationId, p, note);
    if (!(await claim(db, organizationId, p, message, now))) continue;
    result.claimed++;
    await options.afterClaim?.({ id: p.id, channel: p.channel });
    await deliver(db, organizationId, { id: p.id, channel: p.channel, userId: p.userId, teamId: p.teamId, kind: p.kind, message }, now, options, result);
  }
}

function messageFor(origin: string, organizationId: string, p: Planned, note: Note): Message {
  if (p.channel !== "EMAIL" || !p.userId) return { note };
  const token = unsubscribeToken({ organizationId, userId: p.userId, kind: p.kind });
  const email = noteEmail(note, p.address, { unsubscribeUrl: `${origin}/unsubscribe/${token}`, viewUrl: `${origin}/notifications/view/${p.id}` });
  return {
    note,
    email,
    // RFC 2369 and RFC 8058: a mail client's own "unsubscribe" button POSTs here, no sign-in.
    headers: { "List-Unsubscribe": `<${origin}/api/unsubscribe/${token}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

/** INSERT … ON CONFLICT DO NOTHING: true when this worker now owns the send. */
async function claim(db: Db, organizationId: string, p: Planned, message: Message, now: Date): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    INSERT INTO "NotificationSend" ("organizationId", id, kind, "periodKey", channel, recipient, "userId", "teamId", address, message, status, attempts, "claimedAt")
    VALUES (${organizationId}::uuid, ${p.id}::uuid, ${p.kind}::"NotificationKind", ${p.periodKey}, ${p.channel}::"NotificationChannel",
            ${p.recipient}, ${p.userId}::uuid, ${p.teamId}::uuid, ${p.address}, ${JSON.stringify(message)}::jsonb, 'PENDING', 0,
            (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'))
    ON CONFLICT ("organizationId", recipient, kind, "periodKey", channel) DO NOTHING
    RETURNING id`);
  return rows.length === 1;
}

type Claimed = { id: string; channel: NotificationChannel; userId: string | null; teamId: string | null; kind: NotificationKind; message: Message };

/** Sends a claimed row and records the outcome; never throws for a failed send (only for a crash). */
async function deliver(db: Db, organizationId: string, s: Claimed, now: Date, options: TickOptions, result: TickResult) {
  let error: string | null = null;
  if (s.channel === "IN_APP") {
    // The notification and the SENT mark together: a crash leaves neither.
    await db.$transaction(async (tx) => {
      await tx.notification.create({
        data: {
          organizationId,
          userId: s.userId!,
          kind: s.kind,
          title: s.message.note.title,
          body: s.message.note.lines.join("\n\n"),
          url: s.message.note.action.url,
          html: "",
          createdAt: now,
        },
      });
      await tx.notificationSend.update({
        where: { organizationId_id: { organizationId, id: s.id } },
        data: { status: "SENT", attempts: { increment: 1 }, error: null, sentAt: now },
      });
    });
    result.sent++;
    await options.afterSent?.({ id: s.id, channel: s.channel });
    return;
  }
  if (s.channel === "EMAIL") {
    const sent = await sendEmail(db, organizationId, { ...s.message.email!, headers: s.message.headers }, { smtpUrl: options.smtpUrl });
    error = sent.status === "FAILED" ? (sent.error ?? "not sent") : null;
  } else {
    error = await postWebhook(db, organizationId, s, options.allowPrivateWebhooks ?? env().LEADLAG_WEBHOOKS_ALLOW_PRIVATE);
  }
  await db.notificationSend.update({
    where: { organizationId_id: { organizationId, id: s.id } },
    data: error ? { status: "FAILED", attempts: { increment: 1 }, error: error.slice(0, 500) } : { status: "SENT", attempts: { increment: 1 }, error: null, sentAt: now },
  });
  if (error) result.failed++;
  else {
    result.sent++;
    await options.afterSent?.({ id: s.id, channel: s.channel });
  }
}

async function postWebhook(db: Db, organizationId: string, s: Claimed, allowPrivate: boolean): Promise<string | null> {
  const hook = await db.teamWebhook.findFirst({ where: { organizationId, teamId: s.teamId!, channel: s.channel } });
  const url = hook ? open(hook.urlSealed, "team-webhook") : null;
  if (!url) return "The team's webhook is gone or could not be read: set it again in Settings → Notifications.";
  const body = s.channel === "SLACK" ? slackPayload(s.message.note) : teamsPayload(s.message.note);
  try {
    const status = await postJson(url, body, { allowPrivate, timeoutMs: WEBHOOK_TIMEOUT_MS });
    return status >= 200 && status < 300 ? null : `The webhook answered ${status}.`;
  } catch (e) {
    return `The webhook could not be reached: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** Takes back, one by one, the rows a dead worker left PENDING past the lease and the FAILED ones with attempts left. */
async function retryStale(db: Db, organizationId: string, now: Date, options: TickOptions, result: TickResult) {
  const leaseEnd = new Date(now.getTime() - LEASE_MS);
  const rows = await db.notificationSend.findMany({
    where: {
      organizationId,
      OR: [
        { status: "PENDING", claimedAt: { lt: leaseEnd } },
        { status: "FAILED", attempts: { lt: MAX_ATTEMPTS } },
      ],
    },
    orderBy: { claimedAt: "asc" },
    take: 500,
  });
  for (const row of rows) {
    // Retake it only if nobody else did in the meantime (same status and claim time).
    const taken = await db.notificationSend.updateMany({
      where: { organizationId, id: row.id, status: row.status, claimedAt: row.claimedAt },
      data: { status: "PENDING", claimedAt: now },
    });
    if (taken.count !== 1) continue;
    result.retried++;
    await deliver(db, organizationId, { id: row.id, channel: row.channel, userId: row.userId, teamId: row.teamId, kind: row.kind, message: row.message as unknown as Message }, now, options, result);
  }
}

/** A team's Slack or Teams incoming-webhook URL, sealed (admins, Settings → Notifications). */
export function sealWebhookUrl(url: string): string {
  return seal(url, "team-webhook");
}
