// The attainment heatmap's cells, colours, tooltips, table alternative and CSV, from the
// heatmap query. Pure: the chart component only renders what this returns. Colours follow the
// organization's thresholds (the same rule as every lead status); lead attainment is always
// "higher is better", so no direction applies here.
import { attainmentStatus } from "@/lib/domain/risk";
import { STATUS_LABEL, type Status, type Thresholds } from "@/lib/domain/status";
import type { LeadAttainmentHeatmap } from "@/lib/domain/leadWeeks";

/** Fills with enough contrast against white cell borders; "none" is a light grey, not a colour. */
export const STATUS_FILL: Record<Status, string> = {
  green: "#16a34a",
  amber: "#f59e0b",
  red: "#dc2626",
  none: "#e5e7eb",
};

export type HeatmapPoint = { x: string; y: string; v: number | null; fill: string; tooltip: string };

export type HeatmapChartData = {
  /** The weeks (ISO dates, unique across years) are the x categories; xLabels are how they read. */
  weeks: string[];
  xLabels: string[];
  yLabels: string[];
  points: HeatmapPoint[];
  /** The table alternative: one row per team, one cell per week. */
  rows: { teamId: string; teamName: string; cells: { text: string; status: Status }[] }[];
  csv: { header: string[]; rows: (string | number | null)[][] };
  legend: { status: Status; label: string; fill: string }[];
};

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * `weekLabels` are the short axis labels of `heatmap.weeks`, in the organization's locale.
 * Team names label the rows; two teams cannot share a name within an organization.
 */
export function buildHeatmapChart(heatmap: LeadAttainmentHeatmap, thresholds: Thresholds, weekLabels: readonly string[]): HeatmapChartData {
  const xLabels = [...weekLabels];
  const yLabels = heatmap.teams.map((t) => t.teamName);
  const points: HeatmapPoint[] = [];
  const rows: HeatmapChartData["rows"] = [];
  for (const team of heatmap.teams) {
    const cells = team.cells.map((cell, i) => {
      const status = attainmentStatus(cell.attainment, thresholds);
      const text = cell.attainment == null ? "no target" : percent(cell.attainment);
      // With several measures, say how the mean came about.
      const counts = cell.measures > 1 ? ` (${cell.green} on target, ${cell.amber} close, ${cell.red} behind)` : "";
      points.push({
        x: heatmap.weeks[i]!,
        y: team.teamName,
        v: cell.attainment,
        fill: STATUS_FILL[status],
        tooltip: `${team.teamName}, week of ${xLabels[i]}: ${cell.attainment == null ? "no target" : `${text} of target, ${STATUS_LABEL[status].toLowerCase()}`}${counts}`,
      });
      return { text, status };
    });
    rows.push({ teamId: team.teamId, teamName: team.teamName, cells });
  }
  const csv = {
    header: ["Team", ...heatmap.weeks.map((w) => `${w} (% of target)`)],
    rows: heatmap.teams.map((t) => [t.teamName, ...t.cells.map((c) => (c.attainment == null ? null : Math.round(c.attainment * 1000) / 10))]),
  };
  const legend = [
    { status: "green" as const, label: `On target: ${percent(thresholds.green)} or more` },
    { status: "amber" as const, label: `Close: ${percent(thresholds.amber)} to ${percent(thresholds.green)}` },
    { status: "red" as const, label: `Behind: under ${percent(thresholds.amber)}` },
    { status: "none" as const, label: "No target that week" },
  ].map((l) => ({ ...l, fill: STATUS_FILL[l.status] }));
  return { weeks: [...heatmap.weeks], xLabels, yLabels, points, rows, csv, legend };
}
