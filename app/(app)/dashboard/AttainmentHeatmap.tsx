"use client";
// The team × week heatmap of lead attainment (chartjs-chart-matrix), with its downloads. The
// cells, colours and words come ready-made from lib/charts/heatmap.ts.
import type { ChartOptions } from "chart.js";
// The matrix chart type's typings (the controller itself loads with LazyChart).
import type {} from "chartjs-chart-matrix";
import { useRef } from "react";
import { ChartDownloads } from "@/app/_components/ChartDownloads";
import { LazyChart } from "@/app/_components/LazyChart";
import type { HeatmapChartData } from "@/lib/charts/heatmap";
import { CATEGORY_TICKS } from "@/lib/charts/axes";

/** Rows tall enough to hover or tap, however many teams there are. */
const ROW_PX = 26;

export function AttainmentHeatmap({ data, title, summary }: { data: HeatmapChartData; title: string; summary: string }) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const columns = data.weeks.length;
  const rows = data.yLabels.length;
  const options: ChartOptions<"matrix"> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      legend: { display: false },
      tooltip: {
        callbacks: {
          title: () => "",
          label: (ctx) => data.points[ctx.dataIndex]?.tooltip ?? "",
        },
      },
    },
    scales: {
      x: {
        type: "category",
        labels: data.weeks,
        offset: true,
        position: "top",
        grid: { display: false },
        ticks: { ...CATEGORY_TICKS, callback: (_value, index) => data.xLabels[index] ?? "" },
      },
      y: { type: "category", labels: data.yLabels, offset: true, reverse: false, grid: { display: false } },
    },
  };
  return (
    <>
      <div className="chart-box" style={{ height: 70 + ROW_PX * rows }}>
        <LazyChart
          type="matrix"
          canvasRef={canvasRef}
          data-testid="heatmap-chart"
          role="img"
          aria-label={`${title}. ${summary} The table below lists every cell.`}
          options={options}
          data={{
            datasets: [
              {
                label: title,
                data: data.points.map((p) => ({ x: p.x, y: p.y, v: p.v ?? undefined })),
                backgroundColor: data.points.map((p) => p.fill),
                borderColor: "#ffffff",
                borderWidth: 1,
                width: ({ chart }) => Math.max(1, (chart.chartArea?.width ?? 0) / Math.max(1, columns) - 2),
                height: ({ chart }) => Math.max(1, (chart.chartArea?.height ?? 0) / Math.max(1, rows) - 2),
              },
            ],
          }}
        />
      </div>
      <ChartDownloads title={title} header={data.csv.header} rows={data.csv.rows} canvasRef={canvasRef} />
    </>
  );
}
