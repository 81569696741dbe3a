// The PDF's blocks other than tables: paragraphs, bullet lists, key-figure boxes and charts.
// Each writer starts at the document's current y and leaves it below the block; running text
// may continue on the next page, boxes and charts move to the next page whole.
import "server-only";
import type { ChartSpec, ReportBlock } from "@/lib/report/document";
import { CHART_IMAGE_SIZE, renderChartPng } from "./chartImage";
import { COLOUR, LINE_GAP, STYLE, ensureSpace, frame, lineHeight, setStyle, textHeight, type Pdf, type TextStyle } from "./pdfLayout";
import { tableStartHeight, writeTable } from "./pdfTable";

type Block<K extends ReportBlock["kind"]> = Extract<ReportBlock, { kind: K }>;
type Figure = Block<"figures">["items"][number];

const BLOCK_GAP = 10;
const BULLET_INDENT = 14;
const FIGURES_PER_ROW = 3;
const FIGURE_GAP = 8;
const FIGURE_PAD = 7;

/** At least two lines of running text stay together at the bottom of a page. */
function firstLines(pdf: Pdf, style: TextStyle, text: string, width: number): number {
  const twoLines = 2 * lineHeight(pdf, style);
  return Math.min(textHeight(pdf, style, text, width), twoLines);
}

const paragraphStyle = (b: Block<"paragraph">): TextStyle => (b.lead ? STYLE.lead : b.note ? STYLE.small : STYLE.body);

function writeParagraph(pdf: Pdf, b: Block<"paragraph">) {
  const { left, width } = frame(pdf);
  const style = paragraphStyle(b);
  ensureSpace(pdf, firstLines(pdf, style, b.text, width));
  setStyle(pdf, style).text(b.text, left, pdf.y, { width, lineGap: LINE_GAP });
}

function writeBullets(pdf: Pdf, b: Block<"bullets">) {
  const { left, width } = frame(pdf);
  for (const item of b.items) {
    ensureSpace(pdf, firstLines(pdf, STYLE.body, item, width - BULLET_INDENT));
    const y = pdf.y;
    setStyle(pdf, STYLE.body).text("•", left + 3, y, { lineBreak: false });
    pdf.text(item, left + BULLET_INDENT, y, { width: width - BULLET_INDENT, lineGap: LINE_GAP });
    pdf.y += 3;
  }
}

const figureWidth = (pdf: Pdf) => (frame(pdf).width - (FIGURES_PER_ROW - 1) * FIGURE_GAP) / FIGURES_PER_ROW;

function figureHeight(pdf: Pdf, f: Figure): number {
  const inner = figureWidth(pdf) - 2 * FIGURE_PAD;
  const note = f.note ? 2 + textHeight(pdf, STYLE.small, f.note, inner) : 0;
  return 2 * FIGURE_PAD + textHeight(pdf, STYLE.small, f.label, inner) + 2 + textHeight(pdf, STYLE.figureValue, f.value, inner) + note;
}

function figureRows(items: readonly Figure[]): Figure[][] {
  const rows: Figure[][] = [];
  for (let i = 0; i < items.length; i += FIGURES_PER_ROW) rows.push(items.slice(i, i + FIGURES_PER_ROW));
  return rows;
}

const figureRowHeight = (pdf: Pdf, row: readonly Figure[]) => Math.max(...row.map((f) => figureHeight(pdf, f)));

function writeFigures(pdf: Pdf, b: Block<"figures">) {
  const { left } = frame(pdf);
  const w = figureWidth(pdf);
  const inner = w - 2 * FIGURE_PAD;
  for (const row of figureRows(b.items)) {
    const height = figureRowHeight(pdf, row);
    ensureSpace(pdf, height);
    const top = pdf.y;
    row.forEach((f, i) => {
      const x = left + i * (w + FIGURE_GAP);
      pdf.rect(x, top, w, height).fill(COLOUR.boxFill);
      setStyle(pdf, STYLE.small).text(f.label, x + FIGURE_PAD, top + FIGURE_PAD, { width: inner, lineGap: LINE_GAP });
      pdf.y += 2;
      setStyle(pdf, STYLE.figureValue).text(f.value, x + FIGURE_PAD, pdf.y, { width: inner, lineGap: LINE_GAP });
      if (f.note) {
        pdf.y += 2;
        setStyle(pdf, STYLE.small).text(f.note, x + FIGURE_PAD, pdf.y, { width: inner, lineGap: LINE_GAP });
      }
    });
    pdf.x = left;
    pdf.y = top + height + FIGURE_GAP;
  }
  pdf.y -= FIGURE_GAP;
}

const imageHeight = (pdf: Pdf) => (frame(pdf).width * CHART_IMAGE_SIZE.height) / CHART_IMAGE_SIZE.width;

function chartHeight(pdf: Pdf, chart: ChartSpec): number {
  const { width } = frame(pdf);
  return textHeight(pdf, STYLE.caption, chart.title, width) + 4 + imageHeight(pdf) + 4 + textHeight(pdf, STYLE.small, chart.description, width);
}

function writeChart(pdf: Pdf, chart: ChartSpec) {
  const png = renderChartPng(chart);
  const { left, width } = frame(pdf);
  ensureSpace(pdf, chartHeight(pdf, chart));
  setStyle(pdf, STYLE.caption).text(chart.title, left, pdf.y, { width, lineGap: LINE_GAP });
  const top = pdf.y + 4;
  pdf.image(png, left, top, { width, height: imageHeight(pdf) });
  pdf.y = top + imageHeight(pdf) + 4;
  // The description is the chart in words: the caption a screen-reader user of the page hears.
  setStyle(pdf, STYLE.small).text(chart.description, left, pdf.y, { width, lineGap: LINE_GAP });
}

/** How much of a block must fit under a heading for the heading to stay on this page. */
export function blockStartHeight(pdf: Pdf, b: ReportBlock): number {
  const { width } = frame(pdf);
  switch (b.kind) {
    case "paragraph":
      return firstLines(pdf, paragraphStyle(b), b.text, width);
    case "bullets":
      return b.items[0] ? firstLines(pdf, STYLE.body, b.items[0], width - BULLET_INDENT) : 0;
    case "figures":
      return b.items.length ? figureRowHeight(pdf, b.items.slice(0, FIGURES_PER_ROW)) : 0;
    case "table":
      return tableStartHeight(pdf, b);
    case "chart":
      return chartHeight(pdf, b.chart);
  }
}

export async function writeBlock(pdf: Pdf, b: ReportBlock): Promise<void> {
  switch (b.kind) {
    case "paragraph":
      writeParagraph(pdf, b);
      break;
    case "bullets":
      writeBullets(pdf, b);
      break;
    case "figures":
      writeFigures(pdf, b);
      break;
    case "table":
      await writeTable(pdf, b);
      break;
    case "chart":
      writeChart(pdf, b.chart);
      break;
  }
  pdf.x = frame(pdf).left;
  pdf.y += BLOCK_GAP;
}
