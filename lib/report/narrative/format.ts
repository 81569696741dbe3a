// Numbers and dates in the organization's locale and currency (lib/domain/format.ts), for the
// narrative. Every number the report prints goes through a `Writer`, which also records it as a
// fact for the data appendix — so the appendix holds every number in the report, by construction.
// A value that does not exist prints as "—" (never "NaN", "undefined" or "Infinity").
import type { IsoDate } from "@/lib/domain/calendar/weeks";
import {
  DASH,
  dayWithYear,
  formatMeasure,
  formatMoney,
  formatNumber,
  formatPercent,
  formatRatio,
  formatShare,
  monthWithYear,
} from "@/lib/domain/format";
import type { ReportFact } from "../document";

type Value = number | null | undefined;

const finite = (v: Value): v is number => v != null && Number.isFinite(v);
/** NaN and ±Infinity are missing values too: they print as DASH. */
const known = (v: Value) => (finite(v) ? v : null);
/** Six significant digits keep the appendix readable without changing any printed figure. */
const raw = (v: number) => Number(v.toPrecision(6)) + 0;

export type Writer = ReturnType<typeof writerFor>;

export function writerFor(locale: string, currency: string) {
  const facts: ReportFact[] = [];

  const text = {
    /** Whole units of the organization's currency. */
    money: (v: Value) => formatMoney(known(v), locale, currency),
    num: (v: Value, digits = 1) => formatNumber(known(v), locale, digits),
    /** A percentage given in percent (84.5 → "84.5%"). */
    pct: (v: Value, digits = 1) => formatPercent(known(v), locale, digits),
    /** A share 0..1 as a percentage (0.845 → "85%"). */
    share: (v: Value, digits = 0) => formatShare(known(v), locale, digits),
    bcr: (v: Value) => formatRatio(known(v), locale),
    day: (d: IsoDate | null | undefined) => (d ? dayWithYear(d, locale) : DASH),
    month: (m: string) => monthWithYear(m, locale),
    /** A value of a lag measure in its unit ("84.5%", "18.2 hours"). */
    measure: (v: Value, unit: string, digits = 1) => formatMeasure(known(v), unit, locale, digits),
  };

  /** Formats a value and records it as a fact of the appendix. */
  function fact(section: string, item: string, metric: string, value: Value, display: string, unit = ""): string {
    facts.push({ section, item, metric, value: finite(value) ? raw(value) : null, unit, display });
    return display;
  }

  return { ...text, fact, facts, locale, currency };
}

export { listText } from "@/lib/domain/lists";

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
