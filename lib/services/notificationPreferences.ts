import "server-only";
// People's choices about reminders and digests (per kind and channel, and an on-leave date), the
// one-click unsubscribe of an email's link, the bell's "mark read", and the organization's
// schedule and team webhooks (admins).
import { z } from "zod";
import { requireRole } from "@/lib/auth/permissions";
import { seal } from "@/lib/auth/secretBox";
import type { TenantContext } from "@/lib/auth/tenant";
import { readUnsubscribeToken } from "@/lib/auth/unsubscribeToken";
import type { Db } from "@/lib/db/client";
import { inCalendarRange } from "@/lib/domain/calendar/range";
import { isIsoDate, toUtcDate } from "@/lib/domain/calendar/weeks";
import { CADENCE, KIND_LABELS, NOTIFICATION_KINDS, type NotificationKind } from "@/lib/domain/notifications/schedule";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/schemas/ids";
import { recordAudit } from "@/lib/services/audit";
import * as clock from "@/lib/clock";
import { env } from "@/lib/env";
import { webhookUrlProblem } from "@/lib/services/webhookPost";

const notFound = (message: string) => new AppError("not_found", message);

/** RFC 8058 one-click (and the unsubscribe page's button): that person stops getting that kind by email. */
export async function unsubscribe(db: Db, token: string): Promise<{ kind: NotificationKind; label: string; organizationName: string }> {
  const u = readUnsubscribeToken(token);
  if (!u) throw notFound("This unsubscribe link is not one we sent.");
  const member = await db.membership.findFirst({
    where: { organizationId: u.organizationId, userId: u.userId },
    select: { organization: { select: { name: true } } },
  });
  if (!member) throw notFound("This unsubscribe link is not one we sent.");
  const key = { organizationId: u.organizationId, userId: u.userId, kind: u.kind, channel: "EMAIL" as const };
  await db.notificationPreference.upsert({
    where: { organizationId_userId_kind_channel: key },
    create: { ...key, enabled: false },
    update: { enabled: false },
  });
  return { kind: u.kind, label: KIND_LABELS[u.kind], organizationName: member.organization.name };
}

/** What an unsubscribe link is for, without acting on it (the page's question). */
export function unsubscribeTarget(token: string): { kind: NotificationKind; label: string } | null {
  const u = readUnsubscribeToken(token);
  return u ? { kind: u.kind, label: KIND_LABELS[u.kind] } : null;
}

const onLeave = z
  .string()
  .trim()
  .refine((v) => v === "" || (isIsoDate(v) && inCalendarRange(v)), "Choose a date, or leave it empty.")
  .default("");

/**
 * The caller's own choices: a form with a checkbox `KIND:CHANNEL` (EMAIL, IN_APP) for every kind
 * shown, and `onLeaveUntil` (empty: not on leave).
 */
export async function saveMyNotificationPreferences(db: Db, ctx: TenantContext, form: FormData): Promise<void> {
  const leave = onLeave.safeParse(typeof form.get("onLeaveUntil") === "string" ? form.get("onLeaveUntil") : "");
  if (!leave.success) throw new AppError("validation_failed", "Check the on-leave date.", { fieldErrors: { onLeaveUntil: [leave.error.issues[0]!.message] } });
  const rows = NOTIFICATION_KINDS.flatMap((kind) =>
    (["EMAIL", "IN_APP"] as const).map((channel) => ({ organizationId: ctx.organizationId, userId: ctx.userId, kind, channel, enabled: form.get(`${kind}:${channel}`) === "on" })),
  );
  await db.$transaction(async (tx) => {
    await tx.notificationPreference.deleteMany({ where: { organizationId: ctx.organizationId, userId: ctx.userId } });
    await tx.notificationPreference.createMany({ data: rows });
    await tx.membership.update({
      where: { organizationId_userId: { organizationId: ctx.organizationId, userId: ctx.userId } },
      data: { onLeaveUntil: leave.data ? toUtcDate(leave.data) : null },
    });
  });
}

/** Marks one of the caller's notifications read, or all of them when `id` is empty. */
export async function markNotificationsRead(db: Db, ctx: TenantContext, id: string): Promise<number> {
  if (id !== "" && !isUuid(id)) throw notFound("That notification was not found.");
  const { count } = await db.notification.updateMany({
    where: { organizationId: ctx.organizationId, userId: ctx.userId, readAt: null, ...(id ? { id } : {}) },
    data: { readAt: clock.now() },
  });
  return count;
}

const scheduleForm = z.object({
  kind: z.enum(NOTIFICATION_KINDS),
  enabled: z.boolean(),
  day: z.coerce.number().int(),
  hour: z.coerce.number().int().min(0, "An hour from 0 to 23.").max(23, "An hour from 0 to 23."),
  email: z.boolean(),
  inApp: z.boolean(),
});

/** An admin sets when a kind goes out, and whether email and the bell are on for people who chose nothing. */
export async function saveNotificationSchedule(db: Db, ctx: TenantContext, form: FormData): Promise<NotificationKind> {
  requireRole(ctx.role, "ADMIN", "change the notification schedule");
  const parsed = scheduleForm.safeParse({
    kind: form.get("kind"),
    enabled: form.get("enabled") === "on",
    day: form.get("day"),
    hour: form.get("hour"),
    email: form.get("email") === "on",
    inApp: form.get("inApp") === "on",
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const i of parsed.error.issues) (fieldErrors[String(i.path[0])] ??= []).push(i.message);
    throw new AppError("validation_failed", "Check the schedule.", { fieldErrors });
  }
  const s = parsed.data;
  const [min, max] = CADENCE[s.kind] === "week" ? [0, 6] : [1, 28];
  if (s.day < min || s.day > max) throw new AppError("validation_failed", "Check the schedule.", { fieldErrors: { day: [CADENCE[s.kind] === "week" ? "Choose a day of the week." : "A day of the month from 1 to 28."] } });
  const key = { organizationId: ctx.organizationId, kind: s.kind };
  await db.$transaction(async (tx) => {
    const before = await tx.notificationDefault.findUnique({ where: { organizationId_kind: key } });
    const data = { enabled: s.enabled, day: s.day, hour: s.hour, email: s.email, inApp: s.inApp };
    await tx.notificationDefault.upsert({ where: { organizationId_kind: key }, create: { ...key, ...data }, update: data });
    await recordAudit(tx, ctx, { action: "notifications.schedule", entityType: "NotificationDefault", entityId: s.kind, before, after: { kind: s.kind, ...data } });
  });
  return s.kind;
}

/** An admin sets (or, with an empty URL, removes) a team's Slack or Teams incoming webhook. */
export async function saveTeamWebhook(db: Db, ctx: TenantContext, form: FormData): Promise<void> {
  requireRole(ctx.role, "ADMIN", "change team webhooks");
  const teamId = String(form.get("teamId") ?? "");
  const given = form.get("channel");
  const channel: "SLACK" | "TEAMS" | null = given === "SLACK" ? "SLACK" : given === "TEAMS" ? "TEAMS" : null;
  if (!channel) throw new AppError("validation_failed", "Choose Slack or Microsoft Teams.", { fieldErrors: { channel: ["Choose Slack or Microsoft Teams."] } });
  const team = isUuid(teamId) ? await db.team.findFirst({ where: { organizationId: ctx.organizationId, id: teamId }, select: { id: true } }) : null;
  if (!team) throw notFound("That team was not found.");
  const url = String(form.get("url") ?? "").trim();
  const problem = url === "" ? null : webhookUrlProblem(url, env().LEADLAG_WEBHOOKS_ALLOW_PRIVATE);
  if (problem) throw new AppError("validation_failed", "Check the webhook URL.", { fieldErrors: { url: [problem] } });
  const key: { organizationId: string; teamId: string; channel: "SLACK" | "TEAMS" } = { organizationId: ctx.organizationId, teamId, channel };
  await db.$transaction(async (tx) => {
    if (url === "") await tx.teamWebhook.deleteMany({ where: key });
    else await tx.teamWebhook.upsert({ where: { organizationId_teamId_channel: key }, create: { ...key, urlSealed: seal(url, "team-webhook") }, update: { urlSealed: seal(url, "team-webhook") } });
    // The URL is a secret: the audit trail says only that it was set or removed.
    await recordAudit(tx, ctx, { action: "notifications.webhook", entityType: "Team", entityId: teamId, after: { channel, set: url !== "" } });
  });
}
