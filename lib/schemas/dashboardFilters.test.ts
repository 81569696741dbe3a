import { describe, expect, it } from "vitest";
import { filtersToQuery, parseFilters, weeksOf } from "./dashboardFilters";

const TODAY = "2026-11-22"; // a Sunday; Monday weeks → current week starts 2026-11-16

describe("dashboard filters in the URL", () => {
  it("defaults to the last 13 weeks, all teams", () => {
    const f = parseFilters({}, TODAY, 1);
    expect(f).toEqual({ firstWeek: "2026-08-24", lastWeek: "2026-11-16", teamIds: [], leadMeasureId: null, lagMeasureId: null });
    expect(weeksOf(f)).toHaveLength(13);
  });

  it("reads a shared view back exactly", () => {
    const teams = ["6f1c1f9e-0b7a-4c55-9d8e-2f0f3f5a9b11", "0c3b0f2e-7a4d-4b8e-9c1a-5d6e7f8a9b22"];
    const query = filtersToQuery({ firstWeek: "2026-09-07", lastWeek: "2026-11-09", teamIds: teams });
    const f = parseFilters(Object.fromEntries(new URLSearchParams(query)), TODAY, 1);
    expect(f).toMatchObject({ firstWeek: "2026-09-07", lastWeek: "2026-11-09", teamIds: teams });
  });

  it("snaps dates to week starts and never runs past this week or before two years", () => {
    expect(parseFilters({ from: "2026-09-09", to: "2027-01-01" }, TODAY, 1)).toMatchObject({ firstWeek: "2026-09-07", lastWeek: "2026-11-16" });
    expect(parseFilters({ from: "2020-01-01" }, TODAY, 1).firstWeek).toBe("2024-11-25");
  });

  it("ignores malformed values instead of failing", () => {
    const f = parseFilters({ from: "yesterday", teams: "x,'; drop table,6f1c1f9e-0b7a-4c55-9d8e-2f0f3f5a9b11", lead: "nope" }, TODAY, 1);
    expect(f).toMatchObject({ firstWeek: "2026-08-24", teamIds: ["6f1c1f9e-0b7a-4c55-9d8e-2f0f3f5a9b11"], leadMeasureId: null });
  });
});
