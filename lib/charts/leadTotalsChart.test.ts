import { describe, expect, it } from "vitest";
import { buildLeadTotalsChart } from "./leadTotalsChart";

describe("lead totals chart data", () => {
  it("puts each team's weekly totals in week order, one series per team", () => {
    const data = buildLeadTotalsChart([
      { teamId: "b", teamName: "Billing", weekStart: "2026-11-16", total: 4, weeklyTarget: 10 },
      { teamId: "a", teamName: "Tier 1", weekStart: "2026-11-09", total: 7, weeklyTarget: 12 },
      { teamId: "a", teamName: "Tier 1", weekStart: "2026-11-16", total: 9, weeklyTarget: 12 },
      { teamId: "b", teamName: "Billing", weekStart: "2026-11-09", total: 0, weeklyTarget: 10 },
    ]);
    expect(data.weeks).toEqual(["2026-11-09", "2026-11-16"]);
    expect(data.series.map((s) => [s.teamName, s.totals])).toEqual([
      ["Billing", [0, 4]],
      ["Tier 1", [7, 9]],
    ]);
    expect(new Set(data.series.map((s) => s.colour)).size).toBe(2);
  });

  it("is empty without rows", () => {
    expect(buildLeadTotalsChart([])).toEqual({ weeks: [], series: [] });
  });
});
