import { describe, expect, it } from "vitest";
import { addDays, isIsoDate, lastWeekStarts, localDay, weekOf, weekStart } from "./weeks";

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
