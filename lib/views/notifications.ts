import "server-only";
// The read side of reminders and digests: the bell (unread count), the notifications page, a
// sent message "viewed in browser", a person's preferences, and the admins' settings with the
// send log. Always the caller's organization; a person sees only their own notifications.
import type { TenantContext } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { fromUtcDate } from "@/lib/domain/calendar/weeks";
import type { Note } from "@/lib/domain/notifications/compose";
import { KIND_LABELS, NOTIFICATION_KINDS, schedulesOf, type KindSchedule, type NotificationKind } from "@/lib/domain/notifications/schedule";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/schemas/ids";
import { requireRole } from "@/lib/auth/permissions";

export function unreadNotificationCount(db: Db, ctx: TenantContext): Promise<number> {
  return db.notification.count({ where: { organizationId: ctx.organizationId, userId: ctx.userId, readAt: null } });
}

export async function notificationsPage(db: Db, ctx: TenantContext) {
  const [items, unread] = await Promise.all([
    db.notification.findMany({
      where: { organizationId: ctx.organizationId, userId: ctx.userId },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: 100,
      select: { id: true, kind: true, title: true, body: true, url: true, createdAt: true, readAt: true },
    }),
    unreadNotificationCount(db, ctx),
  ]);
  return { items, unread };
}

/** A reminder or digest sent to the caller, as it was sent ("view in browser"): their own only. */
export async function sentNotificationView(db: Db, ctx: TenantContext, sendId: string): Promise<{ note: Note; sentAt: Date | null; kind: NotificationKind }> {
  const row = isUuid(sendId)
    ? await db.notificationSend.findFirst({ where: { organizationId: ctx.organizationId, id: sendId, userId: ctx.userId }, select: { message: true, sentAt: true, kind: true } })
    : null;
  if (!row) throw notFound("That message was not found.");
  return { note: (row.message as unknown as { note: Note }).note, sentAt: row.sentAt, kind: row.kind };
}

export type PreferenceRow = { kind: NotificationKind; label: string; email: boolean; inApp: boolean };

export async function myNotificationPreferences(db: Db, ctx: TenantContext): Promise<{ rows: PreferenceRow[]; onLeaveUntil: string }> {
  const [prefs, defaults, membership] = await Promise.all([
    db.notificationPreference.findMany({ where: { organizationId: ctx.organizationId, userId: ctx.userId } }),
    db.notificationDefault.findMany({ where: { organizationId: ctx.organizationId } }),
    db.membership.findUnique({ where: { organizationId_userId: { organizationId: ctx.organizationId, userId: ctx.userId } }, select: { onLeaveUntil: true } }),
  ]);
  const schedules = schedulesOf(defaults, ctx.organization.weekStartsOn);
  const pick = (kind: NotificationKind, channel: "EMAIL" | "IN_APP") => {
    const own = prefs.find((p) => p.kind === kind && p.channel === channel);
    const d = schedules.find((s) => s.kind === kind)!;
    return own ? own.enabled : channel === "EMAIL" ? d.email : d.inApp;
  };
  return {
    rows: NOTIFICATION_KINDS.map((kind) => ({ kind, label: KIND_LABELS[kind], email: pick(kind, "EMAIL"), inApp: pick(kind, "IN_APP") })),
    onLeaveUntil: membership?.onLeaveUntil ? fromUtcDate(membership.onLeaveUntil) : "",
  };
}

export type SendLogRow = {
  id: string;
  kind: NotificationKind;
  periodKey: string;
  channel: string;
  address: string;
  status: string;
  attempts: number;
  error: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

/** Admins: the schedule of each kind, which teams have a webhook (never its URL), and the send log (failures first). */
export async function notificationSettings(db: Db, ctx: TenantContext): Promise<{
  schedules: (KindSchedule & { label: string })[];
  teams: { id: string; name: string; slack: boolean; teams: boolean }[];
  failed: SendLogRow[];
  recent: SendLogRow[];
}> {
  requireRole(ctx.role, "ADMIN", "read the notification settings");
  const organizationId = ctx.organizationId;
  const select = { id: true, kind: true, periodKey: true, channel: true, address: true, status: true, attempts: true, error: true, createdAt: true, sentAt: true } as const;
  const [defaults, teams, hooks, failed, recent] = await Promise.all([
    db.notificationDefault.findMany({ where: { organizationId } }),
    db.team.findMany({ where: { organizationId, archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.teamWebhook.findMany({ where: { organizationId }, select: { teamId: true, channel: true } }),
    db.notificationSend.findMany({ where: { organizationId, status: "FAILED" }, orderBy: { createdAt: "desc" }, take: 100, select }),
    db.notificationSend.findMany({ where: { organizationId }, orderBy: { createdAt: "desc" }, take: 100, select }),
  ]);
  return {
    schedules: schedulesOf(defaults, ctx.organization.weekStartsOn).map((s) => ({ ...s, label: KIND_LABELS[s.kind] })),
    teams: teams.map((t) => ({
      ...t,
      slack: hooks.some((h) => h.teamId === t.id && h.channel === "SLACK"),
      teams: hooks.some((h) => h.teamId === t.id && h.channel === "TEAMS"),
    })),
    failed,
    recent,
  };
}
