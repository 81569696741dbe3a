import { describe, expect, it } from "vitest";
import { addMonths, lastDayOfMonth } from "./months";
import { isQuarterId, parseQuarter } from "./quarters";
import { FIRST_DAY, inCalendarRange, isCalendarDay, isYearInRange, LAST_DAY, OUT_OF_RANGE_MESSAGE } from "./range";

describe("the calendar range", () => {
  it("runs from 2000-01-01 to 2100-12-31, both included", () => {
    expect([FIRST_DAY, LAST_DAY]).toEqual(["2000-01-01", "2100-12-31"]);
    expect(OUT_OF_RANGE_MESSAGE).toBe("Dates must be between 2000-01-01 and 2100-12-31.");
    for (const day of ["2000-01-01", "2026-11-16", "2100-12-31"]) expect(isCalendarDay(day)).toBe(true);
    for (const day of ["1999-12-31", "2101-01-01", "0001-01-01", "0000-01-01", "9999-12-31"]) {
      expect(isCalendarDay(day)).toBe(false);
      expect(inCalendarRange(day)).toBe(false);
    }
  });

  it("refuses days that are not in the calendar at all", () => {
    for (const day of ["2026-02-29", "2026-13-01", "2026-1-1", "2026-01-01T00:00", "", "20260101"]) expect(isCalendarDay(day)).toBe(false);
  });

  it("knows its years", () => {
    expect([1999, 2000, 2100, 2101, 2026.5].map(isYearInRange)).toEqual([false, true, true, false, false]);
  });
});

describe("quarter ids", () => {
  it("name only quarters of the range: 0000-Q1 is not one (Date.UTC would read it as 1900)", () => {
    expect(isQuarterId("2026-Q3")).toBe(true);
    expect(isQuarterId("2000-Q1")).toBe(true);
    expect(isQuarterId("2100-Q4")).toBe(true);
    for (const id of ["0000-Q1", "0099-Q4", "1999-Q4", "2101-Q1", "9999-Q4", "2026-Q5", "2026-Q0", "26-Q1"]) {
      expect(isQuarterId(id)).toBe(false);
      expect(parseQuarter(id)).toBeNull();
    }
  });

  it("keep the month arithmetic exact at the range's edges", () => {
    expect(parseQuarter("2000-Q1")).toMatchObject({ start: "2000-01-01", end: "2000-03-31" });
    expect(parseQuarter("2100-Q4")).toMatchObject({ start: "2100-10-01", end: "2100-12-31" });
    expect(addMonths("2000-01", -1)).toBe("1999-12");
    expect(lastDayOfMonth("2100-02")).toBe("2100-02-28");
  });
});
