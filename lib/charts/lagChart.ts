// A lag measure over time for the trends page: its weekly means, the straight-line path from
// baseline to target, the baseline and target levels, and the forecast with its 80% and 95%
// bands. Pure: the chart component renders what this returns, and the table alternative and
// the CSV download come from the same rows, so the three can never disagree.
import { formatMeasure, formatWeek, shortDay } from "@/lib/domain/format";
import { DIRECTION_LABEL, lagPathValue, type Direction } from "@/lib/domain/status";
import { addDays, type IsoDate } from "@/lib/domain/calendar/weeks";

export const LAG_COLOURS = {
  onTrack: "#15803d",
  offTrack: "#b91c1c",
  path: "#4b5563",
  baseline: "#9ca3af",
  target: "#7c3aed",
  forecast: "#1d4ed8",
  band80: "rgba(29, 78, 216, 0.22)",
  band95: "rgba(29, 78, 216, 0.10)",
} as const;

export type LagGoalInput = {
  name: string;
  unit: string;
  direction: Direction;
  baseline: { value: number; date: IsoDate };
  target: { value: number; date: IsoDate };
};

export type ForecastInput = { weekStart: IsoDate; mean: number; lo80: number; hi80: number; lo95: number; hi95: number };

/** Whether a week's value is at or beyond the path in the measure's good direction. */
export type PathStatus = "on" | "off";

export type LagChartRow = {
  weekStart: IsoDate;
  label: string;
  kind: "observed" | "forecast";
  value: number | null;
  path: number;
  status: PathStatus | null;
  forecast: number | null;
  lo80: number | null;
  hi80: number | null;
  lo95: number | null;
  hi95: number | null;
};

export type LagChartData = {
  rows: LagChartRow[];
  /** Short x-axis labels ("12 Jan"), one per row. */
  labels: string[];
  baseline: number;
  target: number;
  /** One sentence for the chart's accessible name and the caption. */
  summary: string;
  csv: { header: string[]; rows: (string | number | null)[][] };
};

/** The charted numbers are rounded once, here, so the table, the CSV and the tooltips agree. */
export const round2 = (x: number) => Math.round(x * 100) / 100;

/** The week's value is judged against the path at the week's last day, as a check-in would. */
export function pathStatus(direction: Direction, value: number, path: number): PathStatus {
  const slack = 1e-9 * Math.max(1, Math.abs(path));
  return (direction === "LOWER_IS_BETTER" ? value <= path + slack : value >= path - slack) ? "on" : "off";
}

export function buildLagChart(input: {
  goal: LagGoalInput;
  history: readonly { weekStart: IsoDate; value: number | null }[];
  forecast: readonly ForecastInput[];
  locale?: string;
}): LagChartData {
  const { goal, locale = "en-US" } = input;
  const pathAt = (weekStart: IsoDate) => round2(lagPathValue(goal.baseline, goal.target, addDays(weekStart, 6)));
  const label = (weekStart: IsoDate) => formatWeek({ start: weekStart, end: addDays(weekStart, 6) }, locale);
  const empty = { forecast: null, lo80: null, hi80: null, lo95: null, hi95: null };

  const rows: LagChartRow[] = [
    ...input.history.map((w): LagChartRow => {
      const path = pathAt(w.weekStart);
      const value = w.value == null ? null : round2(w.value);
      return { weekStart: w.weekStart, label: label(w.weekStart), kind: "observed", value, path, status: value == null ? null : pathStatus(goal.direction, value, path), ...empty };
    }),
    ...input.forecast.map(
      (p): LagChartRow => ({
        weekStart: p.weekStart,
        label: label(p.weekStart),
        kind: "forecast",
        value: null,
        path: pathAt(p.weekStart),
        status: null,
        forecast: round2(p.mean),
        lo80: round2(p.lo80),
        hi80: round2(p.hi80),
        lo95: round2(p.lo95),
        hi95: round2(p.hi95),
      }),
    ),
  ];

  return {
    rows,
    labels: rows.map((r) => shortDay(r.weekStart, locale)),
    baseline: goal.baseline.value,
    target: goal.target.value,
    summary: summarize(goal, rows, locale),
    csv: {
      header: ["Week starting", `Weekly mean${goal.unit ? ` (${goal.unit})` : ""}`, "Path", "On the path", "Forecast", "80% low", "80% high", "95% low", "95% high"],
      rows: rows.map((r) => [r.weekStart, r.value, r.path, r.status == null ? null : r.status === "on" ? "yes" : "no", r.forecast, r.lo80, r.hi80, r.lo95, r.hi95]),
    },
  };
}

/** Where the measure stands and where its trend leads, in the measure's direction. */
function summarize(goal: LagGoalInput, rows: readonly LagChartRow[], locale: string): string {
  const v = (x: number) => formatMeasure(x, goal.unit, locale);
  const better = goal.direction === "LOWER_IS_BETTER" ? "below" : "above";
  const worse = goal.direction === "LOWER_IS_BETTER" ? "above" : "below";
  const parts = [`${goal.name}, ${DIRECTION_LABEL[goal.direction]}: goal from ${v(goal.baseline.value)} to ${v(goal.target.value)}.`];
  const latest = [...rows].reverse().find((r) => r.kind === "observed" && r.value != null);
  if (latest) {
    const where = latest.status === "on" ? `on track, at or ${better} the path (${v(latest.path)})` : `off track, ${worse} the path (${v(latest.path)})`;
    parts.push(`Latest weekly mean ${v(latest.value!)} in the week of ${latest.label}: ${where}.`);
  } else {
    parts.push("No values in these weeks.");
  }
  const last = rows[rows.length - 1];
  if (last?.kind === "forecast" && last.forecast != null) {
    const onPath = pathStatus(goal.direction, last.forecast, last.path) === "on";
    parts.push(
      `If the trend holds, about ${v(last.forecast)} in the week of ${last.label} (80% range ${v(last.lo80!)} to ${v(last.hi80!)}), ` +
        `${onPath ? `at or ${better}` : worse} the path's ${v(last.path)}.`,
    );
  }
  return parts.join(" ");
}
