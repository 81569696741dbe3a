// The report's data appendix as CSV: every number the report prints, raw and as printed, so a
// reader can check the narrative in a spreadsheet. The first rows say which report the numbers
// belong to. Written with the project's CSV rules (lib/csv/format.ts): BOM, CRLF, quoting and
// the apostrophe in front of text a spreadsheet would run as a formula. Pure.
import { CSV_BOM, csvHeader, csvLine, type CsvCell } from "@/lib/csv/format";
import type { ReportDocument } from "../document";

export const APPENDIX_COLUMNS = ["section", "item", "metric", "value", "unit", "display"] as const;

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
    doc.facts.map((f) => csvLine([text(f.section), text(f.item), text(f.metric), value(f.value), text(f.unit), text(f.display)])).join("")
  );
}
