"use client";
// The lag measure over time: weekly means (● at or better than the path, ▲ worse — shape and
// colour, so the status does not rely on colour alone), the path, baseline and target, and the
// forecast with its 80% and 95% bands. Renders what lib/charts/lagChart.ts built.
import type { ChartDataset, ChartOptions, PointStyle } from "chart.js";
import { useRef } from "react";
import { ChartDownloads } from "@/app/_components/ChartDownloads";
import { LazyChart } from "@/app/_components/LazyChart";
import { LAG_COLOURS, type LagChartData } from "@/lib/charts/lagChart";
import { formatMeasure } from "@/lib/domain/format";
import { DIRECTION_LABEL, type Direction } from "@/lib/domain/status";
import { whiteBackground } from "@/lib/charts/whiteBackground";
import styles from "./trends.module.css";
import { CATEGORY_TICKS, LEGEND, VALUE_TICKS } from "@/lib/charts/axes";

type Dataset = ChartDataset<"line", (number | null)[]>;

const line = (label: string, data: (number | null)[], colour: string, extra: Partial<Dataset> = {}): Dataset => ({
  label,
  data,
  borderColor: colour,
  backgroundColor: colour,
  borderWidth: 2,
  pointRadius: 0,
  pointHoverRadius: 0,
  fill: false,
  ...extra,
});

/** The band's lower edge is an unlabelled helper the upper edge fills down to. */
const HELPER = "";

export function LagChart({
  data,
  title,
  unit,
  direction,
  locale,
}: {
  data: LagChartData;
  title: string;
  unit: string;
  direction: Direction;
  locale: string;
}) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const rows = data.rows;
  const pick = (key: "value" | "forecast" | "lo80" | "hi80" | "lo95" | "hi95") => rows.map((r) => r[key]);
  const statusColour = rows.map((r) => (r.status === "off" ? LAG_COLOURS.offTrack : LAG_COLOURS.onTrack));
  const statusShape = rows.map((r): PointStyle => (r.status === "off" ? "triangle" : "circle"));
  const better = direction === "LOWER_IS_BETTER" ? "at or below" : "at or above";
  const hasForecast = rows.some((r) => r.kind === "forecast");

  const datasets: Dataset[] = [
    ...(hasForecast
      ? [
          line(HELPER, pick("lo95"), "transparent", { borderWidth: 0 }),
          line("Forecast, 95% range", pick("hi95"), "transparent", { borderWidth: 0, backgroundColor: LAG_COLOURS.band95, fill: "-1" }),
          line(HELPER, pick("lo80"), "transparent", { borderWidth: 0 }),
          line("Forecast, 80% range", pick("hi80"), "transparent", { borderWidth: 0, backgroundColor: LAG_COLOURS.band80, fill: "-1" }),
          line("Forecast", pick("forecast"), LAG_COLOURS.forecast, { borderDash: [6, 4] }),
        ]
      : []),
    line("Path from baseline to target", rows.map((r) => r.path), LAG_COLOURS.path, { borderDash: [2, 3] }),
    line(`Baseline ${formatMeasure(data.baseline, unit, locale)}`, rows.map(() => data.baseline), LAG_COLOURS.baseline, { borderWidth: 1 }),
    line(`Target ${formatMeasure(data.target, unit, locale)}`, rows.map(() => data.target), LAG_COLOURS.target, { borderWidth: 1, borderDash: [8, 4] }),
    line(`Weekly mean (● ${better} the path, ▲ worse)`, pick("value"), "#1f2937", {
      spanGaps: true,
      pointRadius: 4,
      pointHoverRadius: 6,
      pointStyle: statusShape,
      pointBackgroundColor: statusColour,
      pointBorderColor: statusColour,
    }),
  ];

  const options: ChartOptions<"line"> = {
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: "index", intersect: false },
    plugins: {
      legend: { ...LEGEND, labels: { ...LEGEND.labels, filter: (item) => item.text !== HELPER } },
      tooltip: { filter: (item) => item.dataset.label !== HELPER && item.raw != null },
    },
    scales: {
      y: { ticks: VALUE_TICKS, title: { display: true, text: `${unit ? `${unit}, ` : ""}${DIRECTION_LABEL[direction]}` } },
      x: { ticks: CATEGORY_TICKS },
    },
  };

  return (
    <>
      <div className={`chart-box ${styles.chart}`}>
        <LazyChart
          type="line"
          canvasRef={canvasRef}
          data-testid="lag-chart"
          role="img"
          aria-label={`${title}. ${data.summary} The table below lists every value.`}
          options={options}
          plugins={[whiteBackground<"line">()]}
          data={{ labels: data.labels, datasets }}
        />
      </div>
      <ChartDownloads title={title} header={data.csv.header} rows={data.csv.rows} canvasRef={canvasRef} />
    </>
  );
}
