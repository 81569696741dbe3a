// The quarterly ROI narrative as a PDF (A4), laid out from the report document: a header with
// the title and the report's particulars, then each section with its blocks, and a footer on
// every page that says which report, which period and which snapshot (fingerprint) it is.
// The same document always gives the same bytes, so a re-download can be compared with the
// original and a stored copy verified. A tagged PDF (PDF 1.7): its language, its title shown
// as the window title, and a tag tree — Document > H1, Sect > H2 and the blocks (pdfLayout.ts) —
// so a screen reader reads it in order, with headings to jump between and tables cell by cell.
import "server-only";
import PDFDocument from "pdfkit";
import type { ReportDocument, ReportSection } from "@/lib/report/document";
import { reportParticulars } from "@/lib/report/render/particulars";
import { reportFontBytes } from "./fonts";
import { blockStartHeight, writeBlock } from "./pdfBlocks";
import { COLOUR, FONT, LINE_GAP, MIN_PAGE_FILL, PAGE, STYLE, artifact, atPageTop, ensureSpace, frame, group, pageFilled, setStyle, tagged, textHeight, yieldToEventLoop, type Pdf, type Struct } from "./pdfLayout";

/**
 * The document's creation and modification date: the report's as-of day (midnight UTC). pdfkit
 * would stamp the current time and derive the file ID from it; the as-of day keeps the bytes
 * the same at every download and still tells a reader's PDF viewer which day the report is of.
 */
export function documentDate(doc: ReportDocument): Date {
  const [y, m, d] = doc.meta.asOfDay.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

function createPdf(doc: ReportDocument): Pdf {
  const date = documentDate(doc);
  const pdf = new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margins,
    // Footers say "Page N of M", known only at the end: keep every page open until then.
    bufferPages: true,
    autoFirstPage: false,
    // No Helvetica: pdfkit would load it as the starting font, and the report never uses it.
    font: "",
    pdfVersion: "1.7",
    tagged: true,
    lang: doc.meta.lang,
    displayTitle: true,
    info: {
      Title: doc.title,
      // The subtitle is the period: said once (it used to be followed by the period again).
      Subject: `${doc.meta.scope}, ${doc.meta.period}`,
      Author: doc.meta.preparedBy || doc.meta.organization,
      Keywords: `fingerprint ${doc.meta.fingerprint}`,
      CreationDate: date,
      ModDate: date,
    },
  });
  pdf.registerFont(FONT.regular, reportFontBytes("regular"));
  pdf.registerFont(FONT.bold, reportFontBytes("bold"));
  pdf.addPage();
  return pdf;
}

function writeHeader(pdf: Pdf, root: Struct, doc: ReportDocument) {
  const { left, width } = frame(pdf);
  tagged(pdf, root, "H1", () => setStyle(pdf, STYLE.title).text(doc.title, left, pdf.y, { width }));
  if (doc.subtitle) tagged(pdf, root, "P", () => setStyle(pdf, STYLE.subtitle).text(doc.subtitle, { width, lineGap: LINE_GAP }));
  pdf.moveDown(0.6);
  for (const [label, value] of reportParticulars(doc.meta)) {
    tagged(pdf, root, "P", () => {
      pdf.font(FONT.bold).fontSize(STYLE.meta.size).fillColor(STYLE.meta.colour).text(`${label}: `, left, pdf.y, { continued: true, lineGap: LINE_GAP });
      pdf.font(FONT.regular).text(value, { width, lineGap: LINE_GAP });
    });
  }
  pdf.y += 8;
  artifact(pdf, () => pdf.moveTo(left, pdf.y).lineTo(left + width, pdf.y).lineWidth(0.75).strokeColor(COLOUR.rule).stroke());
  pdf.y += 14;
}

async function writeSection(pdf: Pdf, root: Struct, section: ReportSection) {
  // A section that asks for a new page gets one only when this page is at least half full:
  // never a page left mostly empty (the page after it would start a little lower instead).
  if (section.pageBreakBefore && !atPageTop(pdf) && pageFilled(pdf) >= MIN_PAGE_FILL) pdf.addPage();
  const { left, width } = frame(pdf);
  const heading = textHeight(pdf, STYLE.heading, section.title, width) + 6;
  // Keep the heading with the start of its first block: no heading alone at a page's foot.
  const first = section.blocks[0];
  ensureSpace(pdf, heading + (first ? blockStartHeight(pdf, first) : 0));
  const sect = group(pdf, root, "Sect", { title: section.title });
  tagged(pdf, sect, "H2", () => setStyle(pdf, STYLE.heading).text(section.title, left, pdf.y, { width }));
  pdf.y += 6;
  for (const block of section.blocks) {
    await writeBlock(pdf, sect, block);
    // Drawing a chart takes tens of milliseconds: let other requests in between charts.
    if (block.kind === "chart") await yieldToEventLoop();
  }
  sect.end();
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
    // A footer repeats on every page: an artifact, not read out each time.
    artifact(
      pdf,
      () =>
        setStyle(pdf, { font: "regular", size: 8, colour: COLOUR.muted }).text(text, left, pdf.page.height - PAGE.footerFromBottom, {
          width,
          align: "center",
          // One line; a very long organization name is cut short rather than wrapped off the page.
          height: pdf.currentLineHeight(true),
          ellipsis: true,
        }),
      "Pagination",
    );
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

  const root = pdf.struct("Document");
  pdf.addStructure(root);
  writeHeader(pdf, root, doc);
  const total = doc.sections.length;
  for (const [i, section] of doc.sections.entries()) {
    await writeSection(pdf, root, section);
    opts.onProgress?.(i + 1, total);
    await yieldToEventLoop();
  }
  root.end();
  const pages = writeFooters(pdf, doc);
  pdf.end();
  return { pdf: await finished, pages };
}
