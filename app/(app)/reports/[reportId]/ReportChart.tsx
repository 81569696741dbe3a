"use client";
// A report chart drawn in the browser from the configuration the PDF's image is drawn with
// (lib/report/render/chartConfig.ts), so the page and the PDF show the same chart.
import { useMemo } from "react";
import { LazyChart } from "@/app/_components/LazyChart";
import { reportChartConfig } from "@/lib/report/render/chartConfig";
import { whiteBackground } from "@/lib/charts/whiteBackground";
import type { ChartSpec } from "@/lib/report/document";
import styles from "./report.module.css";

export function ReportChart({ spec }: { spec: ChartSpec }) {
  const config = useMemo(() => reportChartConfig(spec), [spec]);
  return (
    <div className={styles.chartBox}>
      <LazyChart
        type={config.type}
        data={config.data}
        options={config.options}
        plugins={[whiteBackground<"line" | "bar">()]}
        data-testid={`report-chart-${spec.id}`}
        role="img"
        aria-label={`${spec.title}. ${spec.description} The table under the chart lists every value.`}
      />
    </div>
  );
}
