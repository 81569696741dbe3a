// Short day labels for the dashboard's axes and headers, in the organization's locale.
import { toUtcDate, type IsoDate } from "@/lib/domain/calendar/weeks";

/** "16 Nov" (en-GB) or "Nov 16" (en-US). */
export function shortDay(day: IsoDate, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(toUtcDate(day));
}
