import { describe, expect, it } from "vitest";
import type { ReportDocument } from "../document";
import { renderReportMarkdown } from "./markdown";
import { LAST_TEAM_NOTE, UNICODE_SAMPLE, testDocument } from "@/tests/fixtures/reportDocument";

const md = renderReportMarkdown(testDocument);
const lines = md.split("\n");

describe("report as Markdown", () => {
  it("has the title, the particulars, a heading per section and the fingerprint line", () => {
    expect(lines[0]).toBe("# Quarterly ROI narrative");
    expect(lines[2]).toBe("Customer-service coaching program, Q3 2026");
    expect(md).toContain("- **Organization:** Northwind Support\n- **Scope:** All teams (80)\n");
    expect(lines.filter((l) => l.startsWith("## "))).toEqual(["## Summary", "## Results by team", "## Trends", "## Method"]);
    expect(md.endsWith("\n\nFingerprint: 3f9a1c2b7d4e5f60 · report format version 1\n")).toBe(true);
    expect(md).not.toContain("\r");
  });

  it("leaves out a particular without a value", () => {
    const doc = { ...testDocument, meta: { ...testDocument.meta, preparedBy: "" } };
    expect(renderReportMarkdown(doc)).not.toContain("Prepared by");
  });

  it("keeps the text as written, with bullets and key figures", () => {
    expect(md).toContain(UNICODE_SAMPLE);
    expect(md).toContain("- Resolution time fell from 24 h to 19 h.\n- Two teams");
    expect(md).toContain("| Figure | Value | Note |\n| --- | ---: | --- |\n| ROI | 52% | 80% range 31% – 70% |\n| Net benefit | £16,300 |  |");
  });

  it("writes tables with a bold caption, right-aligned number columns, escaped pipes and an italic note", () => {
    expect(md).toContain("**Lead attainment and resolution time by team**\n\n| Team | Attainment | Resolution | Note |\n| --- | ---: | ---: | --- |\n| Team 1 | ");
    expect(md).toContain("resolution time fell \\| a long note that wraps. |");
    expect(md).toContain(`| Team 80 | 89.0% | 15.0 h | ${LAST_TEAM_NOTE} |\n\n*Attainment is the share of weeks at or above the lead target.*`);
  });

  it("keeps a cell with a line break on one table row", () => {
    const doc: ReportDocument = {
      ...testDocument,
      sections: [{ id: "s", title: "S", blocks: [{ kind: "table", caption: "", columns: [{ label: "A|B", align: "left" }], rows: [["one\ntwo"]] }] }],
    };
    expect(renderReportMarkdown(doc)).toContain("## S\n\n| A\\|B |\n| --- |\n| one<br>two |\n\n");
  });

  it("lists a chart's data under its title and description, a band as one column printed low–high", () => {
    expect(md).toContain("**Lead attainment by week**\n\nWeekly lead attainment rose from 78% to 86% → above the 80% target in 10 of 13 weeks; the shaded band is the 80% forecast range. (chart in the PDF and on the report page)\n\n");
    expect(md).toContain("|  | Forecast, 80% range | Attainment | Target ≥ 80% |\n| --- | ---: | ---: | ---: |\n| W27 | — | 82 | 80 |");
    // Week 31 has no value: a dash, never "null".
    expect(md).toMatch(/\| W31 \| — \| — \| 80 \|/);
    expect(md).toContain("| Aug | 31,000.5 | 25,400 |");
    expect(md).toMatch(/\| W37 \| 83–91 \| [\d.]+ \| 80 \|/);
    expect(md).not.toContain("Forecast low");
  });

  it("never prints undefined, null or NaN", () => {
    expect(md).not.toMatch(/undefined|null|NaN/);
  });
});
