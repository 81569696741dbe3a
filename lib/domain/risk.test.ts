import { describe, expect, it } from "vitest";
import { attainmentStatus, redStreak, riskReasons, type RiskInput } from "./risk";

const T = { green: 1, amber: 0.8 };
const weeks = (...attainments: (number | null)[]) =>
  attainments.map((attainment, i) => ({ weekStart: `2026-10-${String(5 + 7 * i).padStart(2, "0")}`, attainment }));
const calm: RiskInput = { leadWeeks: weeks(1, 1), checkIns: { held: 4, due: 4 }, lags: [] };

describe("a team's attainment colour", () => {
  it("follows the organization's thresholds", () => {
    expect(attainmentStatus(1, T)).toBe("green");
    expect(attainmentStatus(0.8, T)).toBe("amber");
    expect(attainmentStatus(0.79, T)).toBe("red");
    expect(attainmentStatus(null, T)).toBe("none");
    expect(attainmentStatus(0.85, { green: 0.9, amber: 0.85 })).toBe("amber");
  });
});

describe("red lead streak", () => {
  it("counts the red weeks running up to the latest", () => {
    expect(redStreak(weeks(0.5, 1, 0.5, 0.7, 0.2), T)).toBe(3);
    expect(redStreak(weeks(0.5, 0.5, 0.9), T)).toBe(0);
    expect(redStreak([], T)).toBe(0);
  });

  it("is broken by a week without a target", () => {
    expect(redStreak(weeks(0.5, 0.5, null, 0.5), T)).toBe(1);
  });

  it("flags two red weeks in a row, not one", () => {
    expect(riskReasons({ ...calm, leadWeeks: weeks(1, 0.5) }, T)).toEqual([]);
    expect(riskReasons({ ...calm, leadWeeks: weeks(1, 0.5, 0.6) }, T)).toEqual([
      { kind: "red-streak", text: "Lead measures behind target 2 weeks running (below 80% of target)." },
    ]);
  });

  it("an old streak that has ended is no longer a risk", () => {
    expect(riskReasons({ ...calm, leadWeeks: weeks(0.1, 0.1, 0.1, 1) }, T)).toEqual([]);
  });
});

describe("missed check-ins", () => {
  it("flags two or more of the last four weeks without a check-in", () => {
    expect(riskReasons({ ...calm, checkIns: { held: 3, due: 4 } }, T)).toEqual([]);
    expect(riskReasons({ ...calm, checkIns: { held: 2, due: 4 } }, T)).toEqual([
      { kind: "missed-check-ins", text: "Missed 2 of the last 4 weekly check-ins." },
    ]);
  });

  it("counts only the weeks the team existed", () => {
    expect(riskReasons({ ...calm, checkIns: { held: 0, due: 1 } }, T)).toEqual([]);
    expect(riskReasons({ ...calm, checkIns: { held: 0, due: 2 } }, T)[0]?.text).toBe("Missed 2 of the last 2 weekly check-ins.");
  });
});

describe("lags off their path", () => {
  it("names every lag measure behind its path, and only those", () => {
    const lags = [
      { name: "CSAT", status: "red" as const },
      { name: "NPS", status: "green" as const },
      { name: "Retention", status: "none" as const },
    ];
    expect(riskReasons({ ...calm, lags }, T)).toEqual([{ kind: "lag-off-path", text: "CSAT is off the path to target." }]);
    const three = ["CSAT", "NPS", "Resolution time"].map((name) => ({ name, status: "red" as const }));
    expect(riskReasons({ ...calm, lags: three }, T)[0]?.text).toBe("CSAT, NPS and Resolution time are off the path to target.");
  });
});

it("lists every reason that applies, leads first", () => {
  const input: RiskInput = {
    leadWeeks: weeks(0.3, 0.3),
    checkIns: { held: 0, due: 4 },
    lags: [{ name: "CSAT", status: "red" }],
  };
  expect(riskReasons(input, T).map((r) => r.kind)).toEqual(["red-streak", "missed-check-ins", "lag-off-path"]);
});
