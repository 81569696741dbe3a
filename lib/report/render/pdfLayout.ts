// What the PDF's block writers share: the page geometry, the type styles, and the two
// pagination rules every block follows (start a new page when the next piece does not fit;
// never leave a heading alone at the bottom of a page). Server only: it drives pdfkit.
import "server-only";

export type Pdf = PDFKit.PDFDocument;

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

export function atPageTop(pdf: Pdf): boolean {
  return pdf.y <= frame(pdf).top + 0.5;
}

/** Starts a new page unless `height` more points fit above the bottom margin. */
export function ensureSpace(pdf: Pdf, height: number): void {
  if (pdf.y + height > frame(pdf).bottom && !atPageTop(pdf)) pdf.addPage();
}

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
