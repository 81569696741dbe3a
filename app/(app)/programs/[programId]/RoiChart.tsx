"use client";
// Cumulative benefits against cumulative fully-loaded costs by month, then the projection for
// the next four quarters with its 80% band (and the what-if line when one is asked). Renders
// only: the numbers come from computeProgramRoi; the table below the chart lists every value.
import type { ChartOptions } from "chart.js";
import { useRef } from "react";
import { ChartDownloads } from "@/app/_components/ChartDownloads";
import { LazyChart } from "@/app/_components/LazyChart";
import { formatMoney, monthWithYear } from "@/lib/domain/format";
import { CATEGORY_TICKS, LEGEND, VALUE_TICKS } from "@/lib/charts/axes";

export type RoiChartMonth = {
  month: string;
  kind: "actual" | "projected";
  cumulativeCosts: number;
  cumulativeBenefits: number;
  lo: number | null;
  hi: number | null;
  /** Projected cumulative benefits with the what-if change; null without a what-if. */
  whatIf: number | null;
};

// Costs in a neutral slate, benefits in green (more is better for money), the band in pale green.
const COST = "#475569";
const BENEFIT = "#15803d";
const BAND = "rgba(21, 128, 61, 0.15)";
const WHAT_IF = "#7c3aed";

export function RoiChart({ months, title, currency, locale, summary }: { months: RoiChartMonth[]; title: string; currency: string; locale: string; summary: string }) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const money = (v: number) => formatMoney(v, locale, currency);
  const lastActual = months.findLastIndex((m) => m.kind === "actual");
  // The projected line starts at the last actual month so the two lines join.
  const projected = months.map((m, i) => (m.kind === "projected" || i === lastActual ? m.cumulativeBenefits : null));
  const hasWhatIf = months.some((m) => m.whatIf != null);
  const options: ChartOptions<"line"> = {
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: "index", intersect: false },
    plugins: {
      legend: LEGEND,
      tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${c.parsed.y == null ? "—" : money(c.parsed.y)}` } },
    },
    scales: { y: { beginAtZero: true, ticks: { ...VALUE_TICKS, callback: (v) => money(Number(v)) } }, x: { ticks: CATEGORY_TICKS } },
  };
  return (
    <>
      <div className="chart-box">
        <LazyChart
          type="line"
          canvasRef={canvasRef}
          data-testid="roi-chart"
          role="img"
          aria-label={`${title}. ${summary} The table below lists every value.`}
          options={options}
          data={{
            labels: months.map((m) => monthWithYear(m.month, locale)),
            datasets: [
              { label: "Cumulative costs", data: months.map((m) => m.cumulativeCosts), borderColor: COST, backgroundColor: COST, pointRadius: 2, stepped: true },
              {
                label: "Cumulative benefits",
                data: months.map((m) => (m.kind === "actual" ? m.cumulativeBenefits : null)),
                borderColor: BENEFIT,
                backgroundColor: BENEFIT,
                pointRadius: 3,
              },
              { label: "Projected benefits", data: projected, borderColor: BENEFIT, backgroundColor: BENEFIT, borderDash: [6, 4], pointRadius: 2 },
              { label: "Projection, 80% low", data: months.map((m) => m.lo), borderColor: "transparent", pointRadius: 0, fill: false },
              { label: "Projection, 80% band", data: months.map((m) => m.hi), borderColor: "transparent", backgroundColor: BAND, pointRadius: 0, fill: "-1" },
              ...(hasWhatIf
                ? [{ label: "Projected with the what-if", data: months.map((m) => m.whatIf), borderColor: WHAT_IF, backgroundColor: WHAT_IF, borderDash: [2, 3], pointRadius: 2 }]
                : []),
            ],
          }}
        />
      </div>
      <ChartDownloads
        title={title}
        header={["Month", "Actual or projected", "Cumulative costs", "Cumulative benefits", "Projection 80% low", "Projection 80% high", "With the what-if"]}
        rows={months.map((m) => [m.month, m.kind, round(m.cumulativeCosts), round(m.cumulativeBenefits), rn(m.lo), rn(m.hi), rn(m.whatIf)])}
        canvasRef={canvasRef}
      />
    </>
  );
}

const round = (v: number) => Math.round(v * 100) / 100;
const rn = (v: number | null) => (v == null ? null : round(v));
