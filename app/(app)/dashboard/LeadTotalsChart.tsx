"use client";
// Weekly totals of one lead measure, a line per team, with CSV and PNG downloads of what it shows.
import type { ChartOptions } from "chart.js";
import { useRef } from "react";
import { ChartDownloads } from "@/app/_components/ChartDownloads";
import { LazyChart } from "@/app/_components/LazyChart";
import type { LeadTotalsChartData } from "@/lib/charts/leadTotalsChart";
import { CATEGORY_TICKS, LEGEND, VALUE_TICKS } from "@/lib/charts/axes";

export function LeadTotalsChart({
  data,
  weekLabels,
  title,
  unit,
}: {
  data: LeadTotalsChartData;
  weekLabels: string[];
  title: string;
  unit: string;
}) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const options: ChartOptions<"line"> = {
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: "index", intersect: false },
    plugins: { legend: LEGEND },
    scales: {
      y: { beginAtZero: true, ticks: VALUE_TICKS, title: { display: Boolean(unit), text: unit } },
      x: { ticks: CATEGORY_TICKS },
    },
  };
  const summary = data.series
    .map((s) => `${s.teamName}: ${s.totals[s.totals.length - 1] ?? 0} in the last week shown, target ${s.weeklyTarget}`)
    .join("; ");
  return (
    <>
      <div className="chart-box">
        <LazyChart
          type="line"
          canvasRef={canvasRef}
          data-testid="lead-totals-chart"
          role="img"
          aria-label={`${title}. ${summary}. The table below lists every value.`}
          options={options}
          data={{
            labels: weekLabels.map((l) => l.replace(/ \d{4}$/, "")),
            datasets: data.series.map((s) => ({
              label: s.teamName,
              data: s.totals,
              borderColor: s.colour,
              backgroundColor: s.colour,
              tension: 0.25,
              pointRadius: 3,
            })),
          }}
        />
      </div>
      <ChartDownloads
        title={title}
        header={["Week", ...data.series.map((s) => s.teamName)]}
        rows={data.weeks.map((w, i) => [w, ...data.series.map((s) => s.totals[i] ?? 0)])}
        canvasRef={canvasRef}
      />
    </>
  );
}
