// Dates on the trends page span years (a 52-week window), so they always carry the year.
import { toUtcDate, type IsoDate } from "@/lib/domain/calendar/weeks";

export function formatDate(day: IsoDate, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(toUtcDate(day));
}
