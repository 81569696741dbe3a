import { describe, expect, it } from "vitest";
import { addDays, currentWeekStart, isIsoDate, isoWeek, isoWeekLabel, lastWeekStarts, localDay, weekOf, weekStart } from "./weeks";

describe("weeks", () => {
  it.each([
    // day, weekStartsOn, expected start
    ["2026-11-22", 1, "2026-11-16"], // a Sunday belongs to the Monday-started week before it
    ["2026-11-23", 1, "2026-11-23"], // a Monday starts its own week
    ["2026-11-22", 0, "2026-11-22"], // with Sunday starts, Sunday starts the week
    ["2026-11-21", 0, "2026-11-15"],
    ["2027-01-01", 1, "2026-12-28"], // weeks run across the new year
    ["2024-03-03", 1, "2024-02-26"], // leap year February
  ])("the week of %s (first day %i) starts on %s", (day, ws, start) => {
    expect(weekStart(day, ws)).toBe(start);
    expect(weekOf(day, ws).end).toBe(addDays(start, 6));
  });

  it("lists the last weeks oldest first, ending with the current one", () => {
    expect(lastWeekStarts("2026-11-22", 1, 3)).toEqual(["2026-11-02", "2026-11-09", "2026-11-16"]);
  });

  it("reads the local day of an instant in the organization's time zone", () => {
    const instant = new Date("2026-11-23T03:30:00Z");
    expect(localDay(instant, "UTC")).toBe("2026-11-23");
    expect(localDay(instant, "America/Los_Angeles")).toBe("2026-11-22");
    expect(localDay(instant, "Asia/Tokyo")).toBe("2026-11-23");
  });

  it("keeps whole days across a daylight-saving change", () => {
    // Europe/London moves its clocks on 2026-03-29.
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(localDay(new Date("2026-03-29T23:30:00Z"), "Europe/London")).toBe("2026-03-30");
  });

  it("accepts only real ISO dates", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("22/11/2026")).toBe(false);
    expect(isIsoDate("2026-1-5")).toBe(false);
  });
});

describe("ISO week numbers", () => {
  it.each([
    ["2026-01-01", 2026, 1], // a Thursday: week 1
    ["2021-01-03", 2020, 53], // a Sunday still in 2020's week 53
    ["2020-12-31", 2020, 53],
    ["2021-01-04", 2021, 1],
    ["2026-12-31", 2026, 53], // 2026 has 53 ISO weeks
    ["2027-01-03", 2026, 53],
    ["2027-01-04", 2027, 1],
    ["2025-12-29", 2026, 1], // a Monday of late December already in next year's week 1
    ["2026-11-22", 2026, 47],
  ])("%s is in week %i-W%i", (day, year, week) => {
    expect(isoWeek(day)).toEqual({ year, week });
  });

  it("labels weeks as YYYY-Www", () => {
    expect(isoWeekLabel("2021-01-03")).toBe("2020-W53");
  });
});

describe("the current week in the organization's time zone", () => {
  // Sunday 2026-11-22 23:30 in New York is already Monday 04:30 UTC.
  const instant = new Date("2026-11-23T04:30:00Z");
  it.each([
    ["UTC", 1, "2026-11-23"],
    ["America/New_York", 1, "2026-11-16"],
    ["America/New_York", 0, "2026-11-22"],
    ["Pacific/Auckland", 1, "2026-11-23"],
  ] as const)("in %s with first day %i it starts on %s", (tz, ws, start) => {
    expect(currentWeekStart(instant, tz, ws)).toBe(start);
  });

  it("is unaffected by a daylight-saving change inside the week", () => {
    // US clocks go back on Sunday 2026-11-01: the week of Mon 2026-10-26 still has 7 days.
    const start = currentWeekStart(new Date("2026-11-01T12:00:00Z"), "America/New_York", 1);
    expect(start).toBe("2026-10-26");
    expect(weekOf(start, 1).end).toBe("2026-11-01");
    expect(currentWeekStart(new Date("2026-11-02T04:59:00Z"), "America/New_York", 1)).toBe("2026-10-26");
    expect(currentWeekStart(new Date("2026-11-02T05:00:00Z"), "America/New_York", 1)).toBe("2026-11-02");
  });
});
