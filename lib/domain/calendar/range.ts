// The calendar Leadlag works in: 2000-01-01 to 2100-12-31. Every date, week and quarter that
// comes in (API bodies and query strings, forms, CSV values, quarter ids) must fall inside it.
// Outside it nothing is meaningful for a performance record, and the date arithmetic stops being
// safe: Date.UTC reads years 0–99 as 1900–1999, and a report over year 0000 or 9999 asks for
// thousands of years of weeks.
import { isIsoDate, type IsoDate } from "./weeks";

export const FIRST_DAY: IsoDate = "2000-01-01";
export const LAST_DAY: IsoDate = "2100-12-31";
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

export const OUT_OF_RANGE_MESSAGE = `Dates must be between ${FIRST_DAY} and ${LAST_DAY}.`;
export const QUARTER_OUT_OF_RANGE_MESSAGE = `Quarters must be between ${FIRST_YEAR}-Q1 and ${LAST_YEAR}-Q4.`;

/** A YYYY-MM-DD string inside the range (the format is not checked: see isCalendarDay). */
export function inCalendarRange(day: IsoDate): boolean {
  return day >= FIRST_DAY && day <= LAST_DAY;
}

export function isYearInRange(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** A real calendar day (YYYY-MM-DD) inside the range. */
export function isCalendarDay(value: string): boolean {
  return isIsoDate(value) && inCalendarRange(value);
}
