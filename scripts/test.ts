// `npm test`: every check, in order, with the output streamed as it runs —
//   1. deps        npm run deps:check: known advisories against the lock, and the lock in sync
//   2. typecheck   tsc --noEmit        } side by side (each uses one core), their output
//   3. lint        eslint .            } printed whole, one after the other
//   4. vitest      the "unit" and "integration" projects in one run (integration tests run on
//                  embedded PGlite, and also on PostgreSQL when TEST_DATABASE_URL is set)
//   5. e2e         Playwright against a production build (skip with --no-e2e or LEADLAG_SKIP_E2E=1)
// A failing step does not stop the others. At the end: a table of steps, then, as the very last
// line, `leadlag: N passed, N failed[, N skipped]`, counting vitest and Playwright tests, plus
// deps, typecheck and lint as one test each. Exit status 1 when anything failed.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chooseChromium, NoChromiumError, type ChosenChromium } from "../e2e/browser";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = path.join(ROOT, "node_modules", ".bin");
const RESULTS = path.join(ROOT, "test-results");
const VITEST_JSON = path.join(RESULTS, "vitest.json");
const PLAYWRIGHT_JSON = path.join(RESULTS, "playwright.json");
/**
 * A step that runs longer than this is stopped and counted as failed, so CI always gets a summary
 * (rather than a hang eating the whole job). 20 minutes: vitest took 8 minutes on an earlier 2-core
 * machine and about 14 on a slower one (2026-12-03), and passed 16 when that machine was also
 * busy with other work, with nothing hung.
 */
const STEP_TIMEOUT_MS = Number(process.env.LEADLAG_STEP_TIMEOUT_MS) || 20 * 60_000;

type Counts = { passed: number; failed: number; skipped: number };
type StepResult = { name: string; status: "passed" | "failed" | "skipped"; note?: string; ms: number; counts: Counts };

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== "--no-e2e");
if (unknown.length) {
  console.error(`Unknown option(s): ${unknown.join(" ")}\nUsage: npm test [-- --no-e2e]   (or LEADLAG_SKIP_E2E=1 npm test)`);
  process.exit(2);
}
const skipE2e = args.includes("--no-e2e") || process.env.LEADLAG_SKIP_E2E === "1";

const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  PATH: `${BIN}${path.delimiter}${process.env.PATH ?? ""}`,
  NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1",
};

/** The steps' process groups now running (two at once for typecheck and lint). */
const running = new Set<number>();
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    interrupted = true;
    if (running.size) for (const pid of running) killGroup(pid, signal);
    else process.exit(130);
  });
}

/** Signals a step's whole process group (it runs detached), e.g. Playwright's web server too. */
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs a command with inherited output, or with its output collected into `capture` (for a step
 * that runs beside another); resolves with its exit code (1 on timeout or signal).
 */
function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv = childEnv, capture?: Buffer[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: ROOT, env, stdio: ["ignore", capture ? "pipe" : "inherit", capture ? "pipe" : "inherit"], detached: true });
    if (capture) {
      child.stdout?.on("data", (chunk: Buffer) => capture.push(chunk));
      child.stderr?.on("data", (chunk: Buffer) => capture.push(chunk));
    }
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`\n✖ ${path.basename(command)} still running after ${Math.round(STEP_TIMEOUT_MS / 60_000)} min: stopping it.`);
      killGroup(child.pid!, "SIGTERM");
      setTimeout(() => killGroup(child.pid!, "SIGKILL"), 10_000).unref();
    }, STEP_TIMEOUT_MS);
    if (child.pid) running.add(child.pid);
    child.on("error", (err) => {
      clearTimeout(timer);
      if (child.pid) running.delete(child.pid);
      console.error(`✖ could not run ${command}: ${err.message}`);
      resolve(1);
    });
    child.on("exit", async (code, signal) => {
      clearTimeout(timer);
      const pid = child.pid!;
      running.delete(pid);
      // Leave nothing behind (a web server the step started, a stray worker).
      if (groupAlive(pid)) {
        killGroup(pid, "SIGTERM");
        for (let i = 0; i < 50 && groupAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
        if (groupAlive(pid)) killGroup(pid, "SIGKILL");
      }
      resolve(timedOut || signal ? 1 : (code ?? 1));
    });
  });
}

function banner(title: string): void {
  console.log(`\n━━━ ${title} ${"━".repeat(Math.max(3, 70 - title.length))}\n`);
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

/** deps, typecheck and lint: one test each. */
async function singleCheck(name: string, command: string, commandArgs: string[]): Promise<StepResult> {
  banner(`${name}: ${path.basename(command)} ${commandArgs.join(" ")}`);
  return checkResult(name, command, commandArgs);
}

async function checkResult(name: string, command: string, commandArgs: string[], capture?: Buffer[]): Promise<StepResult> {
  const started = performance.now();
  const code = await run(command, commandArgs, childEnv, capture);
  const ok = code === 0;
  return { name, status: ok ? "passed" : "failed", ms: performance.now() - started, counts: { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 } };
}

/**
 * Checks that each use one core, run at once on a machine with two or more; each one's output is
 * printed whole under its banner when all are done, in the order given.
 */
async function sideBySide(checks: [name: string, command: string, commandArgs: string[]][]): Promise<StepResult[]> {
  console.log(`\n${checks.map(([name]) => name).join(" and ")} run side by side; their output follows when both are done.`);
  const outputs = checks.map(() => [] as Buffer[]);
  const results = await Promise.all(checks.map(([name, command, commandArgs], i) => checkResult(name, command, commandArgs, outputs[i])));
  checks.forEach(([name, command, commandArgs], i) => {
    banner(`${name}: ${path.basename(command)} ${commandArgs.join(" ")} (${seconds(results[i]!.ms)})`);
    process.stdout.write(Buffer.concat(outputs[i]!));
  });
  return results;
}

type VitestJson = {
  testResults: { name: string; status: "passed" | "failed"; message?: string; assertionResults: { status: string }[] }[];
};

async function vitest(): Promise<StepResult> {
  banner("vitest: unit + integration");
  const pgUrl = process.env.TEST_DATABASE_URL?.trim() || process.env.DATABASE_URL?.trim();
  if (pgUrl) {
    let where = "the server in TEST_DATABASE_URL";
    try {
      const u = new URL(pgUrl);
      where = `${u.hostname}:${u.port || 5432}`;
    } catch {
      // Leave the generic description; the tests report the bad URL.
    }
    console.log(`Integration tests run on embedded PGlite and on PostgreSQL at ${where}.\n`);
  } else {
    console.log(
      "Integration tests run on embedded PGlite only; to add PostgreSQL, set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres\n",
    );
  }
  rmSync(VITEST_JSON, { force: true });
  const started = performance.now();
  const code = await run(path.join(BIN, "vitest"), [
    "run",
    "--project=unit",
    "--project=integration",
    // One worker limit for both projects: vitest 4 refuses projects with different maxWorkers in
    // one run unless each has its own sequence.groupOrder. Two keeps a 2-core machine responsive.
    "--maxWorkers=2",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${path.relative(ROOT, VITEST_JSON)}`,
  ]);
  const ms = performance.now() - started;
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  const report = readJson<VitestJson>(VITEST_JSON);
  let note: string | undefined;
  if (report) {
    for (const file of report.testResults) {
      let fileFailed = 0;
      for (const t of file.assertionResults) {
        if (t.status === "passed") counts.passed++;
        else if (t.status === "failed") fileFailed++;
        else counts.skipped++;
      }
      // A file that fails without a failing test (it did not load, a hook threw) counts once.
      counts.failed += file.status === "failed" && fileFailed === 0 ? 1 : fileFailed;
    }
  } else {
    note = `no report at ${path.relative(ROOT, VITEST_JSON)}`;
  }
  if (code !== 0 && counts.failed === 0) {
    counts.failed = 1; // e.g. an unhandled error outside any test
    note ??= `vitest exited with ${code}`;
  }
  if (code === 0 && counts.passed + counts.failed === 0) {
    counts.failed = 1;
    note ??= "ran no test";
  }
  return { name: "vitest", status: counts.failed ? "failed" : "passed", note, ms, counts };
}

type PlaywrightJson = { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; errors?: unknown[] };

async function playwright(): Promise<StepResult> {
  banner("e2e: playwright test (production build)");
  const started = performance.now();
  let chromium: ChosenChromium;
  try {
    chromium = await chooseChromium(); // unpacks the npm-shipped one here, once, before the workers start
  } catch (e) {
    if (!(e instanceof NoChromiumError)) throw e;
    console.error(`✖ ${e.message}\n  (Or skip the browser tests: npm test -- --no-e2e)`);
    return { name: "e2e", status: "failed", note: "no Chromium", ms: performance.now() - started, counts: { passed: 0, failed: 1, skipped: 0 } };
  }
  console.log(`Browser: ${chromium.source}\n`);
  rmSync(PLAYWRIGHT_JSON, { force: true });
  const code = await run(path.join(BIN, "playwright"), ["test", "--reporter=list,json"], {
    ...childEnv,
    PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_JSON,
  });
  const ms = performance.now() - started;
  const report = readJson<PlaywrightJson>(PLAYWRIGHT_JSON);
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  let note: string | undefined;
  if (report?.stats) {
    counts.passed = report.stats.expected + report.stats.flaky;
    counts.failed = report.stats.unexpected;
    counts.skipped = report.stats.skipped;
    if (report.stats.flaky) note = `${report.stats.flaky} flaky`;
  } else {
    note = `no report at ${path.relative(ROOT, PLAYWRIGHT_JSON)}`;
  }
  if (code !== 0 && counts.failed === 0) {
    // A global error (the web server did not start, no test found, a timeout): at least one failure.
    counts.failed = Math.max(1, report?.errors?.length ?? 0);
    note ??= `playwright exited with ${code}`;
  }
  if (code === 0 && counts.passed + counts.failed === 0) {
    counts.failed = 1;
    note ??= "ran no test";
  }
  return { name: "e2e", status: counts.failed ? "failed" : "passed", note, ms, counts };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function main(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  const total = performance.now();
  const results: StepResult[] = [];
  const steps: (() => Promise<StepResult | StepResult[]>)[] = [
    () => singleCheck("deps", path.join(BIN, "tsx"), ["scripts/check-dependencies.ts"]),
    () =>
      sideBySide([
        ["typecheck", path.join(BIN, "tsc"), ["--noEmit"]],
        ["lint", path.join(BIN, "eslint"), ["."]],
      ]),
    vitest,
  ];
  if (!skipE2e) steps.push(playwright);
  for (const step of steps) {
    if (interrupted) break;
    results.push(...[await step()].flat());
  }
  if (skipE2e) {
    results.push({ name: "e2e", status: "skipped", note: "--no-e2e / LEADLAG_SKIP_E2E=1", ms: 0, counts: { passed: 0, failed: 0, skipped: 0 } });
  }

  const sum: Counts = { passed: 0, failed: 0, skipped: 0 };
  for (const r of results) {
    sum.passed += r.counts.passed;
    sum.failed += r.counts.failed;
    sum.skipped += r.counts.skipped;
  }
  if (interrupted) sum.failed = Math.max(sum.failed, 1);

  banner("summary");
  const rows = results.map((r) => {
    const tests = r.name === "deps" || r.name === "typecheck" || r.name === "lint" || r.status === "skipped" ? "" : `${r.counts.passed} passed, ${r.counts.failed} failed${r.counts.skipped ? `, ${r.counts.skipped} skipped` : ""}`;
    return [r.name, r.status.toUpperCase(), r.status === "skipped" ? "-" : seconds(r.ms), [tests, r.note].filter(Boolean).join("; ")];
  });
  const header = ["step", "result", "duration", "tests"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const row of rows) console.log(line(row));
  console.log(`total ${seconds(performance.now() - total)}${interrupted ? " (interrupted)" : ""}`);
  console.log(`\nleadlag: ${sum.passed} passed, ${sum.failed} failed${sum.skipped ? `, ${sum.skipped} skipped` : ""}`);
  process.exitCode = sum.failed > 0 || results.some((r) => r.status === "failed") ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  console.log("\nleadlag: 0 passed, 1 failed");
  process.exit(1);
});
