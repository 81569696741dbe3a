// Calendar weeks in an organization's time zone. Days are plain ISO dates ("2026-11-22"):
// a lead entry belongs to the person's local day, so the arithmetic below runs on date-only
// values at UTC midnight, where no daylight-saving change can shift a day.

export type IsoDate = string; // YYYY-MM-DD

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function toUtcDate(day: IsoDate): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function fromUtcDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: IsoDate, days: number): IsoDate {
  return fromUtcDate(new Date(toUtcDate(day).getTime() + days * DAY_MS));
}

/** Days since 1970-01-01: a day as a small integer, for bulk work (CSV import, batch writes). */
export function epochDay(day: IsoDate): number {
  return Math.round(toUtcDate(day).getTime() / DAY_MS);
}

/** The day `n` days after 1970-01-01 (the inverse of epochDay). */
export function fromEpochDay(n: number): IsoDate {
  return fromUtcDate(new Date(n * DAY_MS));
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtcDate(b).getTime() - toUtcDate(a).getTime()) / DAY_MS);
}

/** The local calendar day of an instant in an IANA time zone. */
export function localDay(instant: Date, timeZone: string): IsoDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(day: IsoDate): number {
  return toUtcDate(day).getUTCDay();
}

/** First day of the week containing `day`, for weeks starting on `weekStartsOn` (0 = Sunday, 1 = Monday). */
export function weekStart(day: IsoDate, weekStartsOn: number): IsoDate {
  return addDays(day, -((dayOfWeek(day) - weekStartsOn + 7) % 7));
}

export type Week = { start: IsoDate; end: IsoDate };

export function weekOf(day: IsoDate, weekStartsOn: number): Week {
  const start = weekStart(day, weekStartsOn);
  return { start, end: addDays(start, 6) };
}

/** The `count` week starts ending with the week of `day`, oldest first. */
export function lastWeekStarts(day: IsoDate, weekStartsOn: number, count: number): IsoDate[] {
  const current = weekStart(day, weekStartsOn);
  return Array.from({ length: count }, (_, i) => addDays(current, -7 * (count - 1 - i)));
}

/** ISO-8601 week-numbering year and week (1–53) of a day: weeks start Monday, week 1 holds the first Thursday. */
export function isoWeek(day: IsoDate): { year: number; week: number } {
  const thursday = addDays(day, 3 - ((dayOfWeek(day) + 6) % 7));
  const year = toUtcDate(thursday).getUTCFullYear();
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return { year, week };
}

/** "2026-W47": the ISO week label. */
export function isoWeekLabel(day: IsoDate): string {
  const { year, week } = isoWeek(day);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The start of the current week for an instant, in the organization's time zone. */
export function currentWeekStart(now: Date, timeZone: string, weekStartsOn: number): IsoDate {
  return weekStart(localDay(now, timeZone), weekStartsOn);
}
