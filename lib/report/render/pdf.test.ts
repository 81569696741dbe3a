// pdf.js is imported first on purpose: it installs a global Path2D from its own copy of
// @napi-rs/canvas before chart.js loads, which the chart renderer must cope with.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { ReportDocument } from "@/lib/report/document";
import { buildNarrative } from "@/lib/report/narrative/narrative";
import type { ReportSnapshot } from "@/lib/report/snapshot/types";
import demo from "@/tests/fixtures/demoReportSnapshot.json";
import { pageFill, pdfRuns, pdfText } from "@/tests/helpers/pdfInspect";
import { LAST_TEAM_NOTE, UNICODE_SAMPLE, makeTestDocument, testDocument } from "@/tests/fixtures/reportDocument";
import { renderReportPdf } from "./pdf";

type TreeNode = { role?: string; alt?: string; children?: TreeNode[] };
/** Every structure element of every page's tag tree, as pdf.js reads it (role and alt text). */
async function structRoles(buf: Buffer): Promise<TreeNode[]> {
  const pdf = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false }).promise;
  const out: TreeNode[] = [];
  const walk = (n: TreeNode) => {
    if (n.role) out.push(n);
    n.children?.forEach(walk);
  };
  for (let i = 1; i <= pdf.numPages; i++) walk((await (await pdf.getPage(i)).getStructTree()) as TreeNode);
  await pdf.destroy();
  return out;
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

  it("starts a section marked for it on a new page when the page is at least half full, and flows it on otherwise", async () => {
    const paragraph = { kind: "paragraph" as const, text: "The coaching rhythm held through the quarter, and the teams that kept it saw their resolution times fall week after week. ".repeat(4) };
    const withFirstSection = (paragraphs: number): ReportDocument => ({
      ...testDocument,
      sections: [
        { id: "first", title: "First section", blocks: Array.from({ length: paragraphs }, () => paragraph) },
        { id: "second", title: "Second section", blocks: [paragraph], pageBreakBefore: true },
      ],
    });
    const pageOfSecond = async (paragraphs: number) => (await pdfText((await renderReportPdf(withFirstSection(paragraphs))).pdf)).pages.findIndex((p) => p.includes("Second section")) + 1;
    // Under half the page used (the title, the particulars and one paragraph): the second section follows on the same page.
    expect(await pageOfSecond(1)).toBe(1);
    // Most of the page used: it starts the next page, as asked.
    expect(await pageOfSecond(7)).toBe(2);
  }, 60_000);

  it("leaves no page but the last less than half full, in the demo's report and in a long table's", async () => {
    const demoDoc = buildNarrative(demo as unknown as ReportSnapshot, "a".repeat(64));
    for (const doc of [demoDoc, testDocument, makeTestDocument({ teams: 62 }), makeTestDocument({ teams: 77 })]) {
      const fill = await pageFill((await renderReportPdf(doc)).pdf);
      expect(fill.length).toBeGreaterThan(2);
      // The last page holds what is left over: it may be short.
      fill.slice(0, -1).forEach((f, i) => expect(f, `${doc.title}, page ${i + 1} of ${fill.length}: ${Math.round(f * 100)}% full`).toBeGreaterThanOrEqual(0.5));
    }
  }, 120_000);

  it("is a tagged PDF 1.7 in the organization's language, with its title shown and its headings, tables and charts tagged", async () => {
    const raw = pdf.toString("latin1");
    expect(raw.startsWith("%PDF-1.7")).toBe(true);
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toMatch(/\/Lang \(en-GB\)/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    const roles = await structRoles(pdf);
    const count = (role: string) => roles.filter((n) => n.role === role).length;
    expect(count("H1")).toBe(1);
    expect(count("H2")).toBe(testDocument.sections.length);
    expect(count("Table")).toBeGreaterThan(0);
    expect(count("TH")).toBe(4); // the team table's header, once (its repeats on later pages are artifacts)
    expect(count("TD")).toBe(4 * 80); // every cell of its 80 rows
    const figures = roles.filter((n) => n.role === "Figure");
    expect(figures.map((f) => f.alt)).toEqual([
      "Weekly lead attainment rose from 78% to 86% → above the 80% target in 10 of 13 weeks; the shaded band is the 80% forecast range.",
      "Benefits passed costs in August: £48,200 against £31,900 by the end of the quarter.",
    ]);
  });

  it("is dated the report's as-of day and names its title and subject once each", async () => {
    const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
    const info = (await doc.getMetadata()).info as Record<string, string>;
    await doc.destroy();
    expect(info.CreationDate).toBe("D:20260930000000Z");
    expect(info.ModDate).toBe("D:20260930000000Z");
    expect(info.Title).toBe("Quarterly ROI narrative");
    expect(info.Subject).toBe("All teams (80), Q3 2026 (1 Jul – 30 Sep 2026)");
    expect(pdf.toString("latin1").match(/\/Subject /g)).toHaveLength(1);
  });

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
