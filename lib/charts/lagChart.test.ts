import { describe, expect, it } from "vitest";
import { buildLagChart, pathStatus } from "./lagChart";

// Resolution time from 26 hours (week of 5 Jan 2026 … its Sunday 11 Jan) to 18 hours by Sun 8 Mar:
// the path falls by 1 hour a week.
const resolution = {
  name: "Resolution time",
  unit: "hours",
  direction: "LOWER_IS_BETTER" as const,
  baseline: { value: 26, date: "2026-01-11" },
  target: { value: 18, date: "2026-03-08" },
};

describe("lag chart data", () => {
  it("judges each week against the path at its last day, in the measure's direction", () => {
    const data = buildLagChart({
      goal: resolution,
      history: [
        { weekStart: "2026-01-12", value: 24.5 }, // path 25: below it, which is good here
        { weekStart: "2026-01-19", value: null },
        { weekStart: "2026-01-26", value: 23.456 }, // path 23: above it
      ],
      forecast: [],
    });
    expect(data.rows.map((r) => [r.weekStart, r.value, r.path, r.status])).toEqual([
      ["2026-01-12", 24.5, 25, "on"],
      ["2026-01-19", null, 24, null],
      ["2026-01-26", 23.46, 23, "off"],
    ]);
    expect(data.summary).toContain("lower is better");
    expect(data.summary).toContain("Latest weekly mean 23.5 hours in the week of Jan 26 – Feb 1 2026: off track, above the path (23 hours).");
  });

  it("reads the same values the other way round for a higher-is-better measure", () => {
    expect(pathStatus("HIGHER_IS_BETTER", 24.5, 25)).toBe("off");
    expect(pathStatus("LOWER_IS_BETTER", 24.5, 25)).toBe("on");
    expect(pathStatus("HIGHER_IS_BETTER", 25, 25)).toBe("on");
  });

  it("appends the forecast weeks with their bands, and puts the same numbers in the CSV", () => {
    const data = buildLagChart({
      goal: resolution,
      history: [{ weekStart: "2026-03-02", value: 17.5 }], // the deadline week: the path is at the target
      forecast: [{ weekStart: "2026-03-09", mean: 18.123, lo80: 17.5, hi80: 18.75, lo95: 17, hi95: 19.25 }],
    });
    expect(data.rows[1]).toMatchObject({ kind: "forecast", value: null, path: 18, forecast: 18.12, lo80: 17.5, hi95: 19.25 });
    expect(data.labels).toEqual(["Mar 2", "Mar 9"]);
    expect(data.csv.header).toEqual(["Week starting", "Weekly mean (hours)", "Path", "On the path", "Forecast", "80% low", "80% high", "95% low", "95% high"]);
    expect(data.csv.rows).toEqual([
      ["2026-03-02", 17.5, 18, "yes", null, null, null, null, null],
      ["2026-03-09", null, 18, null, 18.12, 17.5, 18.75, 17, 19.25],
    ]);
    expect(data.summary).toContain("If the trend holds, about 18.1 hours in the week of Mar 9 – Mar 15 2026 (80% range 17.5 hours to 18.8 hours), above the path's 18 hours.");
  });

  it("says so when the weeks hold no value", () => {
    const data = buildLagChart({ goal: resolution, history: [{ weekStart: "2026-01-12", value: null }], forecast: [] });
    expect(data.summary).toContain("No values in these weeks.");
  });
});
