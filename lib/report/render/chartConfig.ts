// One chart.js configuration for a report chart, used twice: the report page draws it with
// react-chartjs-2 and the PDF renderer paints it on a server canvas (lib/report/render/chartImage.ts),
// so the printed chart is the chart the reader saw on the page. Its axes and legend are the app's
// (lib/charts/axes.ts), so months and weeks read the same way in the PDF as on the dashboard.
// Pure: it builds an object.
import type { ChartConfiguration, ChartDataset as ChartJsDataset } from "chart.js";
import { CATEGORY_TICKS, LEGEND, VALUE_TICKS } from "@/lib/charts/axes";
import { formatLocalePercent, formatMoney, formatNumber } from "@/lib/domain/format";
import type { ChartDataset, ChartSpec } from "@/lib/report/document";

export type ReportChartOptions = {
  /** Off by default: a report chart is read, not watched, and the server canvas paints once. */
  animation?: boolean;
  /** Pixels per CSS pixel; the server renderer asks for 2 so the PDF stays sharp when zoomed. */
  devicePixelRatio?: number;
  /** A font family the canvas knows; the server canvas has only the fonts it registered. */
  fontFamily?: string;
  /** Follow the container's size (the page); false on a fixed-size off-screen canvas. */
  responsive?: boolean;
};

export type ReportChartConfiguration = ChartConfiguration<"line" | "bar", (number | null)[], string>;

type Dataset = ChartJsDataset<"line" | "bar", (number | null)[]>;

/** The axis and tooltip number format. Percent values are already percentages (84.5 means 84.5%). */
export function chartValueFormatter(spec: Pick<ChartSpec, "y" | "locale" | "currency">): (value: number) => string {
  const { locale, currency } = spec;
  switch (spec.y.format) {
    case "percent":
      return (v) => formatLocalePercent(v, locale, 1);
    case "money":
      return (v) => formatMoney(v, locale, currency);
    case "number":
      return (v) => formatNumber(v, locale, 1);
  }
}

function dataset(d: ChartDataset, type: ChartSpec["type"]): Dataset {
  const band = d.fill === "previous";
  return {
    label: d.label,
    data: d.data,
    borderColor: d.color,
    // A band is coloured by its fill; a line's points and legend box take the line colour.
    backgroundColor: band ? (d.fillColor ?? d.color) : d.color,
    ...(type === "line"
      ? {
          // "-1" is chart.js for "fill down to the dataset before this one".
          fill: band ? "-1" : false,
          borderDash: d.dashed ? [6, 4] : [],
          stepped: d.stepped ?? false,
          pointRadius: d.pointRadius ?? 2,
        }
      : {}),
  } as Dataset;
}

export function reportChartConfig(spec: ChartSpec, opts: ReportChartOptions = {}): ReportChartConfiguration {
  const format = chartValueFormatter(spec);
  const font = opts.fontFamily ? { font: { family: opts.fontFamily } } : {};
  return {
    type: spec.type,
    data: { labels: spec.labels, datasets: spec.datasets.map((d) => dataset(d, spec.type)) },
    options: {
      responsive: opts.responsive ?? true,
      // The page gives the chart a box of fixed height; the server canvas has a fixed size.
      maintainAspectRatio: false,
      animation: opts.animation ? {} : false,
      ...(opts.devicePixelRatio ? { devicePixelRatio: opts.devicePixelRatio } : {}),
      interaction: { mode: "index", intersect: false },
      plugins: {
        legend: {
          ...LEGEND,
          labels: {
            ...LEGEND.labels,
            ...font,
            // The lower edge of a band is a helper line; the band itself carries the label.
            filter: (item) => item.datasetIndex == null || spec.datasets[item.datasetIndex]?.legend !== false,
          },
        },
        tooltip: {
          callbacks: {
            label: (c) => `${c.dataset.label ?? ""}: ${c.parsed.y == null ? "—" : format(c.parsed.y)}`,
          },
        },
      },
      scales: {
        x: { ticks: { ...CATEGORY_TICKS, ...font } },
        y: {
          ...(spec.y.min != null ? { min: spec.y.min } : {}),
          ...(spec.y.max != null ? { max: spec.y.max } : {}),
          beginAtZero: spec.y.beginAtZero ?? false,
          title: { display: spec.y.title !== "", text: spec.y.title, ...font },
          ticks: { ...VALUE_TICKS, callback: (v) => format(Number(v)), ...font },
        },
      },
    },
  };
}
