// The report as GitHub-flavoured Markdown, for pasting into a wiki or an e-mail. Lays out the
// document's already-worded strings; the only numbers it formats itself are a chart's data,
// listed as a table because Markdown cannot draw the chart. Pure.
import { formatNumber } from "@/lib/domain/format";
import type { ChartDataset, ChartSpec, ReportBlock, ReportDocument, TableColumn } from "../document";
import { chartTable } from "./chartTable";
import { reportParticulars } from "./particulars";

/** A cell must stay on one line and must not end the cell early. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n|\r/g, "<br>");
}

/** A list item or paragraph continues on the next line only when it is indented under it. */
const oneBlock = (text: string, indent: string) => text.replace(/\r?\n|\r/g, `\n${indent}`);

function table(columns: readonly TableColumn[], rows: readonly string[][]): string[] {
  return [
    `| ${columns.map((c) => cell(c.label)).join(" | ")} |`,
    `| ${columns.map((c) => (c.align === "right" ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((r) => `| ${columns.map((_, i) => cell(r[i] ?? "")).join(" | ")} |`),
  ];
}

/** How Markdown (and so the data appendix) prints a chart's values: plain numbers, up to 2 decimals. */
export const chartNumber = (chart: ChartSpec) => (v: number) => formatNumber(v, chart.locale, 2);

/** The series a chart's table lists: a helper line hidden from the legend only as a band's lower edge. */
export const chartSeriesShown = (d: ChartDataset) => d.legend !== false;

function chartData(chart: ChartSpec): string[] {
  // A band is one column, each cell "low–high".
  const { columns, rows } = chartTable(chart, { format: chartNumber(chart), labelHeader: "", include: chartSeriesShown });
  return table(columns, rows);
}

function block(b: ReportBlock): string[] {
  switch (b.kind) {
    case "paragraph":
      return [oneBlock(b.text, "")];
    case "bullets":
      return [b.items.map((item) => `- ${oneBlock(item, "  ")}`).join("\n")];
    case "figures": {
      // The notes get their own column only when a figure has one, so most tables stay two columns.
      const notes = b.items.some((f) => f.note);
      const columns: TableColumn[] = [{ label: "Figure", align: "left" }, { label: "Value", align: "right" }, ...(notes ? [{ label: "Note", align: "left" as const }] : [])];
      return [table(columns, b.items.map((f) => [f.label, f.value, f.note ?? ""])).join("\n")];
    }
    case "table":
      return [...(b.caption ? [`**${cell(b.caption)}**`] : []), table(b.columns, b.rows).join("\n"), ...(b.note ? [`*${cell(b.note)}*`] : [])];
    case "chart":
      return [`**${cell(b.chart.title)}**`, `${oneBlock(b.chart.description, "")} (chart in the PDF and on the report page)`, chartData(b.chart).join("\n")];
  }
}

export function renderReportMarkdown(doc: ReportDocument): string {
  const parts: string[] = [
    `# ${doc.title}`,
    ...(doc.subtitle ? [doc.subtitle] : []),
    reportParticulars(doc.meta)
      .map(([label, value]) => `- **${label}:** ${oneBlock(value, "  ")}`)
      .join("\n"),
    ...doc.sections.flatMap((s) => [`## ${s.title}`, ...s.blocks.flatMap(block)]),
    `Fingerprint: ${doc.meta.fingerprint} · report format version ${doc.version}`,
  ];
  // One blank line between blocks keeps each a separate Markdown block.
  return parts.join("\n\n") + "\n";
}
