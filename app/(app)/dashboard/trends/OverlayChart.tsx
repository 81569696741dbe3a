"use client";
// A lead measure's totals (bars, left axis) and a lag measure's means (line, right axis) on the
// same weeks, or months for a lag measure observed monthly. Renders what lib/charts/overlayChart.ts built.
import type { ChartData, ChartOptions } from "chart.js";
import { useRef } from "react";
import { ChartDownloads } from "@/app/_components/ChartDownloads";
import { LazyChart } from "@/app/_components/LazyChart";
import { OVERLAY_COLOURS, type OverlayChartData } from "@/lib/charts/overlayChart";
import { DIRECTION_LABEL, type Direction } from "@/lib/domain/status";
import { whiteBackground } from "@/lib/charts/whiteBackground";
import styles from "./trends.module.css";
import { CATEGORY_TICKS, LEGEND, VALUE_TICKS } from "@/lib/charts/axes";

type Measure = { name: string; unit: string };

export function OverlayChart({
  data,
  title,
  lead,
  lag,
}: {
  data: OverlayChartData;
  title: string;
  lead: Measure;
  lag: Measure & { direction: Direction };
}) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const chartData: ChartData<"bar" | "line", (number | null)[], string> = {
    labels: data.labels,
    datasets: [
      {
        type: "line",
        label: `${lag.name} (${data.period.adj} mean, right axis)`,
        data: data.rows.map((r) => r.lag),
        yAxisID: "y1",
        borderColor: OVERLAY_COLOURS.lag,
        backgroundColor: OVERLAY_COLOURS.lag,
        spanGaps: true,
        pointRadius: 3,
        order: 0,
      },
      {
        type: "bar",
        label: `${lead.name} (${data.period.adj} total, left axis)`,
        data: data.rows.map((r) => r.lead),
        yAxisID: "y",
        backgroundColor: OVERLAY_COLOURS.lead,
        borderColor: OVERLAY_COLOURS.leadBorder,
        borderWidth: 1,
        order: 1,
      },
    ],
  };
  const options: ChartOptions<"bar" | "line"> = {
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: "index", intersect: false },
    plugins: { legend: LEGEND },
    scales: {
      y: { position: "left", beginAtZero: true, ticks: VALUE_TICKS, title: { display: true, text: lead.unit || lead.name } },
      y1: {
        position: "right",
        grid: { drawOnChartArea: false },
        ticks: VALUE_TICKS,
        title: { display: true, text: `${lag.unit ? `${lag.unit}, ` : ""}${DIRECTION_LABEL[lag.direction]}` },
      },
      x: { ticks: CATEGORY_TICKS },
    },
  };
  return (
    <>
      <div className={`chart-box ${styles.chart}`}>
        <LazyChart
          type="bar"
          canvasRef={canvasRef}
          data-testid="overlay-chart"
          role="img"
          aria-label={`${title}. ${data.summary} The table below lists every value.`}
          options={options}
          plugins={[whiteBackground<"bar" | "line">()]}
          data={chartData}
        />
      </div>
      <ChartDownloads title={title} header={data.csv.header} rows={data.csv.rows} canvasRef={canvasRef} />
    </>
  );
}
