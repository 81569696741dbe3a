import { describe, expect, it } from "vitest";
import { addMonths, firstDayOfMonth, lastDayOfMonth, monthOf, monthsBetween } from "./months";

describe("months", () => {
  it("names the month of a day and steps across years", () => {
    expect(monthOf("2026-01-19")).toBe("2026-01");
    expect(addMonths("2026-11", 3)).toBe("2027-02");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
  });

  it("lists the months between two months, both included, and none when they are reversed", () => {
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsBetween("2026-03", "2026-02")).toEqual([]);
  });

  it("finds a month's first and last days, leap years included", () => {
    expect(firstDayOfMonth("2026-04")).toBe("2026-04-01");
    expect(lastDayOfMonth("2024-02")).toBe("2024-02-29");
    expect(lastDayOfMonth("2026-02")).toBe("2026-02-28");
    expect(lastDayOfMonth("2026-12")).toBe("2026-12-31");
  });
});
