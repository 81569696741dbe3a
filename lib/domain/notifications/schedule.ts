// When each reminder and digest is due, in the organization's own time zone and week. Pure: the
// tick (lib/services/notifications.ts) asks at `now` which kinds are due and for which period;
// the period key is what makes a send happen once (NotificationSend's unique key).
//
// A kind is due from its local day and hour until its period ends: a tick that runs late (the
// worker was down at 9:00) still sends, once. Local wall-clock time is compared, so a reminder
// at 9:00 stays at 9:00 across a daylight-saving change; an hour skipped by the change (01:xx on
// the spring-forward day in London) is reached by the first tick after it.
import { addDays, localDay, weekStart, type IsoDate } from "@/lib/domain/calendar/weeks";
import { monthOf } from "@/lib/domain/calendar/months";
import { dayWithYear, monthWithYear } from "@/lib/domain/format";

export const NOTIFICATION_KINDS = ["MEMBER_REMINDER", "CHECK_IN_REMINDER", "MANAGER_DIGEST", "EXECUTIVE_DIGEST"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_CHANNELS = ["EMAIL", "IN_APP", "SLACK", "TEAMS"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const KIND_LABELS: Record<NotificationKind, string> = {
  MEMBER_REMINDER: "Log your numbers (members)",
  CHECK_IN_REMINDER: "Check-in tomorrow (team leads)",
  MANAGER_DIGEST: "Weekly digest (managers)",
  EXECUTIVE_DIGEST: "Monthly digest (viewers and executives)",
};

export type Cadence = "week" | "month";
export const CADENCE: Record<NotificationKind, Cadence> = {
  MEMBER_REMINDER: "week",
  CHECK_IN_REMINDER: "week",
  MANAGER_DIGEST: "week",
  EXECUTIVE_DIGEST: "month",
};

/** One kind's schedule: `day` is 0 = Sunday … 6 = Saturday for weekly kinds, 1–28 for monthly ones. */
export type KindSchedule = { kind: NotificationKind; enabled: boolean; day: number; hour: number; email: boolean; inApp: boolean };

/**
 * The built-in schedule for an organization with none of its own: members are reminded on the
 * week's fifth day at 14:00 (Friday for a Monday week, Thursday for a Sunday week), leads the day
 * before the week starts (the check-in is on its first day), managers get the digest on the
 * week's first day at 08:00 (Monday, or Sunday for a Sunday-first organization), executives on
 * the 1st of the month at 08:00.
 */
export function defaultSchedule(kind: NotificationKind, weekStartsOn: number): KindSchedule {
  const base = { kind, enabled: true, email: true, inApp: true };
  switch (kind) {
    case "MEMBER_REMINDER":
      return { ...base, day: (weekStartsOn + 4) % 7, hour: 14 };
    case "CHECK_IN_REMINDER":
      return { ...base, day: (weekStartsOn + 6) % 7, hour: 15 };
    case "MANAGER_DIGEST":
      return { ...base, day: weekStartsOn, hour: 8 };
    case "EXECUTIVE_DIGEST":
      return { ...base, day: 1, hour: 8 };
  }
}

/** The local hour (0–23) of an instant in an IANA time zone. */
export function localHour(instant: Date, timeZone: string): number {
  const h = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(instant);
  return Number(h);
}

export type OrgCalendar = { timeZone: string; weekStartsOn: number };

export type Due = {
  kind: NotificationKind;
  /** The week's first day ("2026-03-23") or the month ("2026-03"). */
  periodKey: string;
  /** The org's week this send belongs to (for a monthly kind, the week of `now`). */
  weekStart: IsoDate;
  /** The local day the send was scheduled for. */
  scheduledDay: IsoDate;
  today: IsoDate;
};

/**
 * A send's period in words, in the organization's date style: a weekly kind's key is its week's
 * first day ("2026-11-16" → "Week of 16 Nov 2026"), a monthly kind's its month ("2026-11" →
 * "Nov 2026"). A key of another shape is shown as it is rather than misread.
 */
export function periodLabel(kind: NotificationKind, periodKey: string, locale: string | undefined): string {
  if (CADENCE[kind] === "week" && /^\d{4}-\d{2}-\d{2}$/.test(periodKey)) return `Week of ${dayWithYear(periodKey, locale)}`;
  if (CADENCE[kind] === "month" && /^\d{4}-\d{2}$/.test(periodKey)) return monthWithYear(periodKey, locale);
  return periodKey;
}

/** Whether `schedule` is due at `now`, and for which period; null when not (yet). */
export function dueAt(schedule: KindSchedule, org: OrgCalendar, now: Date): Due | null {
  if (!schedule.enabled) return null;
  const today = localDay(now, org.timeZone);
  const hour = localHour(now, org.timeZone);
  const week = weekStart(today, org.weekStartsOn);
  let scheduledDay: IsoDate;
  let periodKey: string;
  if (CADENCE[schedule.kind] === "week") {
    scheduledDay = addDays(week, (schedule.day - org.weekStartsOn + 7) % 7);
    periodKey = week;
  } else {
    periodKey = monthOf(today);
    scheduledDay = `${periodKey}-${String(Math.min(Math.max(schedule.day, 1), 28)).padStart(2, "0")}`;
  }
  const reached = today > scheduledDay || (today === scheduledDay && hour >= schedule.hour);
  return reached ? { kind: schedule.kind, periodKey, weekStart: week, scheduledDay, today } : null;
}

/** Every kind due at `now`, given the organization's own schedules (missing kinds use the default). */
export function dueKinds(schedules: readonly KindSchedule[], org: OrgCalendar, now: Date): Due[] {
  return NOTIFICATION_KINDS.map((kind) => schedules.find((s) => s.kind === kind) ?? defaultSchedule(kind, org.weekStartsOn))
    .map((s) => dueAt(s, org, now))
    .filter((d): d is Due => d !== null);
}

/** The schedule in force for each kind. */
export function schedulesOf(rows: readonly KindSchedule[], weekStartsOn: number): KindSchedule[] {
  return NOTIFICATION_KINDS.map((kind) => rows.find((s) => s.kind === kind) ?? defaultSchedule(kind, weekStartsOn));
}
