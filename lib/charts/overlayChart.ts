// A lead measure's weekly totals and a lag measure's weekly means on one time axis with two
// y axes, so a manager can see whether the result moves some weeks after the activity. Pure:
// the table alternative and the CSV come from the same rows as the chart.
import { formatMeasure, formatNumber, formatWeek, shortDay } from "@/lib/domain/format";
import { DIRECTION_LABEL, type Direction } from "@/lib/domain/status";
import { addDays, type IsoDate } from "@/lib/domain/calendar/weeks";
import { round2 } from "./lagChart";

export const OVERLAY_COLOURS = { lead: "rgba(217, 119, 6, 0.55)", leadBorder: "#b45309", lag: "#1d4ed8" } as const;

export type OverlayRow = { weekStart: IsoDate; label: string; lead: number | null; lag: number | null };

export type OverlayChartData = {
  rows: OverlayRow[];
  labels: string[];
  summary: string;
  csv: { header: string[]; rows: (string | number | null)[][] };
};

export function buildOverlayChart(input: {
  lead: { name: string; unit: string };
  lag: { name: string; unit: string; direction: Direction };
  series: readonly { weekStart: IsoDate; lead: number | null; lag: number | null }[];
  locale?: string;
}): OverlayChartData {
  const { lead, lag, locale = "en-US" } = input;
  const rows = input.series.map((w) => ({
    weekStart: w.weekStart,
    label: formatWeek({ start: w.weekStart, end: addDays(w.weekStart, 6) }, locale),
    lead: w.lead == null ? null : round2(w.lead),
    lag: w.lag == null ? null : round2(w.lag),
  }));
  const withLag = rows.filter((r) => r.lag != null);
  const total = round2(rows.reduce((s, r) => s + (r.lead ?? 0), 0));
  const n = (x: number) => formatNumber(x, locale, 2);
  const summary =
    `${lead.name} (weekly total, left axis) and ${lag.name} (weekly mean, right axis, ${DIRECTION_LABEL[lag.direction]}) over ${rows.length} weeks: ` +
    `${n(total)} ${lead.unit || "in total"}${lead.unit ? " in total" : ""}; ` +
    (withLag.length
      ? `${lag.name} recorded in ${withLag.length} of them, from ${formatMeasure(withLag[0]!.lag!, lag.unit, locale)} to ${formatMeasure(withLag[withLag.length - 1]!.lag!, lag.unit, locale)}.`
      : `${lag.name} not recorded in these weeks.`);
  return {
    rows,
    labels: rows.map((r) => shortDay(r.weekStart, locale)),
    summary,
    csv: {
      header: ["Week starting", `${lead.name}${lead.unit ? ` (${lead.unit})` : ""}`, `${lag.name}${lag.unit ? ` (${lag.unit})` : ""}`],
      rows: rows.map((r) => [r.weekStart, r.lead, r.lag]),
    },
  };
}
