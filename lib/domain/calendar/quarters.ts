// Quarters of the calendar year, named "2026-Q3" in URLs and data and "Q3 2026" in words.
// A quarter's weeks are the organization's weeks that *start* inside it, so every week belongs
// to exactly one quarter and a week is never counted twice across two reports.
import { addMonths, firstDayOfMonth, lastDayOfMonth } from "./months";
import { isYearInRange } from "./range";
import { addDays, daysBetween, toUtcDate, weekStart, type IsoDate } from "./weeks";

export type QuarterId = `${number}-Q${1 | 2 | 3 | 4}`;

export type Quarter = {
  id: QuarterId;
  year: number;
  /** 1…4 */
  q: number;
  label: string;
  start: IsoDate;
  end: IsoDate;
};

const QUARTER_ID = /^(\d{4})-Q([1-4])$/;

/** "2026-Q3", of a year inside the calendar range (./range.ts): "0000-Q1" is no quarter. */
export function isQuarterId(value: string): value is QuarterId {
  const m = QUARTER_ID.exec(value);
  return m != null && isYearInRange(Number(m[1]));
}

export function quarterOf(year: number, q: number): Quarter {
  const firstMonth = `${year}-${String((q - 1) * 3 + 1).padStart(2, "0")}`;
  const start = firstDayOfMonth(firstMonth);
  const end = lastDayOfMonth(addMonths(firstMonth, 2));
  return { id: `${year}-Q${q}` as QuarterId, year, q, label: `Q${q} ${year}`, start, end };
}

/** The quarter an id names, or null when it is malformed or outside the calendar range. */
export function parseQuarter(id: string): Quarter | null {
  const m = QUARTER_ID.exec(id);
  return m && isYearInRange(Number(m[1])) ? quarterOf(Number(m[1]), Number(m[2])) : null;
}

export function quarterContaining(day: IsoDate): Quarter {
  const d = toUtcDate(day);
  return quarterOf(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) + 1);
}

export function shiftQuarter(quarter: Quarter, by: number): Quarter {
  const index = quarter.year * 4 + (quarter.q - 1) + by;
  return quarterOf(Math.floor(index / 4), (index % 4) + 1);
}

/** The start of every week that starts inside the quarter, oldest first. */
export function weeksOfQuarter(quarter: Quarter, weekStartsOn: number): IsoDate[] {
  let w = weekStart(quarter.start, weekStartsOn);
  if (w < quarter.start) w = addDays(w, 7);
  const out: IsoDate[] = [];
  for (; w <= quarter.end; w = addDays(w, 7)) out.push(w);
  return out;
}

/**
 * How far a report on the quarter can see on `today`: the whole quarter once it has ended;
 * otherwise up to the last ended week (a week still running would read as a drop).
 * Null when not one week of the quarter has ended yet.
 */
export function quarterCutoff(quarter: Quarter, today: IsoDate, weekStartsOn: number): { asOf: IsoDate; complete: boolean; weeks: IsoDate[] } | null {
  const all = weeksOfQuarter(quarter, weekStartsOn);
  // The quarter's last week may run past its end: it counts once it has ended too.
  const weeks = all.filter((w) => addDays(w, 6) < today);
  if (!weeks.length) return null;
  if (today > quarter.end) return { asOf: quarter.end, complete: weeks.length === all.length, weeks };
  return { asOf: addDays(weeks[weeks.length - 1]!, 6), complete: false, weeks };
}

/**
 * The quarter an export defaults to: the one just ended during the first four weeks of a new
 * quarter (reporting season), otherwise the current quarter to date.
 */
export function defaultReportQuarter(today: IsoDate, weekStartsOn: number): Quarter {
  const current = quarterContaining(today);
  const previous = shiftQuarter(current, -1);
  const inSeason = daysBetween(current.start, today) < 28;
  if (inSeason || !quarterCutoff(current, today, weekStartsOn)) return previous;
  return current;
}

/** The quarters a report can be made for, newest first: from `earliest` to today's quarter. */
export function reportableQuarters(earliest: IsoDate, today: IsoDate, weekStartsOn: number, max = 12): Quarter[] {
  const out: Quarter[] = [];
  for (let q = quarterContaining(today); q.end >= earliest && out.length < max; q = shiftQuarter(q, -1)) {
    if (quarterCutoff(q, today, weekStartsOn)) out.push(q);
  }
  return out;
}
