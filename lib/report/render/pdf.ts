// The quarterly ROI narrative as a PDF (A4), laid out from the report document: a header with
// the title and the report's particulars, then each section with its blocks, and a footer on
// every page that says which report, which period and which snapshot (fingerprint) it is.
// The same document always gives the same bytes, so a re-download can be compared with the
// original and a stored copy verified.
import "server-only";
import PDFDocument from "pdfkit";
import type { ReportDocument, ReportSection } from "@/lib/report/document";
import { reportParticulars } from "@/lib/report/render/particulars";
import { reportFontBytes } from "./fonts";
import { blockStartHeight, writeBlock } from "./pdfBlocks";
import { COLOUR, FONT, LINE_GAP, PAGE, STYLE, atPageTop, ensureSpace, frame, setStyle, textHeight, yieldToEventLoop, type Pdf } from "./pdfLayout";

/**
 * pdfkit stamps the current time into the document info and derives the file ID from it; a
 * fixed date keeps the bytes stable. (The document's dates are worded for the reader, "30 Sep
 * 2026", not machine-readable; the real dates are printed on the first page.)
 */
const DOCUMENT_DATE = new Date(Date.UTC(2000, 0, 1));

function createPdf(doc: ReportDocument): Pdf {
  const pdf = new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margins,
    // Footers say "Page N of M", known only at the end: keep every page open until then.
    bufferPages: true,
    autoFirstPage: false,
    // No Helvetica: pdfkit would load it as the starting font, and the report never uses it.
    font: "",
    displayTitle: true,
    info: {
      Title: doc.title,
      Subject: [doc.subtitle, doc.meta.period].filter(Boolean).join(" · "),
      Author: doc.meta.preparedBy || doc.meta.organization,
      Keywords: `fingerprint ${doc.meta.fingerprint}`,
      CreationDate: DOCUMENT_DATE,
      ModDate: DOCUMENT_DATE,
    },
  });
  pdf.registerFont(FONT.regular, reportFontBytes("regular"));
  pdf.registerFont(FONT.bold, reportFontBytes("bold"));
  pdf.addPage();
  return pdf;
}

function writeHeader(pdf: Pdf, doc: ReportDocument) {
  const { left, width } = frame(pdf);
  setStyle(pdf, STYLE.title).text(doc.title, left, pdf.y, { width });
  if (doc.subtitle) setStyle(pdf, STYLE.subtitle).text(doc.subtitle, { width, lineGap: LINE_GAP });
  pdf.moveDown(0.6);
  for (const [label, value] of reportParticulars(doc.meta)) {
    pdf.font(FONT.bold).fontSize(STYLE.meta.size).fillColor(STYLE.meta.colour).text(`${label}: `, left, pdf.y, { continued: true, lineGap: LINE_GAP });
    pdf.font(FONT.regular).text(value, { width, lineGap: LINE_GAP });
  }
  pdf.y += 8;
  pdf.moveTo(left, pdf.y).lineTo(left + width, pdf.y).lineWidth(0.75).strokeColor(COLOUR.rule).stroke();
  pdf.y += 14;
}

async function writeSection(pdf: Pdf, section: ReportSection) {
  if (section.pageBreakBefore && !atPageTop(pdf)) pdf.addPage();
  const { left, width } = frame(pdf);
  const heading = textHeight(pdf, STYLE.heading, section.title, width) + 6;
  // Keep the heading with the start of its first block: no heading alone at a page's foot.
  const first = section.blocks[0];
  ensureSpace(pdf, heading + (first ? blockStartHeight(pdf, first) : 0));
  setStyle(pdf, STYLE.heading).text(section.title, left, pdf.y, { width });
  pdf.y += 6;
  for (const block of section.blocks) {
    await writeBlock(pdf, block);
    // Drawing a chart takes tens of milliseconds: let other requests in between charts.
    if (block.kind === "chart") await yieldToEventLoop();
  }
  pdf.y += 8;
}

function writeFooters(pdf: Pdf, doc: ReportDocument): number {
  const { start, count } = pdf.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    const { left, width } = frame(pdf);
    const text = [`Page ${i - start + 1} of ${count}`, doc.meta.organization, doc.meta.period, `fingerprint ${doc.meta.fingerprint}`].filter(Boolean).join(" · ");
    // Text below the bottom margin would make pdfkit start a new page: lift the margin while writing.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    setStyle(pdf, { font: "regular", size: 8, colour: COLOUR.muted }).text(text, left, pdf.page.height - PAGE.footerFromBottom, {
      width,
      align: "center",
      // One line; a very long organization name is cut short rather than wrapped off the page.
      height: pdf.currentLineHeight(true),
      ellipsis: true,
    });
    pdf.page.margins.bottom = bottom;
  }
  return count;
}

/** The PDF's bytes and its number of pages (every page is kept open until the footers are written, so it is known here). */
export async function renderReportPdf(doc: ReportDocument, opts: { onProgress?: (done: number, total: number) => void } = {}): Promise<{ pdf: Buffer; pages: number }> {
  const pdf = createPdf(doc);
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  writeHeader(pdf, doc);
  const total = doc.sections.length;
  for (const [i, section] of doc.sections.entries()) {
    await writeSection(pdf, section);
    opts.onProgress?.(i + 1, total);
    await yieldToEventLoop();
  }
  const pages = writeFooters(pdf, doc);
  pdf.end();
  return { pdf: await finished, pages };
}
