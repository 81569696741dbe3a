import { describe, expect, it } from "vitest";
import { CSV_BOM } from "@/lib/csv/format";
import { appendixRows, renderAppendixCsv } from "./appendix";
import { testDocument } from "@/tests/fixtures/reportDocument";

const csv = renderAppendixCsv(testDocument);
const lines = csv.slice(CSV_BOM.length).split("\r\n");

describe("report data appendix (CSV)", () => {
  it("starts with a byte-order mark and the header, unless asked not to", () => {
    expect(csv.startsWith(CSV_BOM + "section,item,metric,value,unit,display\r\n")).toBe(true);
    expect(renderAppendixCsv(testDocument, { bom: false }).startsWith("section,")).toBe(true);
  });

  it("says which report the numbers belong to, then lists one line per fact, then the numbers the facts do not carry", () => {
    expect(lines.slice(1, 6)).toEqual([
      "report,,title,,,Quarterly ROI narrative",
      "report,,period,,,Q3 2026 (1 Jul – 30 Sep 2026)",
      "report,,as of,,,2026-09-30",
      "report,,fingerprint,,,3f9a1c2b7d4e5f60",
      "report,,version,1,,1",
    ]);
    expect(lines.slice(6, 6 + testDocument.facts.length)).toEqual(testDocument.facts.map((f) => expect.stringMatching(new RegExp(`^${f.section},`))));
    expect(lines).toHaveLength(1 + 5 + appendixRows(testDocument).length + 1);
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

  it("lists a chart's data by series and period, a band's edges apart, as the Markdown prints them", () => {
    expect(lines).toContain("Trends,Lead attainment by week · Attainment,W27,82,%,82");
    expect(lines).toContain("Trends,\"Lead attainment by week · Forecast, 80% range, low\",W37,83,%,83");
    expect(lines).toContain("Trends,\"Lead attainment by week · Forecast, 80% range, high\",W37,91,%,91");
    expect(lines).toContain('Trends,Benefits and costs by month · Benefits,Aug,31000.5,GBP,"31,000.5"');
    // The helper line is not a series of its own.
    expect(csv).not.toContain("Forecast low");
  });

  it("lists every other printed number with the table row and column, or the words around it", () => {
    expect(lines).toContain("Results by team,Lead attainment and resolution time by team · Team 2,Attainment,89.8,%,89.8%");
    expect(lines).toContain("Summary,List item,time fell from 24 h to 19 h,19,,19");
    expect(lines).toContain("Summary,Key figures · ROI,Note,31,%,31%");
    expect(lines).toContain("Summary,Key figures · Teams on track,Value,61,,61");
    // A team's name is the row's label, not a number of the report.
    expect(lines.filter((l) => l.includes(",Team,"))).toEqual([]);
  });

  it("does not list again a number a fact carries where the fact's names are printed beside it", () => {
    const fact = { section: "Teams", item: "Team 2", metric: "Lead attainment", value: 89.83, unit: "%", display: "89.8%" };
    const rows = appendixRows({ ...testDocument, facts: [fact] });
    expect(rows.filter((r) => r.display === "89.8%" && / · Team 2$|^Team 2$/.test(r.item))).toEqual([fact]);
    expect(rows.filter((r) => r.display === "87.1%" && r.item.endsWith(" · Team 3"))).toHaveLength(1);
  });
});
