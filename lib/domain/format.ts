// Numbers, money and dates as the organization writes them (its locale and currency), for pages,
// charts and the report alike, so one figure reads the same everywhere. Pure. Building an Intl
// formatter costs far more than using one, and lists and charts format thousands of values, so
// each (locale, options) pair is built once and kept.
import { addDays, localDay, toUtcDate, type IsoDate, type Week } from "./calendar/weeks";

/** What a missing value prints as. */
export const DASH = "—";

/** `undefined` is the runtime's own locale. */
type Locale = string | undefined;

function cached<F>(make: (locale: Locale, options: object) => F) {
  const formats = new Map<string, F>();
  return (locale: Locale, options: object): F => {
    const key = `${locale ?? ""}|${JSON.stringify(options)}`;
    let f = formats.get(key);
    if (!f) formats.set(key, (f = make(locale, options)));
    return f;
  };
}

/** A cached `Intl.NumberFormat`. */
export const numberFormat = cached((locale, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options));
/** A cached `Intl.DateTimeFormat`. */
export const dateFormat = cached((locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options));

// ---- numbers: a missing value (null or undefined) prints as DASH

type Value = number | null | undefined;

/** 1234.5 → "1,234.5": at most `digits` decimals, trailing zeros dropped (3 is Intl's default). */
export function formatNumber(value: Value, locale: Locale, digits = 3): string {
  return value == null ? DASH : numberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** Exactly `digits` decimals: 0.5 → "0.50". */
export function formatFixed(value: Value, locale: Locale, digits: number): string {
  return value == null ? DASH : numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** At most `digits` significant digits: 0.012345 → "0.0123". */
export function formatSignificant(value: Value, locale: Locale, digits: number): string {
  return value == null ? DASH : numberFormat(locale, { maximumSignificantDigits: digits }).format(value);
}

/**
 * Money in the organization's currency: whole units by default ("£1,235"); a number of decimals
 * fixes them ("£1,234.50" with 2); "minor" shows the currency's own minor units (2 for GBP, 0 for JPY).
 */
export function formatMoney(value: Value, locale: Locale, currency: string, decimals: number | "minor" = 0): string {
  if (value == null) return DASH;
  const digits = decimals === "minor" ? {} : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  return numberFormat(locale, { style: "currency", currency, ...digits }).format(value);
}

/** A value already in percent, with a bare percent sign whatever the locale: 84.5 → "84.5%". */
export function formatPercent(value: Value, locale: Locale, digits = 1): string {
  return value == null ? DASH : `${formatNumber(value, locale, digits)}%`;
}

/** A value already in percent, written as the locale writes percentages: 84.5 → "84.5%", "84,5 %" (de-DE). */
export function formatLocalePercent(value: Value, locale: Locale, digits = 1): string {
  return value == null ? DASH : numberFormat(locale, { style: "percent", maximumFractionDigits: digits }).format(value / 100);
}

/** A share 0..1 as a percentage: 0.845 → "85%". */
export function formatShare(value: Value, locale: Locale, digits = 0): string {
  return value == null ? DASH : formatPercent(value * 100, locale, digits);
}

/** A benefit-cost ratio: 2.345 → "2.35 : 1". */
export function formatRatio(value: Value, locale: Locale): string {
  return value == null ? DASH : `${formatNumber(value, locale, 2)} : 1`;
}

/** A value of a measure in its unit: "84.5%", "18.2 hours", "12" (no unit). */
export function formatMeasure(value: Value, unit: string, locale: Locale, digits = 1): string {
  if (value == null) return DASH;
  const n = formatNumber(value, locale, digits);
  if (!unit) return n;
  return unit === "%" ? `${n}%` : `${n} ${unit}`;
}

/** The number formats of one organization, for code that hands them on (a page's components, the report). */
export type NumberFormats = ReturnType<typeof numberFormats>;

export function numberFormats(locale: string, currency: string) {
  return {
    locale,
    currency,
    number: (v: Value, digits?: number) => formatNumber(v, locale, digits),
    fixed: (v: Value, digits: number) => formatFixed(v, locale, digits),
    money: (v: Value, decimals?: number | "minor") => formatMoney(v, locale, currency, decimals),
    percent: (v: Value, digits?: number) => formatPercent(v, locale, digits),
    share: (v: Value, digits?: number) => formatShare(v, locale, digits),
    ratio: (v: Value) => formatRatio(v, locale),
    measure: (v: Value, unit: string, digits?: number) => formatMeasure(v, unit, locale, digits),
    /** "16 Nov 2026" */
    day: (d: IsoDate) => dayWithYear(d, locale),
    /** "Nov 2026" from "2026-11" */
    month: (m: string) => monthWithYear(m, locale),
  };
}

// ---- dates (days are ISO dates at UTC midnight; instants are shown in the organization's time zone)

/** "16 Nov" (en-GB) or "Nov 16" (en-US). */
export function shortDay(day: IsoDate, locale: Locale): string {
  return dateFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(toUtcDate(day));
}

/** "Mon 16 Nov" (en-GB) or "Mon, Nov 16" (en-US). */
export function formatDay(day: IsoDate, locale: Locale): string {
  return dateFormat(locale, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(toUtcDate(day));
}

/** "17 Nov – 23 Nov 2026": the days from a week's (or a run of weeks') start to its end, with the end's year. */
export function formatWeek(week: Week, locale: Locale): string {
  return `${shortDay(week.start, locale)} – ${shortDay(week.end, locale)} ${toUtcDate(week.end).getUTCFullYear()}`;
}

/** "Week of 16 Nov": a week named by its first day, where "this week" or "last week" would not say which. */
export function weekOf(weekStart: IsoDate, locale: Locale): string {
  return `Week of ${shortDay(weekStart, locale)}`;
}

/**
 * "this week" while the week shown is the current one, else "in the week of 9 Nov": for a page's
 * words about the week it shows ("Latest entries this week"), which can be an earlier one.
 */
export function duringWeek(weekStart: IsoDate, isCurrent: boolean, locale: Locale): string {
  return isCurrent ? "this week" : `in the week of ${shortDay(weekStart, locale)}`;
}

/** "16 Nov 2026": a day with its year, where a range can span two years. */
export function dayWithYear(day: IsoDate, locale: Locale): string {
  return dateFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(toUtcDate(day));
}

/** "24 Aug 2026 – 22 Nov 2026": the days a range of weeks covers, given the first days of its first and last weeks. */
export function weeksRangeLabel(firstWeek: IsoDate, lastWeek: IsoDate, locale: Locale): string {
  return `${dayWithYear(firstWeek, locale)} – ${dayWithYear(addDays(lastWeek, 6), locale)}`;
}

/** "Nov 2026" from "2026-11". */
export function monthWithYear(month: string, locale: Locale): string {
  return dateFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(toUtcDate(`${month}-01`));
}

/** "Wed 18 Nov" (en-GB): the day an instant fell on in the organization's time zone, written as formatDay writes days. */
export function instantDay(instant: Date | string, locale: Locale, timeZone: string): string {
  return dateFormat(locale, { weekday: "short", day: "numeric", month: "short", timeZone }).format(new Date(instant));
}

/** "18 Nov 2026": the day an instant fell on in the organization's time zone, written as dayWithYear writes days (lists that reach back past a new year). */
export function instantDayWithYear(instant: Date | string, locale: Locale, timeZone: string): string {
  return dayWithYear(localDay(new Date(instant), timeZone), locale);
}

/** "14 Nov 2026, 09:30" in the organization's time zone: when something was recorded. */
export function instantLabel(instant: Date | string, locale: Locale, timeZone: string): string {
  return dateFormat(locale, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone }).format(new Date(instant));
}

/** "14 Nov 2026, 09:30" in the locale's medium date and short time style, in `timeZone`. */
export function mediumDateTime(instant: Date | string, locale: Locale, timeZone: string): string {
  return dateFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(instant));
}

/** "14 Nov 2026" in the locale's medium date style (a day at UTC midnight). */
export function mediumDay(day: Date | string, locale: Locale): string {
  return dateFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(typeof day === "string" ? toUtcDate(day) : day);
}
