// npx tsx --conditions=react-server bench/reportPdf.ts (the condition under which `server-only`
// is an empty module, as in Next's server build): how long the quarterly report PDF takes to render
// (lib/report/render/pdf.ts, chart images included) for the renderers' test document (80 team rows,
// 2 charts) and a large one (300 team rows, 6 charts), and how long the event loop is blocked
// at most meanwhile: the renderer yields between sections and charts, so other requests on
// the same server wait at most that long.
//
// One warm-up render per document (fonts, chart.js and pdfkit load on first use), then 5 timed
// renders: p50 and max in ms, the page count and size, and the longest event-loop delay seen
// during the timed renders (perf_hooks.monitorEventLoopDelay, 1 ms resolution). Writes
// bench/out/reportPdf.json and the two PDFs next to it.
import { mkdirSync, writeFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { makeTestDocument } from "@/tests/fixtures/reportDocument";
import { renderReportPdf } from "@/lib/report/render/pdf";
import { percentile } from "./timing";

const RUNS = 5;
const cases = [
  { name: "test document (80 rows, 2 charts)", file: "report-test.pdf", doc: makeTestDocument() },
  { name: "large (300 rows, 6 charts)", file: "report-large.pdf", doc: makeTestDocument({ teams: 300, extraCharts: 4 }) },
];

const round = (ms: number) => Math.round(ms * 10) / 10;

mkdirSync("bench/out", { recursive: true });
const results = [];
for (const c of cases) {
  let { pdf, pages } = await renderReportPdf(c.doc);
  const times: number[] = [];
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    ({ pdf, pages } = await renderReportPdf(c.doc));
    times.push(performance.now() - start);
  }
  delay.disable();
  times.sort((a, b) => a - b);
  writeFileSync(`bench/out/${c.file}`, pdf);
  results.push({
    case: c.name,
    p50Ms: round(percentile(times, 50)),
    maxMs: round(times.at(-1)!),
    pages,
    kB: Math.round(pdf.length / 1024),
    longestEventLoopBlockMs: round(delay.max / 1e6),
  });
}
console.table(results);
writeFileSync("bench/out/reportPdf.json", JSON.stringify(results, null, 2) + "\n");
