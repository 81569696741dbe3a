// The report's three kinds of chart as plain ChartSpecs: lead attainment by week, each lag
// against its path with the forecast band, and cumulative benefits against costs. The page draws
// them with chart.js in the browser and the PDF embeds a PNG of the same chart.js chart.
import { LAG_COLOURS } from "@/lib/charts/lagChart";
import { lagPathValue } from "@/lib/domain/status";
import { addDays } from "@/lib/domain/calendar/weeks";
import type { ChartDataset, ChartSpec } from "../document";
import type { LagSnapshot, ProgramRoiSnapshot, ReportSnapshot } from "../snapshot/types";
import type { Writer } from "./format";

/** Team lines are drawn one by one up to this many teams; beyond, the best and the weakest. */
const MAX_TEAM_LINES = 6;
const TEAM_COLOURS = ["#1d4ed8", "#15803d", "#b45309", "#7c3aed", "#be123c", "#0f766e"];
const GREY = "#6b7280";
const MONEY = { cost: "#475569", benefit: "#15803d", band: "rgba(21, 128, 61, 0.15)" };

const round2 = (v: number | null) => (v == null || !Number.isFinite(v) ? null : Math.round(v * 100) / 100);
/** `xs` with `before` gaps in front and `after` behind: a series placed on a longer axis. */
const pad = <T,>(xs: T[], before: number, after: number) => [...Array<null>(before).fill(null), ...xs, ...Array<null>(after).fill(null)];
const shortDay = (w: Writer, d: string) => w.day(d).replace(/,? \d{4}$/, "");

export function leadAttainmentChart(s: ReportSnapshot, w: Writer): ChartSpec {
  const weeks = s.quarter.weeks;
  const withData = s.teams.filter((t) => t.attainment != null);
  const ranked = [...withData].sort((a, b) => b.attainment! - a.attainment! || a.name.localeCompare(b.name));
  const shown = ranked.length <= MAX_TEAM_LINES ? ranked : [...ranked.slice(0, 3), ...ranked.slice(-3)];
  const all = weeks.map((_, i) => {
    const xs = s.teams.map((t) => t.weekly[i]).filter((v): v is number => v != null);
    return xs.length ? (xs.reduce((a, b) => a + b, 0) / xs.length) * 100 : null;
  });
  const datasets: ChartDataset[] = [
    { label: "Target (100%)", data: weeks.map(() => 100), color: GREY, dashed: true, pointRadius: 0 },
    ...(s.teams.length > 1 ? [{ label: "All teams (mean)", data: all.map(round2), color: "#111827", pointRadius: 3 }] : []),
    ...shown.map((t, i) => ({ label: t.name, data: t.weekly.map((v) => round2(v == null ? null : v * 100)), color: TEAM_COLOURS[i % TEAM_COLOURS.length]! })),
  ];
  const which = ranked.length > MAX_TEAM_LINES ? ` The three strongest and three weakest of ${ranked.length} teams are drawn; every team is in the table.` : "";
  return {
    id: "lead-attainment",
    title: `Lead measure attainment by week, ${s.quarter.label}`,
    description: `Weekly lead attainment (actual ÷ target, capped at 150% per measure) for each week of ${s.quarter.label} that has ended; 100% means every target was met.${which}`,
    type: "line",
    labels: weeks.map((d) => shortDay(w, d)),
    datasets,
    y: { title: "Attainment (% of target)", format: "percent", beginAtZero: true },
    locale: w.locale,
    currency: w.currency,
  };
}

export function lagChart(full: LagSnapshot, w: Writer): ChartSpec {
  // Weeks before the first value are empty on the chart: start where the data starts.
  const first = full.history.findIndex((h) => h.value != null);
  const lag = first > 0 ? { ...full, history: full.history.slice(first) } : full;
  const forecast = lag.forecast ?? [];
  const weeks = [...lag.history.map((h) => h.weekStart), ...forecast.map((f) => f.weekStart)];
  const n = lag.history.length;
  const datasets: ChartDataset[] = [
    { label: "Weekly mean", data: pad(lag.history.map((h) => round2(h.value)), 0, forecast.length), color: LAG_COLOURS.onTrack, pointRadius: 3 },
    { label: "Path to target", data: weeks.map((d) => round2(lagPathValue(lag.baseline, lag.target, addDays(d, 6)))), color: LAG_COLOURS.path, dashed: true, pointRadius: 0 },
  ];
  if (forecast.length) {
    datasets.push(
      { label: "Forecast", data: pad(forecast.map((f) => round2(f.mean)), n, 0), color: LAG_COLOURS.forecast, dashed: true, pointRadius: 0 },
      { label: "80% low", data: pad(forecast.map((f) => round2(f.lo80)), n, 0), color: "rgba(0,0,0,0)", pointRadius: 0, legend: false },
      { label: "Forecast 80% band", data: pad(forecast.map((f) => round2(f.hi80)), n, 0), color: "rgba(0,0,0,0)", fill: "previous", fillColor: LAG_COLOURS.band80, pointRadius: 0 },
    );
  }
  const dir = lag.direction === "LOWER_IS_BETTER" ? "lower is better" : "higher is better";
  const end = forecast.at(-1);
  const ahead = end
    ? ` If the trend holds it reaches about ${w.measure(end.mean, lag.unit)} by ${w.day(addDays(end.weekStart, 6))} (80% range ${w.measure(end.lo80, lag.unit)} to ${w.measure(end.hi80, lag.unit)}).` +
      (lag.forecastMethod ? ` Forecast by a ${lag.forecastMethod}.` : "")
    : ` No forecast: ${lag.forecastNote ?? "too few weekly values"}`;
  return {
    id: `lag-${lag.lagMeasureId}`,
    title: `${lag.name} against its path`,
    description: `${lag.name} (${dir}): weekly means over ${n} weeks against the straight path from ${w.measure(lag.baseline.value, lag.unit)} to ${w.measure(lag.target.value, lag.unit)} by ${w.day(lag.target.date)}.${ahead}`,
    type: "line",
    labels: weeks.map((d) => shortDay(w, d)),
    datasets,
    y: { title: lag.unit ? `${lag.name} (${lag.unit})` : lag.name, format: lag.unit === "%" ? "percent" : "number" },
    locale: w.locale,
    currency: w.currency,
  };
}

export function roiChart(p: ProgramRoiSnapshot, w: Writer): ChartSpec {
  const months = [...p.months.map((m) => m.month), ...p.projection.map((m) => m.month)];
  const n = p.months.length;
  const lastActual = p.months.at(-1)?.cumulativeBenefits ?? null;
  // The projected line starts at the last actual month so the two join.
  const projected = [...Array<null>(Math.max(0, n - 1)).fill(null), ...(n ? [lastActual] : []), ...p.projection.map((m) => m.cumulativeBenefits)];
  const end = p.projection.at(-1);
  return {
    id: `roi-${p.programId}`,
    title: `${p.name}: cumulative benefits and costs`,
    description: `Cumulative fully-loaded costs against cumulative attributed benefits by month, then the next four quarters projected with an 80% band: ${w.money(end?.lo ?? null)} to ${w.money(end?.hi ?? null)} of benefits by ${end ? w.month(end.month) : "the end"}.`,
    type: "line",
    labels: months.map((m) => w.month(m)),
    datasets: [
      { label: "Cumulative costs", data: [...p.months.map((m) => round2(m.cumulativeCosts)), ...p.projection.map((m) => round2(m.cumulativeCosts))], color: MONEY.cost, stepped: true },
      { label: "Cumulative benefits", data: pad(p.months.map((m) => round2(m.cumulativeBenefits)), 0, p.projection.length), color: MONEY.benefit, pointRadius: 3 },
      { label: "Projected benefits", data: projected.map(round2), color: MONEY.benefit, dashed: true },
      { label: "Projection 80% low", data: pad(p.projection.map((m) => round2(m.lo)), n, 0), color: "rgba(0,0,0,0)", pointRadius: 0, legend: false },
      { label: "Projection 80% band", data: pad(p.projection.map((m) => round2(m.hi)), n, 0), color: "rgba(0,0,0,0)", fill: "previous", fillColor: MONEY.band, pointRadius: 0 },
    ],
    y: { title: `Cumulative (${w.currency})`, format: "money", beginAtZero: true },
    locale: w.locale,
    currency: w.currency,
  };
}
