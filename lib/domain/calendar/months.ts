// Calendar months, named "2026-03" (YYYY-MM). A program's costs and benefits accrue by month,
// and the demo's monthly measures are dated the last day of their month.
import { fromUtcDate, type IsoDate } from "./weeks";

export type YearMonth = string; // YYYY-MM

/** The month a day falls in. */
export const monthOf = (day: IsoDate): YearMonth => day.slice(0, 7);

export function addMonths(month: YearMonth, n: number): YearMonth {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** Every month from `from` to `to`, both included, oldest first. */
export function monthsBetween(from: YearMonth, to: YearMonth): YearMonth[] {
  const out: YearMonth[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

export function firstDayOfMonth(month: YearMonth): IsoDate {
  return `${month}-01`;
}

export function lastDayOfMonth(month: YearMonth): IsoDate {
  const [y, m] = month.split("-").map(Number) as [number, number];
  // Day 0 of the next month is the last day of this one.
  return fromUtcDate(new Date(Date.UTC(y, m, 0)));
}
