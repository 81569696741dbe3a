// What the PDF's block writers share: the page geometry, the type styles, the pagination rules
// every block follows (start a new page when the next piece does not fit; never leave a heading
// alone at the bottom of a page; never leave a page more than half empty to start a section on
// the next), and the tagging that makes the PDF accessible: every piece of text and every chart
// is the content of a structure element (H1, H2, P, L/LI, Table/TR/TH/TD, Figure with its alt
// text), everything else — fills, rules, repeated table headers, footers — an artifact a screen
// reader skips. Server only: it drives pdfkit.
import "server-only";

export type Pdf = PDFKit.PDFDocument;
/** A structure element of the PDF's tag tree. */
export type Struct = PDFKit.PDFStructureElement;
/** pdfkit's structure options, with the table header cell's scope its types leave out. */
type StructOptions = { alt?: string; lang?: string; title?: string; scope?: "Column" | "Row" };

/** Font names registered on every document (pdf.ts). */
export const FONT = { regular: "report-regular", bold: "report-bold" } as const;

export const PAGE = {
  size: "A4",
  margins: { top: 50, left: 50, right: 50, bottom: 60 },
  /** Baseline area of the footer, inside the bottom margin. */
  footerFromBottom: 36,
} as const;

export const COLOUR = { text: "#111827", muted: "#4b5563", rule: "#d1d5db", headerFill: "#e5e7eb", zebraFill: "#f6f7f9", boxFill: "#f3f4f6" } as const;

export type TextStyle = { font: keyof typeof FONT; size: number; colour?: string };

export const STYLE = {
  title: { font: "bold", size: 22 },
  subtitle: { font: "regular", size: 13, colour: COLOUR.muted },
  meta: { font: "regular", size: 9.5, colour: COLOUR.muted },
  heading: { font: "bold", size: 15 },
  lead: { font: "regular", size: 12.5 },
  body: { font: "regular", size: 10.5 },
  caption: { font: "bold", size: 10 },
  small: { font: "regular", size: 8.5, colour: COLOUR.muted },
  cell: { font: "regular", size: 9 },
  headerCell: { font: "bold", size: 9 },
  figureValue: { font: "bold", size: 16 },
} as const satisfies Record<string, TextStyle>;

/** Extra space between lines of running text, in points. */
export const LINE_GAP = 2;

export function setStyle(pdf: Pdf, style: TextStyle): Pdf {
  return pdf.font(FONT[style.font]).fontSize(style.size).fillColor(style.colour ?? COLOUR.text);
}

/** The text column of the current page. */
export function frame(pdf: Pdf) {
  const m = pdf.page.margins;
  return { left: m.left, width: pdf.page.width - m.left - m.right, top: m.top, bottom: pdf.page.height - m.bottom };
}

/** Height of one line of running text in `style` (sets the style on the document). */
export function lineHeight(pdf: Pdf, style: TextStyle): number {
  setStyle(pdf, style);
  return pdf.currentLineHeight(true) + LINE_GAP;
}

/** Height of `text` wrapped to `width` in `style`, at least one line (sets the style on the document). */
export function textHeight(pdf: Pdf, style: TextStyle, text: string, width: number): number {
  return Math.max(lineHeight(pdf, style), pdf.heightOfString(text, { width, lineGap: LINE_GAP }));
}

/** How much of the current page's text area is used so far (0..1). */
export function pageFilled(pdf: Pdf): number {
  const { top, bottom } = frame(pdf);
  return Math.min(1, Math.max(0, (pdf.y - top) / (bottom - top)));
}

/** A page is not left more than half empty to start something on the next. */
export const MIN_PAGE_FILL = 0.5;

export function atPageTop(pdf: Pdf): boolean {
  return pdf.y <= frame(pdf).top + 0.5;
}

/** Starts a new page unless `height` more points fit above the bottom margin. */
export function ensureSpace(pdf: Pdf, height: number): void {
  if (pdf.y + height > frame(pdf).bottom && !atPageTop(pdf)) pdf.addPage();
}

/** A structure element under `parent` that holds other elements (a section, a list, a table row); the caller ends it. */
export function group(pdf: Pdf, parent: Struct, type: string, options: StructOptions = {}): Struct {
  const el = pdf.struct(type, options as PDFKit.Mixins.StructureElementOptions);
  parent.add(el);
  return el;
}

/**
 * Draws `draw` as the content of a new structure element under `parent`: what it writes is what
 * a screen reader reads as that heading, paragraph or cell (pdfkit carries it onto the next page
 * when the text runs over). `draw` must not draw artifacts: they would close the content early.
 */
export function tagged(pdf: Pdf, parent: Struct, type: string, draw: () => void, options: StructOptions = {}): Struct {
  const el = group(pdf, parent, type, options);
  const content = pdf.markStructureContent(type);
  draw();
  pdf.endMarkedContent();
  el.add(content);
  el.end();
  return el;
}

/** Draws decoration (a fill, a rule) or a repeat (a footer, a continued table's header) that is not part of the text. */
export function artifact(pdf: Pdf, draw: () => void, type: "Layout" | "Pagination" = "Layout"): void {
  pdf.markContent("Artifact", { type });
  draw();
  pdf.endMarkedContent();
}

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
