// The output: the machine, a table per part, the issue's targets with met/missed, and the JSON.
import { execSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Stats, LoadResult } from "./measure";
import type { ImportResult } from "./importBench";
import type { CsvExportResult, ReportExportResult } from "./exportBench";

export type Machine = {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string;
  loadAverageStart: number[];
  loadAverageEnd?: number[];
  commit: string;
};

export function machine(postgres: string): Machine {
  let commit = "unknown";
  try {
    commit = execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
    if (execSync("git status --porcelain --untracked-files=no", { encoding: "utf8" }).trim()) commit += " (with uncommitted changes)";
  } catch {
    // not a git checkout
  }
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres,
    loadAverageStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
    commit,
  };
}

export type PageResult = {
  key: string;
  label: string;
  path: string;
  http?: Stats | { error: string };
  loader?: Stats;
  sql?: Stats & { statements: number; waves: number };
  /** Server p50 ÷ SQL p50. */
  serverOverSql?: number;
};

export type Results = {
  at: string;
  scale: string;
  machine: Machine;
  data: Record<string, unknown>;
  build?: { seconds: number; distDir: string };
  pages: PageResult[];
  load: LoadResult[];
  import?: ImportResult | { error: string };
  reportExport?: ReportExportResult;
  csvExport?: CsvExportResult;
  firstLoadJs?: { path: string; kB: number }[] | { error: string };
  embedded?: { scale: string; dashboard?: Stats | { error: string }; data?: Record<string, unknown> } | { error: string };
  targets: Target[];
  seconds: number;
};

export type Target = { name: string; goal: string; value: string; met: boolean | null; appliesAt: string };

const ms = (x: number | undefined) => (x == null ? "–" : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)}`);
const isStats = (x: unknown): x is Stats => typeof x === "object" && x !== null && "p50" in x;

function table(headers: string[], rows: string[][], align: ("l" | "r")[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (align[i] === "r" ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ");
  return [line(headers), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** The issue's targets, judged on this run (a target set for another scale is shown, not judged). */
export function judge(r: Results): Target[] {
  const targets: Target[] = [];
  const add = (name: string, goal: string, appliesAt: string, value: number | null | undefined, met: (v: number) => boolean, show: (v: number) => string) => {
    const judged = appliesAt === r.scale || appliesAt === "every scale";
    targets.push({ name, goal, appliesAt, value: value == null ? "not measured" : show(value), met: value == null || !judged ? null : met(value) });
  };
  const page = (k: string) => r.pages.find((p) => p.key === k);
  const p95 = (k: string) => {
    const h = page(k)?.http;
    return isStats(h) ? h.p95 : null;
  };
  add("Dashboard p95", "≤ 150 ms", "full", p95("dashboard"), (v) => v <= 150, (v) => `${ms(v)} ms`);
  add("Dashboard server ÷ SQL (p50)", "≤ 1.5", "full", page("dashboard")?.serverOverSql, (v) => v <= 1.5, (v) => v.toFixed(2));
  add("Check-in p95", "≤ 100 ms", "full", p95("checkIn"), (v) => v <= 100, (v) => `${ms(v)} ms`);
  add("Lead→lag analytics p95", "≤ 200 ms", "full", p95("leadLag"), (v) => v <= 200, (v) => `${ms(v)} ms`);
  const fifty = r.load.find((l) => l.users === 50);
  add("50 concurrent users: errors", "0", "full", fifty?.errorCount, (v) => v === 0, (v) => `${v}${fifty && v ? ` (${Object.entries(fifty.errors).map(([k, n]) => `${k}: ${n}`).join(", ")})` : ""}`);
  const imp = r.import && "rows" in r.import ? r.import : null;
  const impOk = imp && "ms" in imp.import ? imp.import : null;
  add("CSV import ÷ raw COPY (throughput)", "≥ 0.8×", "full", impOk ? imp!.ratioToCopy : null, (v) => v >= 0.8, (v) => `${v.toFixed(2)}×`);
  add("CSV import rows/s", "≥ 50,000", "full", impOk?.rowsPerSecond, (v) => v >= 50_000, (v) => v.toLocaleString("en-US"));
  const js = Array.isArray(r.firstLoadJs) ? r.firstLoadJs : null;
  const worst = js?.length ? js.reduce((a, b) => (b.kB > a.kB ? b : a)) : null;
  add("First-load JS, largest page (gzip)", "≤ 170 kB", "every scale", worst?.kB, (v) => v <= 170, (v) => `${v.toFixed(1)} kB (${worst!.path})`);
  const emb = r.embedded && "scale" in r.embedded && isStats(r.embedded.dashboard) ? r.embedded.dashboard.p95 : null;
  add("Embedded (PGlite) dashboard p95", "≤ 300 ms", "medium", emb, (v) => v <= 300, (v) => `${ms(v)} ms`);
  const rep = r.reportExport && "ms" in r.reportExport && r.reportExport.status === "succeeded" ? r.reportExport.ms : null;
  add("Organization report export", "< 10 s", "full", rep, (v) => v < 10_000, (v) => `${(v / 1000).toFixed(1)} s`);
  return targets;
}

export function printResults(r: Results, log: (l: string) => void = console.log): void {
  const m = r.machine;
  log(`\n══ Leadlag scale benchmark · ${r.scale} · ${r.at}`);
  log(`machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, PostgreSQL ${m.postgres}; commit ${m.commit}`);
  log(`load average: ${m.loadAverageStart.join(" ")} at the start, ${m.loadAverageEnd?.join(" ") ?? "?"} at the end`);
  const d = r.data as { counts?: Record<string, number>; reused?: boolean; seconds?: number; generationSeconds?: number };
  if (d.counts) {
    log(`data: ${Object.entries(d.counts).map(([k, v]) => `${k} ${v.toLocaleString("en-US")}`).join(", ")}`);
    log(`      ${d.reused ? `reused (generated in ${d.generationSeconds} s)` : `generated in ${d.generationSeconds} s`}`);
  }

  if (r.pages.length) {
    log(`\nPages and APIs — warm requests as the signed-in manager (ms); SQL = the route's statements replayed through pg`);
    const rows = r.pages.map((p) => {
      const h = isStats(p.http) ? p.http : null;
      return [
        p.label,
        h ? String(h.n) : "–",
        h ? ms(h.p50) : p.http && "error" in p.http ? "error" : "–",
        h ? ms(h.p95) : "–",
        p.loader ? ms(p.loader.p50) : "–",
        p.sql ? ms(p.sql.p50) : "–",
        p.sql ? ms(p.sql.p95) : "–",
        p.sql ? `${p.sql.statements}/${p.sql.waves}` : "–",
        p.serverOverSql != null ? p.serverOverSql.toFixed(2) : "–",
      ];
    });
    log(table(["page", "n", "p50", "p95", "loader p50", "SQL p50", "SQL p95", "stmts/waves", "server÷SQL"], rows, ["l", "r", "r", "r", "r", "r", "r", "r", "r"]));
    for (const p of r.pages) {
      if (p.http && "error" in p.http) log(`  ${p.label}: ${p.http.error}`);
      else if (isStats(p.http) && p.http.note) log(`  ${p.label}: ${p.http.note}`);
    }
  }
  if (r.load.length) {
    log(`\nConcurrent dashboard users (GET /dashboard back to back, each with its own session)`);
    log(
      table(
        ["users", "seconds", "answers", "req/s", "p50", "p95", "errors"],
        r.load.map((l) => [
          String(l.users),
          String(l.seconds),
          String(l.ok),
          String(l.requestsPerSecond),
          ms(l.latency?.p50),
          ms(l.latency?.p95),
          l.errorCount ? Object.entries(l.errors).map(([k, n]) => `${k}: ${n}`).join(", ") : "0",
        ]),
        ["r", "r", "r", "r", "r", "r", "l"],
      ),
    );
  }
  if (r.import) {
    log(`\nCSV import vs raw COPY`);
    if ("error" in r.import) log(`  error: ${r.import.error}`);
    else {
      const i = r.import;
      log(`  ${i.rows.toLocaleString("en-US")} rows (${(i.csvBytes / 1e6).toFixed(1)} MB; ${i.cells})`);
      log(`  raw COPY:  ${(i.copy.meanMs / 1000).toFixed(2)} s (${i.copy.ms.map((x) => (x / 1000).toFixed(2)).join(" s, ")} s) = ${i.copy.rowsPerSecond.toLocaleString("en-US")} rows/s`);
      if ("ms" in i.import) log(`  import:    ${(i.import.ms / 1000).toFixed(2)} s end to end = ${i.import.rowsPerSecond.toLocaleString("en-US")} rows/s → ${i.ratioToCopy?.toFixed(2)}× COPY's throughput`);
      else log(`  import failed: ${i.import.error}`);
    }
  }
  if (r.reportExport || r.csvExport) {
    log(`\nOrganization exports`);
    const re = r.reportExport;
    if (re) log(`  quarterly report ${re.quarter}: ${"ms" in re ? `${(re.ms / 1000).toFixed(1)} s, ${re.status}${re.error ? ` (${re.error})` : ""}` : `error: ${re.error}`}`);
    const ce = r.csvExport;
    if (ce) log(`  all lead entries as CSV: ${"ms" in ce ? `${(ce.ms / 1000).toFixed(1)} s, ${ce.rows.toLocaleString("en-US")} rows, ${(ce.bytes / 1e6).toFixed(0)} MB` : `error: ${ce.error}`}`);
  }
  if (r.firstLoadJs) {
    log(`\nFirst-load JS per page (gzip kB; <script src> and script preloads of the server HTML)`);
    if ("error" in r.firstLoadJs) log(`  error: ${r.firstLoadJs.error}`);
    else log(table(["page", "kB"], r.firstLoadJs.map((p) => [p.path, p.kB.toFixed(1)]), ["l", "r"]));
  }
  if (r.embedded) {
    log(`\nEmbedded database (PGlite)`);
    if ("error" in r.embedded) log(`  error: ${r.embedded.error}`);
    else {
      const e = r.embedded;
      const dash = e.dashboard;
      log(`  ${e.scale} organization, GET /dashboard: ${isStats(dash) ? `p50 ${ms(dash.p50)} ms, p95 ${ms(dash.p95)} ms (n ${dash.n})${dash.note ? `; ${dash.note}` : ""}` : dash ? `error: ${dash.error}` : "not measured"}`);
    }
  }
  log(`\nTargets (issue #12)`);
  log(
    table(
      ["target", "goal", "at", "this run", ""],
      r.targets.map((t) => [t.name, t.goal, t.appliesAt, t.value, t.met == null ? (t.value === "not measured" ? "" : "(other scale)") : t.met ? "met" : "MISSED"]),
      ["l", "l", "l", "r", "l"],
    ),
  );
  log(`\n(${(r.seconds / 60).toFixed(1)} min in all)`);
}

/** bench/out/scale-<scale>.json; a run of some parts only (--only) writes beside it, not over it. */
export function writeResults(r: Results, only: string[] | null): string {
  mkdirSync("bench/out", { recursive: true });
  const file = path.join("bench/out", `scale-${r.scale}${only ? `.only-${only.join("-")}` : ""}.json`);
  writeFileSync(file, JSON.stringify(r, null, 2) + "\n");
  return file;
}
