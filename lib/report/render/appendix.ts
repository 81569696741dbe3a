// The report's data appendix as CSV: every number the report prints, raw and as printed, so a
// reader can check the narrative in a spreadsheet. The first rows say which report the numbers
// belong to; then the narrative's facts (raw values, recorded as they were worded); then each
// chart's data point by point (a band's two edges apart), labelled by chart, series and period;
// then every other number the document prints — in a table, a key figure, a sentence, a caption —
// labelled by section, table and row, column, or the words around it, with the printed value.
// Reading the document's blocks rather than the sections' code keeps the appendix complete
// whatever a section starts to print. Written with the project's CSV rules (lib/csv/format.ts):
// BOM, CRLF, quoting and the apostrophe in front of text a spreadsheet would run as a formula. Pure.
import { CSV_BOM, csvHeader, csvLine, type CsvCell } from "@/lib/csv/format";
import type { ReportBlock, ReportDocument, ReportFact, ReportSection } from "../document";
import { chartColumns } from "./chartTable";
import { chartNumber, chartSeriesShown } from "./markdown";

export const APPENDIX_COLUMNS = ["section", "item", "metric", "value", "unit", "display"] as const;

export type AppendixRow = ReportFact;

const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?";
/** Dates and quarters name a period; they are labels, not numbers of the report. */
const PERIOD = new RegExp(
  `\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2} ${MONTH}(?: \\d{4})?|\\b${MONTH} \\d{1,2}(?:, \\d{4})?(?!\\d)|\\b${MONTH} \\d{4}\\b|\\bQ[1-4] \\d{4}\\b`,
  "g",
);
/** A printed number: sign, currency, grouped digits, decimals, percent ("-£3,517", "84.5%"). */
const NUMBER = /(?<![\w.,])[-−+]?[£$€]?\d+(?:,\d{3})*(?:\.\d+)?%?(?!\w)/g;

type Printed = { token: string; index: number };

const blank = (m: string) => " ".repeat(m.length);

/** The numbers a string prints; dates, quarters and the digits of a name ("Tier 1 Support") left out. */
export function printedNumbers(text: string, names: readonly string[] = []): Printed[] {
  let blanked = text.replace(PERIOD, blank);
  for (const name of names) blanked = blanked.replaceAll(name, blank);
  return [...blanked.matchAll(NUMBER)].map((m) => ({ token: m[0], index: m.index }));
}

/** What a fact names (a team, a measure, a program, a lead → lag pair), piece by piece. */
const namedIn = (f: ReportFact) => f.item.split(/ · | → /);

/** Whether a text names something as a whole: "Team 2" is not named in "Team 20". */
function names(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (!/\w/.test(text[at - 1] ?? "") && !/\w/.test(text[at + name.length] ?? "")) return true;
  }
  return false;
}

/** One spelling per number: "−1,200" and "-1200" are the same printed number. */
const normal = (token: string) => token.replace(/−/g, "-").replace(/,/g, "");

const CURRENCY: Record<string, string> = { "£": "GBP", $: "USD", "€": "EUR" };

/** The value and unit of a number read back from print. */
function readBack(token: string): { value: number | null; unit: string } {
  const t = normal(token);
  const currency = /[£$€]/.exec(t)?.[0];
  const value = Number(t.replace(/[£$€%+]/g, ""));
  return { value: Number.isFinite(value) ? value : null, unit: t.endsWith("%") ? "%" : currency ? CURRENCY[currency]! : "" };
}

/** The words around a number in a sentence, so its row says what it counts. */
function around(text: string, p: Printed): string {
  const before = text.slice(0, p.index).split(/(?<=[.;!?])\s+/).at(-1)!.split(/\s+/).slice(-7).join(" ");
  const after = text.slice(p.index + p.token.length).split(/[.;!?](?:\s|$)/)[0]!.split(/\s+/).slice(0, 5).join(" ");
  return `${before}${p.token}${after}`.replace(/\s+/g, " ").trim();
}

/** A place in the document that prints numbers: its text, labels, and what the facts may name in it. */
type Spot = { item: string; metric: string | ((p: Printed) => string); text: string; context: string };

function spots(block: ReportBlock): Spot[] {
  const sentence = (item: string, text: string): Spot => ({ item, metric: (p) => around(text, p), text, context: text });
  switch (block.kind) {
    case "paragraph":
      return [sentence("Text", block.text)];
    case "bullets":
      return block.items.map((text) => sentence(/^[^:]{1,80}(?=:)/.exec(text)?.[0] ?? "List item", text));
    case "figures":
      return block.items.flatMap((f) => {
        const context = `${f.label} ${f.value} ${f.note ?? ""}`;
        return [
          { item: `Key figures · ${f.label}`, metric: "Value", text: f.value, context },
          { item: `Key figures · ${f.label}`, metric: "Note", text: f.note ?? "", context },
        ];
      });
    case "table": {
      const caption = block.caption || "Table";
      return [
        sentence(caption, block.caption),
        ...block.columns.map((c) => ({ item: caption, metric: "Column heading", text: c.label, context: c.label })),
        ...block.rows.flatMap((row) => {
          // The left-aligned cells before the first number column name the row ("Billing Care ·
          // Coaching conversations"); they are its label, not numbers of the report.
          const firstNumber = block.columns.findIndex((c) => c.align === "right");
          const labelCells = firstNumber < 0 ? 0 : firstNumber;
          const label = row.slice(0, labelCells).filter(Boolean).join(" · ");
          const context = `${block.caption} ${row.join(" ")}`;
          return row.slice(labelCells).map((text, i) => ({ item: label ? `${caption} · ${label}` : caption, metric: block.columns[labelCells + i]?.label ?? "", text, context }));
        }),
        ...(block.note ? [sentence(caption, block.note)] : []),
      ];
    }
    case "chart":
      return [
        sentence(block.chart.title, block.chart.title),
        sentence(block.chart.title, block.chart.description),
        ...chartColumns(block.chart, chartSeriesShown).map(({ label }) => ({ item: block.chart.title, metric: "Series", text: label, context: label })),
      ];
  }
}

/** A chart's data point by point, as Markdown and the page's table print them. */
function chartRows(section: ReportSection, block: Extract<ReportBlock, { kind: "chart" }>): AppendixRow[] {
  const { chart } = block;
  const format = chartNumber(chart);
  const unit = chart.y.format === "percent" ? "%" : chart.y.format === "money" ? chart.currency : "";
  return chartColumns(chart, chartSeriesShown).flatMap((column) =>
    chart.labels.flatMap((period, i) => {
      const edges: [string, number | null | undefined][] = column.lower
        ? [[`${column.label}, low`, column.lower[i]], [`${column.label}, high`, column.values[i]]]
        : [[column.label, column.values[i]]];
      return edges.flatMap(([series, v]) => (v == null ? [] : [{ section: section.title, item: `${chart.title} · ${series}`, metric: period, value: v, unit, display: format(v) }]));
    }),
  );
}

/** Every row of the appendix after the report's particulars, in the document's order. */
export function appendixRows(doc: ReportDocument): AppendixRow[] {
  // A number is already in the appendix when a fact prints it and everything the fact names
  // (its item: a team, a measure, a program) is printed beside it.
  const facts = new Map<string, ReportFact[]>();
  for (const f of doc.facts) for (const p of printedNumbers(f.display)) facts.set(normal(p.token), [...(facts.get(normal(p.token)) ?? []), f]);
  const covered = (token: string, context: string) => (facts.get(normal(token)) ?? []).some((f) => namedIn(f).every((part) => names(context, part)));
  // Names with digits in them, longest first, so "Tier 1 Support" goes before "Tier 1".
  const withDigits = [...new Set(doc.facts.flatMap(namedIn))].filter((n) => /\d/.test(n) && /\p{L}{2}/u.test(n)).sort((a, b) => b.length - a.length);

  const rows: AppendixRow[] = [...doc.facts];
  const seen = new Set<string>();
  const add = (section: ReportSection, spot: Spot) => {
    for (const p of printedNumbers(spot.text, withDigits)) {
      if (covered(p.token, `${section.title} ${spot.context}`)) continue;
      const metric = typeof spot.metric === "string" ? spot.metric : spot.metric(p);
      const key = [section.title, spot.item, metric, p.token].join("\u0000");
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ section: section.title, item: spot.item, metric, ...readBack(p.token), display: p.token });
    }
  };
  for (const section of doc.sections) {
    add(section, { item: "Heading", metric: "Section title", text: section.title, context: section.title });
    for (const block of section.blocks) {
      if (block.kind === "chart") rows.push(...chartRows(section, block));
      for (const spot of spots(block)) add(section, spot);
    }
  }
  return rows;
}

const text = (t: string): CsvCell => ({ text: t });
/** An absent value is an empty cell, never "null" or "NaN". */
const value = (v: number | null): CsvCell => (v != null && Number.isFinite(v) ? { number: v } : { raw: "" });

export function renderAppendixCsv(doc: ReportDocument, opts: { bom?: boolean } = {}): string {
  const context: [metric: string, value: number | null, display: string][] = [
    ["title", null, doc.title],
    ["period", null, doc.meta.period],
    ["as of", null, doc.meta.asOf],
    ["fingerprint", null, doc.meta.fingerprint],
    ["version", doc.version, String(doc.version)],
  ];
  return (
    (opts.bom ?? true ? CSV_BOM : "") +
    csvHeader(APPENDIX_COLUMNS) +
    context.map(([metric, v, display]) => csvLine([text("report"), text(""), text(metric), value(v), text(""), text(display)])).join("") +
    appendixRows(doc)
      .map((f) => csvLine([text(f.section), text(f.item), text(f.metric), value(f.value), text(f.unit), text(f.display)]))
      .join("")
  );
}
