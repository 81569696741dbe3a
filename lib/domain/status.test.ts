import { describe, expect, it } from "vitest";
import {
  attainment,
  lagChange,
  lagGoalText,
  lagPathValue,
  lagStatus,
  leadStatus,
  type Direction,
} from "./status";
import { formatMeasure } from "./format";

describe("lead status", () => {
  it.each([
    [10, 10, "green"],
    [12, 10, "green"],
    [8, 10, "amber"],
    [7.99, 10, "red"],
    [0, 10, "red"],
  ] as const)("%d of a target of %d is %s", (actual, target, status) => {
    expect(leadStatus(actual, target)).toBe(status);
  });

  it("has no status without a positive target", () => {
    expect(leadStatus(5, 0)).toBe("none");
    expect(leadStatus(5, null)).toBe("none");
    expect(attainment(5, undefined)).toBeNull();
  });

  it("honours the organization's thresholds", () => {
    expect(leadStatus(9, 10, { green: 0.9, amber: 0.5 })).toBe("green");
    expect(leadStatus(4, 10, { green: 0.9, amber: 0.5 })).toBe("red");
  });
});

// Resolution time: from 26 hours on 1 Jan to 18 hours on 1 Jan next year (365 days), lower is
// better. CSAT: from 78% to 88% over the same year, higher is better.
const RESOLUTION = { direction: "LOWER_IS_BETTER", baselineValue: 26, baselineDate: "2026-01-01", targetValue: 18, targetDate: "2027-01-01" } as const;
const CSAT = { direction: "HIGHER_IS_BETTER", baselineValue: 78, baselineDate: "2026-01-01", targetValue: 88, targetDate: "2027-01-01" } as const;
const MID_YEAR = "2026-07-02"; // day 182 of 365: the path is at 26 − 8 × 182/365 ≈ 22.01 and 78 + 10 × 182/365 ≈ 82.99

describe("the straight-line path from baseline to target", () => {
  const base = { value: 26, date: "2026-01-01" };
  const target = { value: 18, date: "2027-01-01" };
  it.each([
    ["on the baseline date", "2026-01-01", 26],
    ["before the baseline (nothing promised yet)", "2025-06-01", 26],
    ["half-way", MID_YEAR, 26 - (8 * 182) / 365],
    ["on the deadline", "2027-01-01", 18],
    ["after the deadline (clamped to the target)", "2027-09-01", 18],
  ])("%s", (_what, date, expected) => {
    expect(lagPathValue(base, target, date)).toBeCloseTo(expected, 9);
  });

  it("is the target from the baseline on when the deadline is not after the baseline", () => {
    expect(lagPathValue(base, { value: 18, date: "2026-01-01" }, "2026-01-01")).toBe(18);
    expect(lagPathValue(base, { value: 18, date: "2026-01-01" }, "2025-12-31")).toBe(26);
  });
});

describe("lag status", () => {
  const at = (value: number, date = MID_YEAR) => ({ value, date });
  it.each([
    ["resolution time dropped below the path", RESOLUTION, at(21), "green"],
    ["resolution time above the path", RESOLUTION, at(23), "red"],
    ["resolution time still at the baseline half-way", RESOLUTION, at(26), "red"],
    ["resolution time exactly on the path", RESOLUTION, at(26 - (8 * 182) / 365), "green"],
    ["resolution time before the baseline date, below the baseline", RESOLUTION, at(25, "2025-12-01"), "green"],
    ["resolution time before the baseline date, above the baseline", RESOLUTION, at(27, "2025-12-01"), "red"],
    ["resolution time after the deadline, target met", RESOLUTION, at(17.5, "2027-03-01"), "green"],
    ["resolution time after the deadline, target missed", RESOLUTION, at(18.5, "2027-03-01"), "red"],
    ["CSAT above the path", CSAT, at(84), "green"],
    ["CSAT below the path", CSAT, at(82), "red"],
    ["CSAT exactly on the path", CSAT, at(78 + (10 * 182) / 365), "green"],
    ["CSAT before the baseline date, at the baseline", CSAT, at(78, "2025-12-01"), "green"],
    ["CSAT after the deadline, short of the target", CSAT, at(87.9, "2027-02-01"), "red"],
    ["CSAT after the deadline, target met", CSAT, at(88, "2027-02-01"), "green"],
  ] as const)("%s is %s", (_what, goal, latest, status) => {
    expect(lagStatus({ ...goal, latest })).toBe(status);
  });

  it("the same value is green for a lower-is-better measure and red for a higher-is-better one", () => {
    const goal = { baselineValue: 50, baselineDate: "2026-01-01", targetValue: 50, targetDate: "2027-01-01" };
    expect(lagStatus({ ...goal, direction: "LOWER_IS_BETTER", latest: at(49) })).toBe("green");
    expect(lagStatus({ ...goal, direction: "HIGHER_IS_BETTER", latest: at(49) })).toBe("red");
  });

  it("has no status without an observation", () => {
    expect(lagStatus({ ...RESOLUTION, latest: null })).toBe("none");
  });
});

describe("lag change: arrow, word and colour follow the direction", () => {
  it.each([
    ["LOWER_IS_BETTER", 26, 21, "↓", "improving", "green"],
    ["LOWER_IS_BETTER", 26, 28, "↑", "worsening", "red"],
    ["HIGHER_IS_BETTER", 78, 84, "↑", "improving", "green"],
    ["HIGHER_IS_BETTER", 78, 75, "↓", "worsening", "red"],
    ["HIGHER_IS_BETTER", 78, 78, "→", "unchanged", "none"],
  ] as const)("%s from %d to %d: %s %s", (direction: Direction, from, to, arrow, word, tone) => {
    expect(lagChange(direction, from, to)).toEqual({ arrow, word, tone });
  });
});

describe("lag goal text", () => {
  it("writes the goal as from X to Y by when, with units", () => {
    expect(lagGoalText({ baselineValue: 26, targetValue: 18, targetDate: "2027-05-31", unit: "hours" }, "en-GB")).toBe(
      "from 26 hours to 18 hours by 31 May 2027",
    );
    expect(lagGoalText({ baselineValue: 78, targetValue: 88.5, targetDate: "2027-01-31", unit: "%" }, "en-US")).toBe(
      "from 78% to 88.5% by Jan 31, 2027",
    );
    expect(formatMeasure(22, "", "en-US")).toBe("22");
  });
});
