// A chart's numbers as a table — a column of its labels, then one per dataset — for the page's
// "chart data as a table", for Markdown, which cannot draw the chart, and for the data appendix.
// A band is drawn as two datasets, its lower edge (a helper line hidden from the legend) and its
// upper edge filled down to it; in a table it is one column under the band's label, each cell
// printed "low–high" so neither edge is lost. Pure.
import type { ChartDataset, ChartSpec, TableColumn } from "../document";

/** Between a band's edges: an en dash, as in "17.3–21.8". */
export const RANGE_DASH = "–";
const DASH = "—";

/** One column of a chart's table: a dataset, or a band made of its lower and upper edges. */
export type ChartColumn = { label: string; values: (number | null)[]; lower?: (number | null)[] };

/** The lower edge of a band is the helper dataset just before the one filled down to it. */
const isLowerEdge = (datasets: readonly ChartDataset[], i: number) => datasets[i]!.legend === false && datasets[i + 1]?.fill === "previous";

export function chartColumns(chart: ChartSpec, include: (dataset: ChartDataset) => boolean = () => true): ChartColumn[] {
  const columns: ChartColumn[] = [];
  chart.datasets.forEach((d, i) => {
    if (isLowerEdge(chart.datasets, i)) return;
    const lower = i > 0 && d.fill === "previous" && isLowerEdge(chart.datasets, i - 1) ? chart.datasets[i - 1]!.data : undefined;
    if (!lower && !include(d)) return;
    columns.push({ label: d.label, values: d.data, ...(lower ? { lower } : {}) });
  });
  return columns;
}

/** A cell as printed: the value, "low–high" for a band, or a dash when there is none. */
export function chartCell(column: ChartColumn, i: number, format: (value: number) => string): string {
  const v = column.values[i];
  const lo = column.lower?.[i];
  if (column.lower && lo != null && v != null) return `${format(lo)}${RANGE_DASH}${format(v)}`;
  return v == null ? DASH : format(v);
}

export function chartTable(
  chart: ChartSpec,
  opts: { format: (value: number) => string; labelHeader: string; include?: (dataset: ChartDataset) => boolean },
): { columns: TableColumn[]; rows: string[][] } {
  const shown = chartColumns(chart, opts.include);
  return {
    columns: [{ label: opts.labelHeader, align: "left" }, ...shown.map((c) => ({ label: c.label, align: "right" as const }))],
    rows: chart.labels.map((label, i) => [label, ...shown.map((c) => chartCell(c, i, opts.format))]),
  };
}
