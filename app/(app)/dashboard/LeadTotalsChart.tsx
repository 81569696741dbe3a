"use client";

import {
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
  type ChartOptions,
} from "chart.js";
import { Line } from "react-chartjs-2";
import type { LeadTotalsChartData } from "@/lib/charts/leadTotalsChart";

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Tooltip, Legend);

export function LeadTotalsChart({
  data,
  weekLabels,
  title,
  unit,
}: {
  data: LeadTotalsChartData;
  weekLabels: string[];
  title: string;
  unit: string;
}) {
  const options: ChartOptions<"line"> = {
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: "index", intersect: false },
    plugins: { legend: { position: "bottom" } },
    scales: {
      y: { beginAtZero: true, title: { display: Boolean(unit), text: unit } },
      x: { ticks: { maxRotation: 0, autoSkip: true } },
    },
  };
  const summary = data.series
    .map((s) => `${s.teamName}: ${s.totals[s.totals.length - 1] ?? 0} this week, target ${s.weeklyTarget}`)
    .join("; ");
  return (
    <div className="chart-box">
      <Line
        data-testid="lead-totals-chart"
        role="img"
        aria-label={`${title}. ${summary}. The table below lists every value.`}
        options={options}
        data={{
          labels: weekLabels.map((l) => l.replace(/ \d{4}$/, "")),
          datasets: data.series.map((s) => ({
            label: s.teamName,
            data: s.totals,
            borderColor: s.colour,
            backgroundColor: s.colour,
            tension: 0.25,
            pointRadius: 3,
          })),
        }}
      />
    </div>
  );
}
