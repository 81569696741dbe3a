// A report chart as a PNG, drawn by chart.js on a server canvas with the same configuration
// the report page uses (lib/report/render/chartConfig.ts), so the PDF prints the chart the reader saw.
import "server-only";
import { createCanvas, GlobalFonts, Path2D } from "@napi-rs/canvas";
import { Chart, registerables, type ChartItem } from "chart.js";
import { reportChartConfig } from "@/lib/report/render/chartConfig";
import { whiteBackground } from "@/lib/charts/whiteBackground";
import type { ChartSpec } from "@/lib/report/document";
import { REPORT_FONT_FAMILY, reportFontPath } from "./fonts";
import { encodeOpaquePng } from "./opaquePng";

export const CHART_IMAGE_SIZE = { width: 900, height: 420 } as const;
/** Twice the CSS size in pixels: sharp when the PDF is zoomed or printed. */
const PIXEL_RATIO = 2;

Chart.register(...registerables);

let fontsRegistered = false;
function registerFonts() {
  if (fontsRegistered) return;
  // Both weights under one family name: the canvas picks the bold file for bold text.
  GlobalFonts.registerFromPath(reportFontPath("regular"), REPORT_FONT_FAMILY);
  GlobalFonts.registerFromPath(reportFontPath("bold"), REPORT_FONT_FAMILY);
  fontsRegistered = true;
}

/**
 * chart.js draws lines through the global Path2D whenever one existed when it loaded. On the
 * server there is none, unless another library installed its own (pdf.js does, from its own
 * copy of @napi-rs/canvas), and this canvas rejects paths made by another copy. So while
 * drawing, the global is this canvas's Path2D.
 */
function withCanvasPath2D<T>(draw: () => T): T {
  const global = globalThis as { Path2D?: unknown };
  const previous = global.Path2D;
  global.Path2D = Path2D;
  try {
    return draw();
  } finally {
    if (previous === undefined) delete global.Path2D;
    else global.Path2D = previous;
  }
}

/** Same spec, same bytes: no animation, fixed size, fixed fonts, no timestamps in the PNG. */
export function renderChartPng(spec: ChartSpec, size: { width: number; height: number } = CHART_IMAGE_SIZE): Buffer {
  registerFonts();
  const canvas = createCanvas(size.width, size.height);
  const config = reportChartConfig(spec, { animation: false, responsive: false, devicePixelRatio: PIXEL_RATIO, fontFamily: REPORT_FONT_FAMILY });
  return withCanvasPath2D(() => {
    // chart.js takes a DOM canvas; @napi-rs/canvas implements the part of it chart.js uses.
    const chart = new Chart(canvas as unknown as ChartItem, { ...config, plugins: [whiteBackground<"line" | "bar">()] });
    try {
      // chart.js has sized the canvas to size × PIXEL_RATIO and drawn synchronously (no animation).
      const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
      return encodeOpaquePng(pixels.data, canvas.width, canvas.height);
    } finally {
      chart.destroy();
    }
  });
}
