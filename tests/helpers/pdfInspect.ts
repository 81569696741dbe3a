// Reading a rendered PDF back as a reader's tools would: the text of each page, each page's text
// runs with their height, and how full each page is. pdf.js is imported first on purpose: it
// installs a global Path2D from its own copy of @napi-rs/canvas before chart.js loads, which the
// chart renderer must cope with.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { PAGE } from "@/lib/report/render/pdfLayout";

type Run = { str: string; /** Baseline, points from the bottom of the page. */ y: number; height: number };

async function eachPage<T>(buf: Buffer, read: (page: Awaited<ReturnType<Awaited<ReturnType<typeof getDocument>["promise"]>["getPage"]>>) => Promise<T>): Promise<T[]> {
  const pdf = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false }).promise;
  const out: T[] = [];
  for (let n = 1; n <= pdf.numPages; n++) out.push(await read(await pdf.getPage(n)));
  await pdf.destroy();
  return out;
}

/** The text of every page, as a reader copying it would get it (pdf.js splits lines into items). */
export async function pdfText(buf: Buffer): Promise<{ pages: string[]; numPages: number }> {
  const pages = await eachPage(buf, async (page) => (await page.getTextContent()).items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
  return { pages, numPages: pages.length };
}

/** Each page's text runs with their baseline height (points from the bottom of the page). */
export async function pdfRuns(buf: Buffer): Promise<Run[][]> {
  return eachPage(buf, async (page) =>
    (await page.getTextContent()).items.flatMap((item) => ("str" in item && item.str.trim() ? [{ str: item.str, y: item.transform[5] as number, height: item.height }] : [])),
  );
}

/**
 * How much of each page's text area is used: from the top margin down to the lowest line above
 * the footer, as a share of the area between the margins (charts end with their caption text,
 * tables and key-figure boxes with a line of text, so the lowest line is where the content ends).
 */
export async function pageFill(buf: Buffer): Promise<number[]> {
  const pageHeight = 841.89; // A4
  const top = PAGE.margins.top;
  const usable = pageHeight - top - PAGE.margins.bottom;
  return (await pdfRuns(buf)).map((runs) => {
    const body = runs.filter((r) => r.y > PAGE.footerFromBottom + 12);
    if (!body.length) return 0;
    const lowest = Math.min(...body.map((r) => r.y));
    return Math.min(1, (pageHeight - lowest - top) / usable);
  });
}
