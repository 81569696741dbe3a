// Every number the report prints is in its data appendix: the demo organization's report (from a
// frozen snapshot of it) and the small fixture report are rendered to Markdown, every number the
// Markdown prints — in tables, chart data, key figures and sentences: percentages, money, counts,
// decimals, both edges of a range — is read back with a parser of its own, and each must be a
// printed value of the CSV appendix; a chart's value must sit in the row of its series and
// period. A missing number fails the test with the number and where it was printed.
//
// tests/fixtures/demoReportSnapshot.json is `collectSnapshot` of the demo organization (seedDemo
// with today = 2026-12-01), organization scope, quarter 2026-Q4; regenerate it that way when the
// snapshot's shape changes.
import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv/parse";
import { buildNarrative } from "@/lib/report/narrative/narrative";
import type { ReportSnapshot } from "@/lib/report/snapshot/types";
import demo from "@/tests/fixtures/demoReportSnapshot.json";
import { SHA, snapshot } from "@/tests/fixtures/reportSnapshot";
import { renderAppendixCsv } from "./appendix";
import { renderReportMarkdown } from "./markdown";

const MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec";
/** Dates ("29 Nov 2026", "Jul 20, 2026", "Nov 2027", "2026-11-29") and quarters ("Q4 2026") are labels, not figures. */
const DATES = new RegExp(`\\d{4}-\\d\\d-\\d\\d|\\b\\d{1,2} (?:${MONTHS})\\w*\\.?(?: \\d{4})?|\\b(?:${MONTHS})\\w*\\.? \\d{4}|\\b(?:${MONTHS})\\w*\\.? \\d{1,2}(?:, \\d{4})?|\\bQ\\d \\d{4}`, "g");
/** Numbers standing alone: "-£3,517", "84.5%", "0.12", "2,400"; not the digits of "P10", "W27" or "10th". */
const NUMBERS = /(?<![\w.,])[-−+]?[£$€]?\d+(?:,\d{3})*(?:\.\d+)?%?(?![\w])/g;

/** The snapshot's names (teams, measures, programs, benefit lines): "Tier 1 Support" prints no number. */
function namesIn(value: unknown, key = ""): string[] {
  if (typeof value === "string") return /^(name|team|leadName|lagName|programName|participants|controls)$/.test(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => namesIn(v, key));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => namesIn(v, k));
  return [];
}

/** Names with digits, longest first ("Tier 1 Support" before "Tier 1"). */
const namesWithDigits = (snapshot: unknown) => namesIn(snapshot).filter((n) => /\d/.test(n)).sort((a, b) => b.length - a.length);

function numbersIn(text: string, names: readonly string[] = []): string[] {
  let rest = text.replace(DATES, " ");
  for (const name of names) rest = rest.replaceAll(name, " ");
  return (rest.match(NUMBERS) ?? []).map((n) => n.replace(/−/g, "-").replace(/,/g, ""));
}

type Printed = { number: string; where: string; row?: string; column?: string; chart?: boolean };

/** Every number in the Markdown, with the heading, table row and column or line it stands in. */
function printedNumbers(md: string, names: readonly string[]): Printed[] {
  const out: Printed[] = [];
  let heading = "";
  let caption = "";
  let header: string[] | null = null;
  let chart = false;
  const cells = (line: string) => line.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim());
  for (const line of md.split("\n")) {
    if (line.startsWith("## ")) [heading, caption] = [line.slice(3), ""];
    if (line.startsWith("**") && line.endsWith("**")) caption = line.slice(2, -2);
    if (line.endsWith("(chart in the PDF and on the report page)")) chart = true;
    if (!line.startsWith("|")) {
      header = null;
      if (line.trim() && !line.startsWith("**")) chart = line.endsWith("(chart in the PDF and on the report page)");
      for (const number of numbersIn(line, names)) out.push({ number, where: `${heading}: "${line.slice(0, 80)}…"` });
      continue;
    }
    const row = cells(line);
    if (!header) {
      header = row;
      for (const number of numbersIn(line, names)) out.push({ number, where: `${heading} › ${caption}: column heading "${line}"` });
      continue;
    }
    if (row.every((c) => /^-+:?$/.test(c))) continue;
    row.forEach((cell, i) =>
      numbersIn(cell, names).forEach((number) =>
        out.push({ number, where: `${heading} › ${caption} › row "${row[0]}", column "${header![i]}"`, row: row[0], column: header![i], chart: chart && i > 0 }),
      ),
    );
  }
  return out;
}

type Row = { section: string; item: string; metric: string; value: string; display: string; numbers: string[] };

function appendix(csv: string): Row[] {
  const { header, records } = parseCsv(csv);
  const at = (name: string) => header.indexOf(name);
  return records.map(({ cells }) => {
    // A cell starting with "-" or "+" carries the apostrophe that keeps a spreadsheet from running it.
    const display = cells[at("display")]!.replace(/^'(?=[-+=@])/, "");
    return { section: cells[at("section")]!, item: cells[at("item")]!, metric: cells[at("metric")]!, value: cells[at("value")]!, display, numbers: numbersIn(display) };
  });
}

/** The printed numbers the appendix lacks, or lists without the chart's series and period. */
function missing(md: string, rows: Row[], names: readonly string[]): string[] {
  const printedValues = new Set(rows.flatMap((r) => r.numbers));
  return printedNumbers(md, names).flatMap((p) => {
    if (!printedValues.has(p.number)) return [`${p.number} (${p.where})`];
    if (!p.chart) return [];
    const labelled = rows.some((r) => r.numbers.includes(p.number) && r.metric === p.row && r.item.includes(`· ${p.column}`));
    return labelled ? [] : [`${p.number} without its series and period (${p.where})`];
  });
}

const reports = [
  { name: "the demo organization's report", snapshot: demo as unknown as ReportSnapshot },
  { name: "the fixture report", snapshot: snapshot() },
];

describe.each(reports)("the data appendix of $name", ({ snapshot: s }) => {
  const names = namesWithDigits(s);
  const doc = buildNarrative(s, SHA);
  const md = renderReportMarkdown(doc);
  const rows = appendix(renderAppendixCsv(doc));

  it("lists every number the Markdown prints, in its tables, charts' data and sentences", () => {
    expect(printedNumbers(md, names).length).toBeGreaterThan(50);
    expect(missing(md, rows, names)).toEqual([]);
  });

  it("prints a band as low–high and lists both edges", () => {
    const bands = md.split("\n").flatMap((l) => l.match(/\| -?[\d,.]+–-?[\d,.]+ \|/g) ?? []);
    expect(bands.length).toBeGreaterThan(0);
    for (const band of bands) {
      const [low, high] = band.slice(2, -2).split("–");
      expect(Number(low!.replace(/,/g, ""))).toBeLessThanOrEqual(Number(high!.replace(/,/g, "")));
    }
  });
});

describe("the completeness check", () => {
  const names = namesWithDigits(demo);
  const doc = buildNarrative(demo as unknown as ReportSnapshot, SHA);
  const md = renderReportMarkdown(doc);
  const rows = appendix(renderAppendixCsv(doc));

  it("names a number the appendix lacks, with where the report printed it", () => {
    const without = rows.filter((r) => !r.numbers.includes("19.6"));
    expect(missing(md, without, names)).toEqual([expect.stringMatching(/^19\.6 \(Results: what moved: "Average resolution time \(lower is better\): weekly means/)]);
  });

  it("names a chart value listed without its series and period", () => {
    const mislabelled = rows.map((r) => (r.metric === "5 Oct" && r.item.endsWith("· Tier 1 Support") ? { ...r, metric: "12 Oct" } : r));
    expect(missing(md, mislabelled, names)).toEqual(['81.67 without its series and period (Execution: what the teams did › Lead measure attainment by week, Q4 2026 › row "5 Oct", column "Tier 1 Support")']);
  });
});

describe("the demo report's appendix labels", () => {
  const doc = buildNarrative(demo as unknown as ReportSnapshot, SHA);
  const md = renderReportMarkdown(doc);
  const rows = appendix(renderAppendixCsv(doc));
  const valueRow = (item: string) => rows.find((r) => r.section === "Results" && r.item === item && r.metric.startsWith("Value"));

  it("dates a lag measure's latest value by the day it was recorded, as the report does, not by the report's date", () => {
    expect(md).toContain("from 86.7% to 87.6% on 31 Oct 2026");
    expect(valueRow("Customer retention")).toMatchObject({ metric: "Value on 2026-10-31", display: "87.6%" });
    expect(md).toContain("from 19 to 27 on 31 Oct 2026");
    expect(valueRow("NPS")).toMatchObject({ metric: "Value on 2026-10-31", display: "27" });
    expect(valueRow("CSAT")).toMatchObject({ metric: "Value on 2026-11-29", display: "83.6%" });
  });
});
