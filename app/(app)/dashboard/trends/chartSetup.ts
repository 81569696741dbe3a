"use client";
// The chart.js parts the trends and report charts use (tree-shaken: only these are bundled),
// and the ref a PNG download reads the canvas from.
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
import { useCallback, useRef } from "react";

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, LineController, BarElement, BarController, Filler, Tooltip, Legend);

/** A ref to the chart's canvas (for the PNG download) and the callback that fills it. */
export function useCanvasRef() {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const chartRef = useCallback((chart: { canvas: HTMLCanvasElement } | null | undefined) => {
    canvasRef.current = chart?.canvas ?? null;
  }, []);
  return { canvasRef, chartRef };
}
