// A chart's numbers as a table — a column of its labels, then one per dataset — for the page's
// "chart data as a table" and for Markdown, which cannot draw the chart. Pure.
import type { ChartDataset, ChartSpec, TableColumn } from "../document";

export function chartTable(
  chart: ChartSpec,
  opts: { format: (value: number) => string; labelHeader: string; include?: (dataset: ChartDataset) => boolean },
): { columns: TableColumn[]; rows: string[][] } {
  const shown = opts.include ? chart.datasets.filter(opts.include) : chart.datasets;
  return {
    columns: [{ label: opts.labelHeader, align: "left" }, ...shown.map((d) => ({ label: d.label, align: "right" as const }))],
    rows: chart.labels.map((label, i) => [label, ...shown.map((d) => (d.data[i] == null ? "—" : opts.format(d.data[i]!)))]),
  };
}
