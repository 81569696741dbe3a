// Numbers and dates in the organization's locale and currency, for the narrative. Every number
// the report prints goes through a `Writer`, which also records it as a fact for the data
// appendix — so the appendix holds every number in the report, by construction. A value that
// does not exist prints as "—" (never "NaN", "undefined" or "Infinity").
import { toUtcDate, type IsoDate } from "@/lib/domain/calendar/weeks";
import type { ReportFact } from "../document";

export const DASH = "—";

const finite = (v: number | null | undefined): v is number => v != null && Number.isFinite(v);
/** Six significant digits keep the appendix readable without changing any printed figure. */
const raw = (v: number) => Number(v.toPrecision(6)) + 0;

export type Writer = ReturnType<typeof writerFor>;

export function writerFor(locale: string, currency: string) {
  const facts: ReportFact[] = [];
  const money0 = new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
  const nums = new Map<number, Intl.NumberFormat>();
  const numFmt = (digits: number) => {
    let f = nums.get(digits);
    if (!f) nums.set(digits, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 })));
    return f;
  };
  const dayFmt = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const monthFmt = new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" });

  const text = {
    money: (v: number | null | undefined) => (finite(v) ? money0.format(v) : DASH),
    num: (v: number | null | undefined, digits = 1) => (finite(v) ? numFmt(digits).format(v) : DASH),
    /** A percentage given in percent (84.5 → "84.5%"). */
    pct: (v: number | null | undefined, digits = 1) => (finite(v) ? `${numFmt(digits).format(v)}%` : DASH),
    /** A share 0..1 as a percentage (0.845 → "85%"). */
    share: (v: number | null | undefined, digits = 0) => (finite(v) ? `${numFmt(digits).format(v * 100)}%` : DASH),
    bcr: (v: number | null | undefined) => (finite(v) ? `${numFmt(2).format(v)} : 1` : DASH),
    day: (d: IsoDate | null | undefined) => (d ? dayFmt.format(toUtcDate(d)) : DASH),
    month: (m: string) => monthFmt.format(toUtcDate(`${m}-01`)),
    /** A value of a lag measure in its unit ("84.5%", "18.2 hours"). */
    measure: (v: number | null | undefined, unit: string, digits = 1) => {
      if (!finite(v)) return DASH;
      const n = numFmt(digits).format(v);
      return !unit ? n : unit === "%" ? `${n}%` : `${n} ${unit}`;
    },
  };

  /** Formats a value and records it as a fact of the appendix. */
  function fact(section: string, item: string, metric: string, value: number | null | undefined, display: string, unit = ""): string {
    facts.push({ section, item, metric, value: finite(value) ? raw(value) : null, unit, display });
    return display;
  }

  return { ...text, fact, facts, locale, currency };
}

/** "1, 2 and 3" in English: the narrative is written in English whatever the number locale. */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
