import { describe, expect, it } from "vitest";
import { defaultReportQuarter, parseQuarter, quarterContaining, quarterCutoff, reportableQuarters, shiftQuarter, weeksOfQuarter } from "./quarters";

describe("quarters", () => {
  it("names, parses and shifts calendar quarters across years", () => {
    expect(parseQuarter("2026-Q4")).toMatchObject({ label: "Q4 2026", start: "2026-10-01", end: "2026-12-31" });
    expect(parseQuarter("2026-Q5")).toBeNull();
    expect(shiftQuarter(parseQuarter("2026-Q1")!, -1).id).toBe("2025-Q4");
    expect(shiftQuarter(parseQuarter("2026-Q4")!, 1).id).toBe("2027-Q1");
    expect(quarterContaining("2024-02-29").id).toBe("2024-Q1");
  });

  it("gives each week to the quarter it starts in, whatever the first day of the week", () => {
    const q3 = parseQuarter("2026-Q3")!;
    const monday = weeksOfQuarter(q3, 1);
    expect(monday[0]).toBe("2026-07-06");
    expect(monday.at(-1)).toBe("2026-09-28"); // runs into October, still Q3's
    expect(weeksOfQuarter(shiftQuarter(q3, 1), 1)[0]).toBe("2026-10-05");
    expect(weeksOfQuarter(q3, 0)[0]).toBe("2026-07-05");
  });

  it("counts ended weeks only while a quarter is in progress", () => {
    const q4 = parseQuarter("2026-Q4")!;
    expect(quarterCutoff(q4, "2026-12-01", 1)).toMatchObject({ asOf: "2026-11-29", complete: false });
    expect(quarterCutoff(q4, "2026-10-05", 1)).toBeNull();
    expect(quarterCutoff(parseQuarter("2026-Q3")!, "2026-10-06", 1)).toMatchObject({ asOf: "2026-09-30", complete: true });
  });

  it("defaults to the quarter just ended in the first four weeks of a new one, else the current one", () => {
    expect(defaultReportQuarter("2026-10-10", 1).id).toBe("2026-Q3");
    expect(defaultReportQuarter("2026-12-01", 1).id).toBe("2026-Q4");
    expect(reportableQuarters("2026-05-01", "2026-12-01", 1).map((q) => q.id)).toEqual(["2026-Q4", "2026-Q3", "2026-Q2"]);
  });
});
