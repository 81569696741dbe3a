import type { LegendItem } from "chart.js";
import { describe, expect, it } from "vitest";
import { CATEGORY_TICKS, LEGEND, VALUE_TICKS } from "@/lib/charts/axes";
import type { ChartSpec } from "@/lib/report/document";
import { attainmentChart, costChart } from "@/tests/fixtures/reportDocument";
import { chartValueFormatter, reportChartConfig } from "./chartConfig";

const spec = (format: ChartSpec["y"]["format"], locale = "en-GB", currency = "GBP") => ({ y: { title: "", format }, locale, currency });

// Chart.js calls the tick callback with (value, index, ticks) on the scale; only the value matters here.
type Tick = (value: number | string) => string;

describe("report chart configuration", () => {
  it("prints percentages as given (84.5 is 84.5%), with at most one decimal", () => {
    const f = chartValueFormatter(spec("percent"));
    expect([84.5, 80, 66.666].map(f)).toEqual(["84.5%", "80%", "66.7%"]);
    expect(chartValueFormatter(spec("percent", "de-DE"))(84.5)).toBe("84,5\u00a0%");
  });

  it("prints money in the organization's currency without decimals", () => {
    expect(chartValueFormatter(spec("money"))(48200.4)).toBe("£48,200");
    expect(chartValueFormatter(spec("money", "de-DE", "EUR"))(1234)).toBe("1.234\u00a0€");
  });

  it("prints plain numbers with at most one decimal", () => {
    const f = chartValueFormatter(spec("number"));
    expect([19.44, 1200, -2.5].map(f)).toEqual(["19.4", "1,200", "-2.5"]);
  });

  it("formats the y-axis ticks the same way", () => {
    const ticks = reportChartConfig(costChart()).options?.scales?.y?.ticks as { callback: Tick };
    expect(ticks.callback(30000)).toBe("£30,000");
    expect(ticks.callback("12.5")).toBe("£13");
  });

  it("fills a band down to the dataset before it, in the band's colour", () => {
    const datasets = reportChartConfig(attainmentChart()).data.datasets as unknown as Record<string, unknown>[];
    expect(datasets.map((d) => d.fill)).toEqual([false, "-1", false, false]);
    expect(datasets[1]!.backgroundColor).toBe("rgba(29, 78, 216, 0.15)");
    expect(datasets[2]).toMatchObject({ borderColor: "#1d4ed8", backgroundColor: "#1d4ed8", pointRadius: 2, borderDash: [] });
    expect(datasets[3]).toMatchObject({ borderDash: [6, 4], stepped: true, pointRadius: 0 });
  });

  it("hides the lower edge of a band from the legend and keeps the rest", () => {
    const config = reportChartConfig(attainmentChart());
    const filter = config.options!.plugins!.legend!.labels!.filter!;
    const shown = config.data.datasets.map((_, datasetIndex) => filter({ datasetIndex } as LegendItem, config.data));
    expect(shown).toEqual([false, true, true, true]);
  });

  it("shares the app's axes and legend, so months read the same way in the PDF as on the web", () => {
    const options = reportChartConfig(costChart(), { fontFamily: "DejaVu Sans" }).options!;
    // Month labels tilt up to 45° before any is skipped, at most a dozen of them, as on the dashboard.
    expect(options.scales?.x?.ticks).toEqual({ ...CATEGORY_TICKS, font: { family: "DejaVu Sans" } });
    expect(options.scales?.y?.ticks).toMatchObject({ ...VALUE_TICKS, font: { family: "DejaVu Sans" } });
    expect(options.plugins?.legend).toMatchObject({ position: LEGEND.position, labels: { ...LEGEND.labels, font: { family: "DejaVu Sans" } } });
  });

  it("puts the legend at the bottom, the axis title on y, and sizes for the page unless told otherwise", () => {
    const page = reportChartConfig(attainmentChart());
    expect(page.options).toMatchObject({ responsive: true, maintainAspectRatio: false, animation: false });
    expect(page.options?.plugins?.legend?.position).toBe("bottom");
    expect(page.options?.scales?.y).toMatchObject({ min: 60, max: 100, title: { display: true, text: "Attainment (%)" } });
    const image = reportChartConfig(costChart(), { responsive: false, devicePixelRatio: 2, fontFamily: "DejaVu Sans" });
    expect(image.type).toBe("bar");
    expect(image.options).toMatchObject({ responsive: false, devicePixelRatio: 2, scales: { y: { beginAtZero: true, ticks: { font: { family: "DejaVu Sans" } } } } });
  });
});
