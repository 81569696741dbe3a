// Labels and date formats shared by the two drill-down pages (teams and lags): how a source is
// named, and dates with their year, since a range can span two years.
import { addDays } from "@/lib/domain/calendar/weeks";
import type { EntrySource } from "@/lib/generated/prisma/enums";

export const SOURCE_LABEL: Record<EntrySource, string> = {
  MANUAL: "Manual",
  CSV: "CSV import",
  API: "API",
  SEED: "Demo seed",
};

export const SOURCES: readonly EntrySource[] = ["MANUAL", "CSV", "API", "SEED"];

/** "14 Nov 2026". */
export function formatDate(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** "14 Nov 2026, 09:30" in the organization's time zone: when something was recorded. */
export function formatInstant(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone }).format(
    new Date(iso),
  );
}

/** "24 Aug 2026 – 22 Nov 2026": the days a range of weeks covers. */
export function formatRange(firstWeek: string, lastWeek: string, locale: string): string {
  return `${formatDate(firstWeek, locale)} – ${formatDate(addDays(lastWeek, 6), locale)}`;
}
