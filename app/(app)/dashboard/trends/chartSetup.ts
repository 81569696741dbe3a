"use client";
// The chart.js parts the trends charts use (tree-shaken: only these are bundled), and a white
// background so a downloaded PNG is readable in any viewer (a canvas is transparent by default).
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
  type ChartType,
  type Plugin,
} from "chart.js";
import { useCallback, useRef } from "react";

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, LineController, BarElement, BarController, Filler, Tooltip, Legend);

export function whiteBackground<T extends ChartType>(): Plugin<T> {
  return {
    id: "whiteBackground",
    beforeDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.globalCompositeOperation = "destination-over";
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, chart.width, chart.height);
      ctx.restore();
    },
  };
}

/** A ref to the chart's canvas (for the PNG download) and the callback that fills it. */
export function useCanvasRef() {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const chartRef = useCallback((chart: { canvas: HTMLCanvasElement } | null | undefined) => {
    canvasRef.current = chart?.canvas ?? null;
  }, []);
  return { canvasRef, chartRef };
}
