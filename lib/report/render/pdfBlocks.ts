// The PDF's blocks other than tables: paragraphs, bullet lists, key-figure boxes and charts.
// Each writer starts at the document's current y and leaves it below the block; running text
// may continue on the next page, boxes move to the next page whole, and a chart that does not
// fit is drawn a little smaller rather than leave half a page empty. Each block is tagged under
// its section's structure element (pdfLayout.ts): P, L/LI/Lbl/LBody, a chart's image a Figure with
// its alt text.
import "server-only";
import type { ChartSpec, ReportBlock } from "@/lib/report/document";
import { CHART_IMAGE_SIZE, renderChartPng } from "./chartImage";
import { COLOUR, LINE_GAP, MIN_PAGE_FILL, STYLE, artifact, ensureSpace, frame, group, lineHeight, setStyle, tagged, textHeight, type Pdf, type Struct, type TextStyle } from "./pdfLayout";
import { tableStartHeight, writeTable } from "./pdfTable";

type Block<K extends ReportBlock["kind"]> = Extract<ReportBlock, { kind: K }>;
type Figure = Block<"figures">["items"][number];

const BLOCK_GAP = 10;
const BULLET_INDENT = 14;
const FIGURES_PER_ROW = 3;
const FIGURE_GAP = 8;
const FIGURE_PAD = 7;
/** The smallest a chart is drawn to fit the rest of a page, as a share of its full height. */
const MIN_CHART_SCALE = 0.6;

/** At least two lines of running text stay together at the bottom of a page. */
function firstLines(pdf: Pdf, style: TextStyle, text: string, width: number): number {
  const twoLines = 2 * lineHeight(pdf, style);
  return Math.min(textHeight(pdf, style, text, width), twoLines);
}

const paragraphStyle = (b: Block<"paragraph">): TextStyle => (b.lead ? STYLE.lead : b.note ? STYLE.small : STYLE.body);

function writeParagraph(pdf: Pdf, parent: Struct, b: Block<"paragraph">) {
  const { left, width } = frame(pdf);
  const style = paragraphStyle(b);
  ensureSpace(pdf, firstLines(pdf, style, b.text, width));
  tagged(pdf, parent, "P", () => setStyle(pdf, style).text(b.text, left, pdf.y, { width, lineGap: LINE_GAP }));
}

function writeBullets(pdf: Pdf, parent: Struct, b: Block<"bullets">) {
  const { left, width } = frame(pdf);
  const list = group(pdf, parent, "L");
  for (const item of b.items) {
    ensureSpace(pdf, firstLines(pdf, STYLE.body, item, width - BULLET_INDENT));
    const y = pdf.y;
    const li = group(pdf, list, "LI");
    tagged(pdf, li, "Lbl", () => setStyle(pdf, STYLE.body).text("•", left + 3, y, { lineBreak: false }));
    tagged(pdf, li, "LBody", () => pdf.text(item, left + BULLET_INDENT, y, { width: width - BULLET_INDENT, lineGap: LINE_GAP }));
    li.end();
    pdf.y += 3;
  }
  list.end();
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

/** Key figures as boxes; to a screen reader, a list of "label: value (note)". */
function writeFigures(pdf: Pdf, parent: Struct, b: Block<"figures">) {
  const { left } = frame(pdf);
  const w = figureWidth(pdf);
  const inner = w - 2 * FIGURE_PAD;
  const list = group(pdf, parent, "L");
  for (const row of figureRows(b.items)) {
    const height = figureRowHeight(pdf, row);
    ensureSpace(pdf, height);
    const top = pdf.y;
    artifact(pdf, () => row.forEach((_, i) => pdf.rect(left + i * (w + FIGURE_GAP), top, w, height).fill(COLOUR.boxFill)));
    row.forEach((f, i) => {
      const x = left + i * (w + FIGURE_GAP);
      const li = group(pdf, list, "LI");
      tagged(pdf, li, "LBody", () => {
        setStyle(pdf, STYLE.small).text(f.label, x + FIGURE_PAD, top + FIGURE_PAD, { width: inner, lineGap: LINE_GAP });
        pdf.y += 2;
        setStyle(pdf, STYLE.figureValue).text(f.value, x + FIGURE_PAD, pdf.y, { width: inner, lineGap: LINE_GAP });
        if (f.note) {
          pdf.y += 2;
          setStyle(pdf, STYLE.small).text(f.note, x + FIGURE_PAD, pdf.y, { width: inner, lineGap: LINE_GAP });
        }
      });
      li.end();
    });
    pdf.x = left;
    pdf.y = top + height + FIGURE_GAP;
  }
  list.end();
  pdf.y -= FIGURE_GAP;
}

const imageHeight = (pdf: Pdf) => (frame(pdf).width * CHART_IMAGE_SIZE.height) / CHART_IMAGE_SIZE.width;

/** The chart's caption and description around an image `image` points high. */
function chartHeight(pdf: Pdf, chart: ChartSpec, image = imageHeight(pdf)): number {
  const { width } = frame(pdf);
  return textHeight(pdf, STYLE.caption, chart.title, width) + 4 + image + 4 + textHeight(pdf, STYLE.small, chart.description, width);
}

/**
 * The image's height on this page: full size when it fits; smaller (down to MIN_CHART_SCALE)
 * when the page is not yet half full, rather than move the chart on and leave the rest empty;
 * else full size on the next page.
 */
function fittedImageHeight(pdf: Pdf, chart: ChartSpec): number {
  const full = imageHeight(pdf);
  const room = frame(pdf).bottom - pdf.y;
  const around = chartHeight(pdf, chart, 0);
  if (around + full <= room) return full;
  const { top, bottom } = frame(pdf);
  const wouldLeaveEmpty = (pdf.y - top) / (bottom - top) < MIN_PAGE_FILL;
  const fitted = room - around;
  return wouldLeaveEmpty && fitted >= full * MIN_CHART_SCALE ? fitted : full;
}

function writeChart(pdf: Pdf, parent: Struct, chart: ChartSpec) {
  const png = renderChartPng(chart);
  const { left, width } = frame(pdf);
  const height = fittedImageHeight(pdf, chart);
  ensureSpace(pdf, chartHeight(pdf, chart, height));
  const figure = group(pdf, parent, "Div");
  tagged(pdf, figure, "P", () => setStyle(pdf, STYLE.caption).text(chart.title, left, pdf.y, { width, lineGap: LINE_GAP }));
  const top = pdf.y + 4;
  const imageWidth = (height / imageHeight(pdf)) * width;
  // The image itself carries the chart's alt text: its description, the chart in words.
  tagged(pdf, figure, "Figure", () => pdf.image(png, left + (width - imageWidth) / 2, top, { width: imageWidth, height }), { alt: chart.description });
  pdf.y = top + height + 4;
  // The description is the chart in words: the caption a screen-reader user of the page hears.
  tagged(pdf, figure, "P", () => setStyle(pdf, STYLE.small).text(chart.description, left, pdf.y, { width, lineGap: LINE_GAP }));
  figure.end();
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
      return chartHeight(pdf, b.chart, fittedImageHeight(pdf, b.chart));
  }
}

export async function writeBlock(pdf: Pdf, parent: Struct, b: ReportBlock): Promise<void> {
  switch (b.kind) {
    case "paragraph":
      writeParagraph(pdf, parent, b);
      break;
    case "bullets":
      writeBullets(pdf, parent, b);
      break;
    case "figures":
      writeFigures(pdf, parent, b);
      break;
    case "table":
      await writeTable(pdf, parent, b);
      break;
    case "chart":
      writeChart(pdf, parent, b.chart);
      break;
  }
  pdf.x = frame(pdf).left;
  pdf.y += BLOCK_GAP;
}
