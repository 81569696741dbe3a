import { describe, expect, it } from "vitest";
import { buildOverlayChart } from "./overlayChart";

describe("lead vs lag overlay data", () => {
  const input = {
    lead: { name: "Coaching conversations", unit: "conversations" },
    lag: { name: "CSAT", unit: "%", direction: "HIGHER_IS_BETTER" as const },
    series: [
      { periodStart: "2026-01-05", lead: 12, lag: 80.123 },
      { periodStart: "2026-01-12", lead: 0, lag: null },
      { periodStart: "2026-01-19", lead: 7.5, lag: 82 },
    ],
  };

  it("keeps both series on the same weeks, a missing lag week as a gap", () => {
    const data = buildOverlayChart(input);
    expect(data.rows.map((r) => [r.weekStart, r.lead, r.lag])).toEqual([
      ["2026-01-05", 12, 80.12],
      ["2026-01-12", 0, null],
      ["2026-01-19", 7.5, 82],
    ]);
    expect(data.csv).toEqual({
      header: ["Week starting", "Coaching conversations (conversations)", "CSAT (%)"],
      rows: [
        ["2026-01-05", 12, 80.12],
        ["2026-01-12", 0, null],
        ["2026-01-19", 7.5, 82],
      ],
    });
  });

  it("labels months and says 'monthly' for a lag measure observed monthly", () => {
    const data = buildOverlayChart({
      ...input,
      cadence: "monthly",
      series: [
        { periodStart: "2026-10-01", lead: 40, lag: 88 },
        { periodStart: "2026-11-01", lead: 52, lag: 89.5 },
      ],
    });
    expect(data.rows.map((r) => r.label)).toEqual(["Oct 2026", "Nov 2026"]);
    expect(data.labels).toEqual(["Oct 2026", "Nov 2026"]);
    expect(data.csv.header[0]).toBe("Month");
    expect(data.summary).toBe(
      "Coaching conversations (monthly total, left axis) and CSAT (monthly mean, right axis, higher is better) over 2 months: " +
        "92 conversations in total; CSAT recorded in 2 of them, from 88% to 89.5%.",
    );
  });

  it("describes both axes and the lag's direction in words", () => {
    expect(buildOverlayChart(input).summary).toBe(
      "Coaching conversations (weekly total, left axis) and CSAT (weekly mean, right axis, higher is better) over 3 weeks: " +
        "19.5 conversations in total; CSAT recorded in 2 of them, from 80.1% to 82%.",
    );
  });
});
