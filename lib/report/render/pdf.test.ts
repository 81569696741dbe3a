// pdf.js is imported first on purpose: it installs a global Path2D from its own copy of
// @napi-rs/canvas before chart.js loads, which the chart renderer must cope with.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReportDocument } from "@/lib/report/document";
import { LAST_TEAM_NOTE, UNICODE_SAMPLE, makeTestDocument, testDocument } from "@/tests/fixtures/reportDocument";
import { renderReportPdf } from "./pdf";

/** The text of every page, as a reader copying it would get it (pdf.js splits lines into items). */
async function pdfText(buf: Buffer): Promise<{ pages: string[]; numPages: number }> {
  const pdf = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
  }
  await pdf.destroy();
  return { pages, numPages: pdf.numPages };
}

const pageCount = async (doc: ReportDocument) => (await pdfText((await renderReportPdf(doc)).pdf)).numPages;

/** Each page's text runs with their baseline height (points from the bottom of the page). */
async function pdfRuns(buf: Buffer): Promise<{ str: string; y: number }[][]> {
  const pdf = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.flatMap((item) => ("str" in item && item.str.trim() ? [{ str: item.str, y: item.transform[5] as number }] : [])));
  }
  await pdf.destroy();
  return pages;
}

describe("report PDF", () => {
  let pdf: Buffer;
  let text: { pages: string[]; numPages: number };
  beforeAll(async () => {
    pdf = (await renderReportPdf(testDocument)).pdf;
    text = await pdfText(pdf);
  }, 60_000);

  it("is a PDF, byte for byte the same every time it is rendered", async () => {
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect((await renderReportPdf(testDocument)).pdf.equals(pdf)).toBe(true);
  }, 60_000); // a second whole render: ~0.3 s alone, seconds on a busy 2-core machine

  it("prints the title, the running text with its symbols, and the last row of a table that runs over pages", () => {
    const all = text.pages.join("\n");
    expect(text.pages[0]).toContain("Quarterly ROI narrative");
    expect(all).toContain("The coaching program returned £1.52 for every £1 spent this quarter.");
    expect(all.replace(/\s+/g, " ")).toContain(UNICODE_SAMPLE);
    expect(all).toContain(LAST_TEAM_NOTE);
    expect(text.numPages).toBeGreaterThan(2);
  });

  it("repeats the table's header row on the pages it continues onto", () => {
    const continued = text.pages.filter((p) => p.includes("Lead attainment and resolution time by team (continued)"));
    expect(continued.length).toBeGreaterThan(0);
    for (const page of continued) expect(page).toMatch(/Team\s*Attainment\s*Resolution\s*Note/);
  });

  it("keeps every table row whole on one page", () => {
    // The long notes wrap over several lines; each starts and ends on the same page.
    for (const page of text.pages) {
      expect(page.match(/Coaching moved/g)?.length ?? 0).toBe(page.match(/wraps\./g)?.length ?? 0);
    }
  });

  it("numbers every page in its footer with the report's particulars", () => {
    const n = text.numPages;
    text.pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${n} · Northwind Support · Q3 2026 (1 Jul – 30 Sep 2026) · fingerprint 3f9a1c2b7d4e5f60`);
    });
  });

  it("embeds the charts as images", () => {
    const images = pdf.toString("latin1").match(/\/Subtype \/Image/g) ?? [];
    expect(images).toHaveLength(2);
  });

  it("starts a section marked for it on a new page", async () => {
    const flagged: ReportDocument = {
      ...testDocument,
      sections: testDocument.sections.map((s) => (s.id === "method" ? { ...s, pageBreakBefore: true } : s)),
    };
    expect(await pageCount(flagged)).toBeGreaterThan(await pageCount(testDocument));
  }, 60_000);

  it("never leaves a section heading alone at the foot of a page", async () => {
    const titles = new Set(testDocument.sections.map((s) => s.title));
    // Tables of different lengths put the next heading at different heights on the page.
    for (const teams of [62, 67, 72, 77]) {
      for (const runs of await pdfRuns((await renderReportPdf(makeTestDocument({ teams }))).pdf)) {
        const footer = Math.min(...runs.map((r) => r.y));
        for (const heading of runs.filter((r) => titles.has(r.str))) {
          expect(runs.some((r) => r.y < heading.y - 1 && r.y > footer + 1)).toBe(true);
        }
      }
    }
  }, 60_000);

  it("reports its progress section by section", async () => {
    const calls: [number, number][] = [];
    await renderReportPdf(testDocument, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
  }, 60_000);
});
