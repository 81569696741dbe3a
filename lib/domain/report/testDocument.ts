// A hand-written report document for the renderers' tests and the PDF benchmark: every block
// kind, a team table long enough to run over pages, a line chart with a forecast band, and the
// characters the built-in PDF fonts cannot print (→ ≥ − × £ €). Deterministic: no clocks, no
// random numbers, so two renders of it must give the same bytes.
import { REPORT_VERSION, type ChartSpec, type ReportDocument } from "./document";

export const UNICODE_SAMPLE = "Targets → met ≥ 80% · change −2.5 pts · 3 × faster · £1,200 and €950";
export const LAST_TEAM_NOTE = "Closing row: Omega desk";

const QUARTER_WEEKS = Array.from({ length: 13 }, (_, i) => `W${27 + i}`);

/** A repeatable wave, so the numbers look like data without a random generator. */
const wave = (base: number, amplitude: number, i: number) => Math.round((base + amplitude * Math.sin(i * 1.3)) * 10) / 10;

export function attainmentChart(id = "attainment", shift = 0): ChartSpec {
  const actual = QUARTER_WEEKS.map((_, i) => (i === 4 ? null : wave(82 + shift, 4, i)));
  return {
    id,
    title: "Lead attainment by week",
    description: "Weekly lead attainment rose from 78% to 86% → above the 80% target in 10 of 13 weeks; the shaded band is the 80% forecast range.",
    type: "line",
    labels: QUARTER_WEEKS,
    datasets: [
      { label: "Forecast low", data: QUARTER_WEEKS.map((_, i) => (i < 9 ? null : 80 + i * 0.3)), color: "transparent", pointRadius: 0, legend: false },
      {
        label: "Forecast, 80% range",
        data: QUARTER_WEEKS.map((_, i) => (i < 9 ? null : 88 + i * 0.3)),
        color: "transparent",
        fill: "previous",
        fillColor: "rgba(29, 78, 216, 0.15)",
        pointRadius: 0,
      },
      { label: "Attainment", data: actual, color: "#1d4ed8" },
      { label: "Target ≥ 80%", data: QUARTER_WEEKS.map(() => 80), color: "#7c3aed", dashed: true, pointRadius: 0, stepped: true },
    ],
    y: { title: "Attainment (%)", format: "percent", min: 60, max: 100 },
    locale: "en-GB",
    currency: "GBP",
  };
}

export function costChart(id = "costs"): ChartSpec {
  return {
    id,
    title: "Benefits and costs by month",
    description: "Benefits passed costs in August: £48,200 against £31,900 by the end of the quarter.",
    type: "bar",
    labels: ["Jul", "Aug", "Sep"],
    datasets: [
      { label: "Benefits", data: [12500, 31000.5, 48200], color: "#15803d" },
      { label: "Costs", data: [18000, 25400, 31900], color: "#475569" },
    ],
    y: { title: "Cumulative (£)", format: "money", beginAtZero: true },
    locale: "en-GB",
    currency: "GBP",
  };
}

function teamRows(count: number): string[][] {
  return Array.from({ length: count }, (_, i) => [
    `Team ${i + 1}`,
    `${wave(84, 6, i).toFixed(1)}%`,
    `${wave(20, 5, i + 2).toFixed(1)} h`,
    i === count - 1
      ? LAST_TEAM_NOTE
      : i % 7 === 3
        ? "Coaching moved from fortnightly to weekly in August; attainment followed within three weeks, and resolution time fell | a long note that wraps."
        : "",
  ]);
}

export function makeTestDocument(opts: { teams?: number; extraCharts?: number } = {}): ReportDocument {
  const teams = opts.teams ?? 80;
  const extra = Array.from({ length: opts.extraCharts ?? 0 }, (_, i) => ({ kind: "chart" as const, chart: attainmentChart(`extra-${i}`, i) }));
  return {
    version: REPORT_VERSION,
    title: "Quarterly ROI narrative",
    subtitle: "Customer-service coaching program, Q3 2026",
    meta: {
      organization: "Northwind Support",
      scope: "All teams (80)",
      period: "Q3 2026 (1 Jul – 30 Sep 2026)",
      asOf: "2026-09-30",
      generatedOn: "2026-10-02",
      preparedBy: "Ana López",
      fingerprint: "3f9a1c2b7d4e5f60",
    },
    sections: [
      {
        id: "summary",
        title: "Summary",
        blocks: [
          { kind: "paragraph", lead: true, text: "The coaching program returned £1.52 for every £1 spent this quarter." },
          { kind: "paragraph", text: `Attainment of the lead measures rose in most teams. ${UNICODE_SAMPLE}.` },
          {
            kind: "figures",
            items: [
              { label: "ROI", value: "52%", note: "80% range 31% – 70%" },
              { label: "Net benefit", value: "£16,300" },
              { label: "Fully-loaded costs", value: "£31,900", note: "8 cost lines" },
              { label: "Lead attainment", value: "84.5%" },
              { label: "Teams on track", value: "61 of 80" },
            ],
          },
          { kind: "bullets", items: ["Retention improved by 1.1 points against the comparison group.", "Resolution time fell from 24 h to 19 h.", "Two teams missed their target ≥ 3 weeks in a row."] },
        ],
      },
      {
        id: "teams",
        title: "Results by team",
        blocks: [
          {
            kind: "table",
            caption: "Lead attainment and resolution time by team",
            columns: [
              { label: "Team", align: "left" },
              { label: "Attainment", align: "right" },
              { label: "Resolution", align: "right" },
              { label: "Note", align: "left" },
            ],
            rows: teamRows(teams),
            note: "Attainment is the share of weeks at or above the lead target.",
          },
        ],
      },
      {
        id: "trends",
        title: "Trends",
        blocks: [{ kind: "chart", chart: attainmentChart() }, { kind: "chart", chart: costChart() }, ...extra],
      },
      {
        id: "method",
        title: "Method",
        blocks: [{ kind: "paragraph", text: "Benefits are isolated with the comparison-group method; costs are fully loaded, including participants' time." }],
      },
    ],
    facts: [
      { section: "summary", item: "program", metric: "roi", value: 0.52, unit: "ratio", display: "52%" },
      { section: "summary", item: "program", metric: "net benefit", value: 16300, unit: "GBP", display: "£16,300" },
      { section: "summary", item: "program", metric: "costs", value: 31900.25, unit: "GBP", display: "£31,900" },
      { section: "teams", item: "=HYPERLINK(\"x\")", metric: "attainment", value: 84.5, unit: "%", display: "84.5%" },
      { section: "teams", item: "Team 5", metric: "resolution", value: null, unit: "h", display: "—" },
    ],
  };
}

export const testDocument: ReportDocument = makeTestDocument();
