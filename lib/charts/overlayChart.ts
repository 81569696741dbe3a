// A lead measure's totals and a lag measure's means on one time axis with two y axes, so a
// manager can see whether the result moves some weeks after the activity. Weekly, or monthly
// (quarterly) for a lag measure observed monthly (quarterly): the chart shows the periods the
// analysis used. Pure: the table alternative and the CSV come from the same rows as the chart.
import { formatMeasure, formatNumber, formatWeek, monthWithYear, shortDay } from "@/lib/domain/format";
import { DIRECTION_LABEL, type Direction } from "@/lib/domain/status";
import { addDays, type IsoDate } from "@/lib/domain/calendar/weeks";
import { round2 } from "./lagChart";

export const OVERLAY_COLOURS = { lead: "rgba(217, 119, 6, 0.55)", leadBorder: "#b45309", lag: "#1d4ed8" } as const;

export type OverlayRow = { weekStart: IsoDate; label: string; lead: number | null; lag: number | null };

export type OverlayChartData = {
  rows: OverlayRow[];
  labels: string[];
  summary: string;
  /** The rows' period in words: "weekly"/"week"/"Week starting", or "monthly"/"month"/"Month". */
  period: { adj: string; noun: string; head: string };
  csv: { header: string[]; rows: (string | number | null)[][] };
};

export function buildOverlayChart(input: {
  lead: { name: string; unit: string };
  lag: { name: string; unit: string; direction: Direction };
  /** One point per period, oldest first; `periodStart` is the week's (month's, quarter's) first day. */
  series: readonly { periodStart: IsoDate; lead: number | null; lag: number | null }[];
  cadence?: "weekly" | "monthly" | "quarterly";
  locale?: string;
}): OverlayChartData {
  const { lead, lag, locale = "en-US", cadence = "weekly" } = input;
  const monthName = (start: IsoDate) => monthWithYear(start.slice(0, 7), locale);
  const periodLabel = (start: IsoDate) =>
    cadence === "monthly" ? monthName(start) : cadence === "quarterly" ? `Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1} ${start.slice(0, 4)}` : formatWeek({ start, end: addDays(start, 6) }, locale);
  const per = { weekly: { adj: "weekly", noun: "week", head: "Week starting" }, monthly: { adj: "monthly", noun: "month", head: "Month" }, quarterly: { adj: "quarterly", noun: "quarter", head: "Quarter starting" } }[cadence];
  const rows = input.series.map((w) => ({
    weekStart: w.periodStart,
    label: periodLabel(w.periodStart),
    lead: w.lead == null ? null : round2(w.lead),
    lag: w.lag == null ? null : round2(w.lag),
  }));
  const withLag = rows.filter((r) => r.lag != null);
  const total = round2(rows.reduce((s, r) => s + (r.lead ?? 0), 0));
  const n = (x: number) => formatNumber(x, locale, 2);
  const summary =
    `${lead.name} (${per.adj} total, left axis) and ${lag.name} (${per.adj} mean, right axis, ${DIRECTION_LABEL[lag.direction]}) over ${rows.length} ${per.noun}s: ` +
    `${n(total)} ${lead.unit || "in total"}${lead.unit ? " in total" : ""}; ` +
    (withLag.length
      ? `${lag.name} recorded in ${withLag.length} of them, from ${formatMeasure(withLag[0]!.lag!, lag.unit, locale)} to ${formatMeasure(withLag[withLag.length - 1]!.lag!, lag.unit, locale)}.`
      : `${lag.name} not recorded in these ${per.noun}s.`);
  return {
    rows,
    labels: rows.map((r) => (cadence === "weekly" ? shortDay(r.weekStart, locale) : r.label)),
    summary,
    period: per,
    csv: {
      header: [per.head, `${lead.name}${lead.unit ? ` (${lead.unit})` : ""}`, `${lag.name}${lag.unit ? ` (${lag.unit})` : ""}`],
      rows: rows.map((r) => [r.weekStart, r.lead, r.lag]),
    },
  };
}
