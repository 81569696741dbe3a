"use client";
// The chart.js side of LazyChart, in a chunk of its own: only pages with a chart load it, after
// their first paint. Registers every part the app's charts use (lines, bars, the heatmap's
// matrix, filled bands, tooltips, legends): tree-shaken, so nothing else of chart.js ships.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";
import { MatrixController, MatrixElement } from "chartjs-chart-matrix";
import { useCallback } from "react";
import { Chart } from "react-chartjs-2";
import type { LazyChartProps } from "./LazyChart";

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, LineController, BarElement, BarController, MatrixController, MatrixElement, Filler, Tooltip, Legend);

export default function ChartCanvas({ canvasRef, ...props }: LazyChartProps) {
  const ref = useCallback(
    (chart: ChartJS | null | undefined) => {
      if (canvasRef) canvasRef.current = chart?.canvas ?? null;
    },
    [canvasRef],
  );
  return <Chart ref={ref} {...props} />;
}
