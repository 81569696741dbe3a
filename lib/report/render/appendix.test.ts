import { describe, expect, it } from "vitest";
import { CSV_BOM } from "@/lib/csv/format";
import { renderAppendixCsv } from "./appendix";
import { testDocument } from "@/tests/fixtures/reportDocument";

const csv = renderAppendixCsv(testDocument);
const lines = csv.slice(CSV_BOM.length).split("\r\n");

describe("report data appendix (CSV)", () => {
  it("starts with a byte-order mark and the header, unless asked not to", () => {
    expect(csv.startsWith(CSV_BOM + "section,item,metric,value,unit,display\r\n")).toBe(true);
    expect(renderAppendixCsv(testDocument, { bom: false }).startsWith("section,")).toBe(true);
  });

  it("says which report the numbers belong to, then lists one line per fact", () => {
    expect(lines.slice(1, 6)).toEqual([
      "report,,title,,,Quarterly ROI narrative",
      "report,,period,,,Q3 2026 (1 Jul – 30 Sep 2026)",
      "report,,as of,,,2026-09-30",
      "report,,fingerprint,,,3f9a1c2b7d4e5f60",
      "report,,version,1,,1",
    ]);
    expect(lines).toHaveLength(1 + 5 + testDocument.facts.length + 1);
    expect(lines.at(-1)).toBe("");
  });

  it("writes raw numbers with a decimal dot and no grouping, and the printed value beside them", () => {
    expect(lines).toContain('summary,program,costs,31900.25,GBP,"£31,900"');
    expect(lines).toContain("summary,program,roi,0.52,ratio,52%");
  });

  it("leaves a missing value empty and guards text a spreadsheet would run as a formula", () => {
    expect(lines).toContain("teams,Team 5,resolution,,h,—");
    expect(lines).toContain(`teams,"'=HYPERLINK(""x"")",attainment,84.5,%,84.5%`);
    expect(csv).not.toMatch(/undefined|null|NaN/);
  });
});
