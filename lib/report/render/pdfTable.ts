// A report table in the PDF: column widths fitted to the content, long cells wrapped, a bold
// header row on grey that is repeated on every page the table runs onto, and rows kept whole
// (a row that does not fit starts the next page). Tagged as Table > Caption, TR > TH/TD; the
// repeated header is an artifact, so a screen reader reads it once. Server only: it drives pdfkit.
import "server-only";
import type { ReportBlock } from "@/lib/report/document";
import { COLOUR, LINE_GAP, STYLE, artifact, ensureSpace, frame, group, lineHeight, setStyle, tagged, textHeight, yieldToEventLoop, type Pdf, type Struct, type TextStyle } from "./pdfLayout";

type TableBlock = Extract<ReportBlock, { kind: "table" }>;

const PAD_X = 4;
const PAD_Y = 3;

export type ColumnExtent = { min: number; max: number };

/**
 * Column widths for `total` points: every column gets at least its longest word (min). The
 * rest is shared out so that short columns (a name, a number) get their whole longest line
 * (max) and only the long ones (notes) wrap: each column in turn, narrowest need first, takes
 * what it needs or an equal share of what is left, whichever is less. When everything fits on
 * one line, the spare width is shared in proportion to the content. Only when even the longest
 * words do not fit are they squeezed (and broken).
 */
export function fitColumns(columns: readonly ColumnExtent[], total: number): number[] {
  const sumMin = columns.reduce((s, c) => s + c.min, 0);
  const sumMax = columns.reduce((s, c) => s + c.max, 0);
  if (sumMax <= 0) return columns.map(() => total / columns.length);
  if (sumMax <= total) return columns.map((c) => (c.max / sumMax) * total);
  if (sumMin > total) return columns.map((c) => (c.min / sumMin) * total);
  const widths = columns.map((c) => c.min);
  let spare = total - sumMin;
  const byNeed = columns.map((c, i) => ({ i, need: c.max - c.min })).sort((a, b) => a.need - b.need || a.i - b.i);
  byNeed.forEach(({ i, need }, k) => {
    const give = Math.min(need, spare / (byNeed.length - k));
    widths[i]! += give;
    spare -= give;
  });
  return widths;
}

type Cell = { text: string; /** Width on one line, padding included. */ oneLine: number };

type Layout = { block: TableBlock; left: number; widths: number[]; xs: number[]; header: Cell[]; rows: Cell[][] };

function measure(pdf: Pdf, style: TextStyle, text: string): Cell & ColumnExtent {
  setStyle(pdf, style);
  const widest = (parts: string[]) => Math.max(0, ...parts.map((p) => pdf.widthOfString(p))) + 2 * PAD_X;
  const lines = text.split(/\r?\n/);
  const max = widest(lines);
  return { text, oneLine: lines.length > 1 ? Infinity : max, min: widest(text.split(/\s+/)), max };
}

// Measuring every cell is most of a long table's cost, and the keep-with-heading check needs
// the same layout as the table itself: measure once per table and document.
const layouts = new WeakMap<TableBlock, { pdf: Pdf; layout: Layout }>();

function layout(pdf: Pdf, block: TableBlock): Layout {
  const cached = layouts.get(block);
  if (cached?.pdf === pdf) return cached.layout;
  const { left, width } = frame(pdf);
  const header = block.columns.map((c) => measure(pdf, STYLE.headerCell, c.label));
  const rows = block.rows.map((r) => block.columns.map((_, i) => measure(pdf, STYLE.cell, r[i] ?? "")));
  const extents = header.map((h, i) => ({
    min: Math.max(h.min, ...rows.map((r) => r[i]!.min)),
    max: Math.max(h.max, ...rows.map((r) => r[i]!.max)),
  }));
  const widths = fitColumns(extents, width);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const result = { block, left, widths, xs, header, rows };
  layouts.set(block, { pdf, layout: result });
  return result;
}

function rowHeight(pdf: Pdf, t: Layout, cells: readonly Cell[], style: TextStyle): number {
  // Most cells fit on one line; only the others need pdfkit's (slower) line wrapping to measure.
  const oneLine = lineHeight(pdf, style);
  const heights = t.widths.map((w, i) => {
    const cell = cells[i];
    return !cell || cell.oneLine <= w ? oneLine : textHeight(pdf, style, cell.text, w - 2 * PAD_X);
  });
  return Math.max(...heights) + 2 * PAD_Y;
}

/** Where a row's cells go: a table row of the tag tree (header cells TH, others TD), or nowhere (an artifact, such as a repeated header). */
type RowTags = { tr: Struct; cell: "TH" | "TD" } | null;

function drawRow(pdf: Pdf, t: Layout, cells: readonly Cell[], style: TextStyle, height: number, fill: string | null, tags: RowTags) {
  const y = pdf.y;
  const total = t.widths.reduce((s, w) => s + w, 0);
  if (fill) artifact(pdf, () => pdf.rect(t.left, y, total, height).fill(fill));
  // A row taller than a page is clipped rather than spilled: pdfkit would otherwise continue a
  // cell's text on a new page of its own.
  const room = frame(pdf).bottom - y - PAD_Y;
  t.widths.forEach((w, i) => {
    const draw = () =>
      setStyle(pdf, style).text(cells[i]?.text ?? "", t.xs[i]! + PAD_X, y + PAD_Y, {
        width: w - 2 * PAD_X,
        align: t.block.columns[i]?.align ?? "left",
        lineGap: LINE_GAP,
        height: room,
        ellipsis: true,
      });
    if (tags) tagged(pdf, tags.tr, tags.cell, draw, tags.cell === "TH" ? { scope: "Column" } : {});
    else artifact(pdf, draw, "Pagination");
  });
  pdf.x = t.left;
  pdf.y = y + height;
}

function captionHeight(pdf: Pdf, t: Layout): number {
  return t.block.caption ? textHeight(pdf, STYLE.caption, t.block.caption, frame(pdf).width) + 4 : 0;
}

/** The part of a table that must share a page with the heading above it: caption, header, first row. */
export function tableStartHeight(pdf: Pdf, block: TableBlock): number {
  const t = layout(pdf, block);
  const first = t.rows[0] ? rowHeight(pdf, t, t.rows[0], STYLE.cell) : 0;
  return captionHeight(pdf, t) + rowHeight(pdf, t, t.header, STYLE.headerCell) + first;
}

function writeCaption(pdf: Pdf, t: Layout, text: string, style: TextStyle) {
  setStyle(pdf, style).text(text, t.left, pdf.y, { width: frame(pdf).width, lineGap: LINE_GAP });
  pdf.y += 4;
}

/** A row of the tag tree: the header's TH cells or a body row's TD cells. */
function tableRow(pdf: Pdf, table: Struct, t: Layout, cells: readonly Cell[], style: TextStyle, height: number, fill: string | null, cell: "TH" | "TD") {
  const tr = group(pdf, table, "TR");
  drawRow(pdf, t, cells, style, height, fill, { tr, cell });
  tr.end();
}

/** Writes the table under `parent`; yields to the event loop at each page it starts, as a long table takes a while. */
export async function writeTable(pdf: Pdf, parent: Struct, block: TableBlock): Promise<void> {
  const t = layout(pdf, block);
  const headerHeight = rowHeight(pdf, t, t.header, STYLE.headerCell);
  ensureSpace(pdf, tableStartHeight(pdf, block));
  const table = group(pdf, parent, "Table");
  if (block.caption) tagged(pdf, table, "Caption", () => writeCaption(pdf, t, block.caption, STYLE.caption));
  tableRow(pdf, table, t, t.header, STYLE.headerCell, headerHeight, COLOUR.headerFill, "TH");
  for (const [i, row] of t.rows.entries()) {
    const height = rowHeight(pdf, t, row, STYLE.cell);
    if (pdf.y + height > frame(pdf).bottom) {
      await yieldToEventLoop();
      pdf.addPage();
      artifact(pdf, () => {
        if (block.caption) writeCaption(pdf, t, `${block.caption} (continued)`, STYLE.small);
      }, "Pagination");
      drawRow(pdf, t, t.header, STYLE.headerCell, headerHeight, COLOUR.headerFill, null);
    }
    tableRow(pdf, table, t, row, STYLE.cell, height, i % 2 === 1 ? COLOUR.zebraFill : null, "TD");
  }
  table.end();
  if (block.note) {
    pdf.y += 4;
    tagged(pdf, parent, "P", () => setStyle(pdf, STYLE.small).text(block.note!, t.left, pdf.y, { width: frame(pdf).width, lineGap: LINE_GAP }));
  }
}
