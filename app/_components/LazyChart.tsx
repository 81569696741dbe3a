"use client";
// A chart.js chart whose code loads after the page: chart.js, react-chartjs-2 and the matrix
// controller are ~60 kB gzipped, more than a page's whole budget for its own code (issue #12:
// first-load JS ≤ 170 kB). The page renders the chart's box at its final size (the caller's
// wrapper), so nothing moves when the canvas arrives; the numbers are in the table beside it
// from the first paint. Canvas charts draw only in the browser, so nothing is lost on the server.
import dynamic from "next/dynamic";
import type { RefObject } from "react";
import type { ChartType, DefaultDataPoint } from "chart.js";
import type { ChartProps } from "react-chartjs-2";

export type LazyChartProps<TType extends ChartType = ChartType, TData = DefaultDataPoint<TType>, TLabel = unknown> = ChartProps<TType, TData, TLabel> & {
  /** Filled with the chart's canvas once drawn, for ChartDownloads' PNG. */
  canvasRef?: RefObject<HTMLCanvasElement | null>;
};

const ChartCanvas = dynamic(() => import("./ChartCanvas"), { ssr: false });

export function LazyChart<TType extends ChartType = ChartType, TData = DefaultDataPoint<TType>, TLabel = unknown>(props: LazyChartProps<TType, TData, TLabel>) {
  // The one chart component is not generic once loaded; the types were checked here.
  return <ChartCanvas {...(props as unknown as LazyChartProps)} />;
}
