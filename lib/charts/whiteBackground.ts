// A chart.js plugin that paints the chart's canvas white before drawing: a canvas starts
// transparent, and a downloaded PNG or a PDF image must read on any background. Pure: the
// page's charts and the server's chart images (lib/report/render/chartImage.ts) both use it.
import type { ChartType, Plugin } from "chart.js";

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
