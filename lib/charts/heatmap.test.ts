import { describe, expect, it } from "vitest";
import { buildHeatmapChart, STATUS_FILL } from "./heatmap";

const cell = (weekStart: string, attainment: number | null, measures = 1, counts = [0, 0, 0]) => ({
  weekStart,
  attainment,
  measures,
  green: counts[0]!,
  amber: counts[1]!,
  red: counts[2]!,
});

const heatmap = {
  weeks: ["2026-11-09", "2026-11-16"],
  cap: 1.5,
  teams: [
    { teamId: "a", teamName: "Alpha", cells: [cell("2026-11-09", 0.5, 2, [0, 0, 2]), cell("2026-11-16", 0.875, 2, [1, 0, 1])] },
    { teamId: "g", teamName: "Gamma", cells: [cell("2026-11-09", null, 0), cell("2026-11-16", 1)] },
  ],
};

describe("the attainment heatmap", () => {
  const chart = buildHeatmapChart(heatmap, { green: 1, amber: 0.8 }, ["9 Nov", "16 Nov"]);

  it("has a cell per team and week, coloured at the organization's thresholds", () => {
    expect(chart.yLabels).toEqual(["Alpha", "Gamma"]);
    expect(chart.points.map((p) => [p.y, p.x, p.fill])).toEqual([
      ["Alpha", "2026-11-09", STATUS_FILL.red],
      ["Alpha", "2026-11-16", STATUS_FILL.amber],
      ["Gamma", "2026-11-09", STATUS_FILL.none],
      ["Gamma", "2026-11-16", STATUS_FILL.green],
    ]);
    const strict = buildHeatmapChart(heatmap, { green: 1.2, amber: 0.9 }, ["9 Nov", "16 Nov"]);
    expect(strict.points.map((p) => p.fill)).toEqual([STATUS_FILL.red, STATUS_FILL.red, STATUS_FILL.none, STATUS_FILL.amber]);
  });

  it("says each cell in words, for the tooltip and the table", () => {
    expect(chart.points[1]!.tooltip).toBe("Alpha, week of 16 Nov: 88% of target, close (1 on target, 0 close, 1 behind)");
    expect(chart.points[2]!.tooltip).toBe("Gamma, week of 9 Nov: no target");
    expect(chart.rows[1]!.cells).toEqual([
      { text: "no target", status: "none" },
      { text: "100%", status: "green" },
    ]);
  });

  it("downloads the charted percentages, empty where there was no target", () => {
    expect(chart.csv.header).toEqual(["Team", "2026-11-09 (% of target)", "2026-11-16 (% of target)"]);
    expect(chart.csv.rows).toEqual([
      ["Alpha", 50, 87.5],
      ["Gamma", null, 100],
    ]);
  });

  it("explains the colours with the thresholds", () => {
    expect(chart.legend.map((l) => l.label)).toEqual(["On target: 100% or more", "Close: 80% to 100%", "Behind: under 80%", "No target that week"]);
  });
});
