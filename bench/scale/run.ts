// npm run bench -- --scale small|medium|full: the scale benchmark of issue #12 (not part of
// `npm test`). Generates the organization on PostgreSQL (DATABASE_URL) with set-based SQL,
// starts the production server on it and measures through real HTTP as a signed-in manager:
// p50/p95 of warm requests for the dashboard, trends, a check-in, each drill-down and the
// analytics and forecast APIs, each beside its own SQL replayed on the database; 10 and 50
// concurrent dashboard users; a 100k-row CSV import against a raw COPY of the same rows; the
// organization's exports; first-load JS per page; and at `medium` the dashboard on the embedded
// database. Prints tables and writes bench/out/scale-<scale>.json. `--help` lists the options.
import { loadavg } from "node:os";
import { loadTenantContext } from "@/lib/auth/loadContext";
import { createApiToken, revokeApiToken } from "@/lib/services/apiTokens";
import { discoverPages, firstLoadJs, PUBLIC_PAGES } from "../firstLoadJs";
import { parseArgs, type Args } from "./args";
import { adminUrl, openPostgres, postgresVersion } from "./database";
import { benchCsvExport, benchReportExport } from "./exportBench";
import { getPage, signIn } from "./http";
import { benchImport } from "./importBench";
import { DEFAULT_SAMPLING, load, sample, type SampleOptions } from "./measure";
import { loadCaller, orgInfo, pageSpecs, type OrgInfo } from "./pages";
import { benchDatabaseName, prepareEmbedded, preparePostgres } from "./prepare";
import { judge, machine, printResults, writeResults, type PageResult, type Results } from "./report";
import { BENCH_PASSWORD, extraManagerEmail, MANAGER_EMAIL, OWNER_EMAIL, scaleParams } from "./scales";
import { ensureBuild, startServer, type Server } from "./server";
import { openRecorder, Replayer, waves } from "./sql";

/** No request waits longer than this (the dashboard took ~15 s at full before the roll-up). */
const REQUEST_TIMEOUT_MS = 60_000;
const EMBEDDED_DATA_DIR = ".data/bench-medium";
const POSTGRES_PARTS = ["pages", "sql", "load", "import", "export", "js"] as const;

const log = (line: string) => console.log(line);
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function latestSession(sql: { query<T>(t: string, p?: unknown[]): Promise<T[]> }, userId: string): Promise<string> {
  const rows = await sql.query<{ id: string }>(`SELECT id FROM "UserSession" WHERE "userId" = $1 AND "revokedAt" IS NULL ORDER BY "createdAt" DESC LIMIT 1`, [userId]);
  if (!rows[0]) throw new Error("The manager's sign-in left no session row.");
  return rows[0].id;
}

async function measurePages(args: Args, url: string, server: Server | null, cookie: string, sessionId: string, info: OrgInfo): Promise<PageResult[]> {
  const sampling: SampleOptions = { ...DEFAULT_SAMPLING, runs: args.runs };
  const recorder = args.only.has("sql") ? openRecorder(url) : null;
  const replayer = args.only.has("sql") ? new Replayer(url) : null;
  await replayer?.warm();
  const out: PageResult[] = [];
  try {
    const ctx = recorder ? await loadCaller(recorder.db, sessionId, info) : null;
    for (const spec of pageSpecs(info)) {
      const r: PageResult = { key: spec.key, label: spec.label, path: spec.path };
      if (server && args.only.has("pages")) {
        try {
          r.http = await sample(() => getPage(server.url, spec.path, cookie, spec.marker, REQUEST_TIMEOUT_MS), sampling);
        } catch (e) {
          r.http = { error: errorText(e) };
        }
      }
      if (recorder && replayer && ctx) {
        // What the route loads, as it loads it: the caller's session and membership, then the view.
        const run = async () => {
          await loadCaller(recorder.db, sessionId, info);
          await spec.load(recorder.db, ctx);
        };
        try {
          r.loader = await sample(run, sampling);
          const statements = await recorder.record(run);
          const plan = waves(statements);
          const replay = await sample(() => replayer.replay(plan), sampling);
          r.sql = { ...replay, statements: statements.length, waves: plan.length };
          if (r.http && "p50" in r.http) r.serverOverSql = Math.round((r.http.p50 / replay.p50) * 100) / 100;
        } catch (e) {
          log(`  ${spec.label}: SQL beside it failed: ${errorText(e)}`);
        }
      }
      const h = r.http;
      log(
        `  ${spec.label.padEnd(24)} ${h && "p50" in h ? `HTTP p50 ${Math.round(h.p50)} ms, p95 ${Math.round(h.p95)} ms (n ${h.n})` : h ? `HTTP error: ${h.error}` : ""}` +
          `${r.sql ? `; SQL p50 ${Math.round(r.sql.p50)} ms (${r.sql.statements} statements in ${r.sql.waves} waves); loader p50 ${Math.round(r.loader!.p50)} ms` : ""}` +
          `${r.serverOverSql != null ? `; server÷SQL ${r.serverOverSql}` : ""}`,
      );
      out.push(r);
    }
  } finally {
    await replayer?.close();
    await recorder?.close();
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const params = scaleParams(args.scale);
  const results: Results = {
    at: new Date().toISOString(),
    scale: args.scale,
    machine: machine(await postgresVersion(adminUrl()).catch(() => "unreachable")),
    data: {},
    pages: [],
    load: [],
    targets: [],
    seconds: 0,
  };
  log(`▸ Leadlag scale benchmark: ${args.scale} (${params.teams} teams); parts: ${[...args.only].join(", ")}`);

  // One build serves every server of the run, so they all run the same code.
  const wantsServer = POSTGRES_PARTS.some((s) => s !== "sql" && args.only.has(s)) || args.only.has("embedded");
  if (wantsServer) {
    log(`▸ Production build`);
    results.build = { seconds: Math.round(await ensureBuild(args.distDir, log)), distDir: args.distDir };
  }
  if (POSTGRES_PARTS.some((s) => args.only.has(s))) await benchPostgres(args, results);
  if (args.only.has("embedded")) {
    log(`▸ Embedded database (PGlite), medium organization`);
    try {
      results.embedded = await benchEmbedded(args);
    } catch (e) {
      results.embedded = { error: errorText(e) };
      log(`  failed: ${errorText(e)}`);
    }
  }

  results.machine.loadAverageEnd = loadavg().map((x) => Math.round(x * 100) / 100);
  results.seconds = Math.round((performance.now() - started) / 1000);
  results.targets = judge(results);
  printResults(results);
  log(`\nJSON: ${writeResults(results, args.onlyGiven ? [...args.only] : null)}`);
}

/** Everything measured on PostgreSQL: the data, the server, the pages and the rest. */
async function benchPostgres(args: Args, results: Results): Promise<void> {
  const params = scaleParams(args.scale);
  log(`▸ Data (PostgreSQL database ${benchDatabaseName(args.scale)})`);
  const prepared = await preparePostgres(params, { fresh: args.fresh }, log);
  const { marker, url } = prepared;
  results.data = {
    database: benchDatabaseName(args.scale),
    counts: marker.counts,
    reused: prepared.reused,
    regeneratedBecause: prepared.why,
    generationSeconds: marker.seconds,
    generatedAt: marker.generatedAt,
    dataEnds: marker.today,
    migrationsAppliedNow: prepared.applied,
  };

  const wantsServer = POSTGRES_PARTS.some((s) => s !== "sql" && args.only.has(s));
  let server: Server | null = null;
  const sql = await openPostgres(url);
  try {
    const info = await orgInfo(sql, marker.organizationId);
    if (wantsServer) {
      log(`▸ Server`);
      server = await startServer({ distDir: args.distDir, port: args.port, database: { url }, log });
    }
    const cookie = server ? await signIn(server.url, MANAGER_EMAIL, BENCH_PASSWORD) : "";
    const sessionId = server ? await latestSession(sql, info.managerId) : "00000000-0000-4000-8000-000000000000";

    if (args.only.has("pages") || args.only.has("sql")) {
      log(`▸ Pages and APIs (${args.runs} warm samples each${args.only.has("sql") ? ", with their SQL beside them" : ""})`);
      results.pages = await measurePages(args, url, server, cookie, sessionId, info);
    }

    if (server && args.only.has("load")) {
      log(`▸ Concurrent dashboard users (${args.duration} s each)`);
      const cookies: string[] = [];
      for (const users of [10, 50]) {
        while (cookies.length < users) cookies.push(await signIn(server.url, extraManagerEmail(cookies.length + 1), BENCH_PASSWORD));
        const r = await load(server.url, "/dashboard", cookies.slice(0, users), args.duration, "Teams at a glance", REQUEST_TIMEOUT_MS);
        results.load.push(r);
        log(`  ${users} users: ${r.ok} answers, ${r.requestsPerSecond} req/s, p95 ${r.latency ? Math.round(r.latency.p95) : "–"} ms, errors ${r.errorCount}${r.errorCount ? ` ${JSON.stringify(r.errors)}` : ""}`);
      }
    }

    if (server && (args.only.has("import") || args.only.has("export"))) {
      // An API token for the integration paths, made and revoked by the organization's owner.
      const recorder = openRecorder(url);
      try {
        const owner = (await loadTenantContext(recorder.db, info.ownerId, info.organizationId))!;
        const token = await createApiToken(recorder.db, owner, { name: `bench ${new Date().toISOString()}`, scopes: ["entries:read", "entries:write"] });
        try {
          if (args.only.has("import")) {
            log(`▸ CSV import vs raw COPY`);
            try {
              results.import = await benchImport({ sql, url, baseUrl: server.url, token: token.token, info, rows: 100_000, log });
            } catch (e) {
              results.import = { error: errorText(e) };
              log(`  failed: ${errorText(e)}`);
            }
          }
          if (args.only.has("export")) {
            log(`▸ Organization exports`);
            results.reportExport = await benchReportExport(server.url, cookie, sql, info.organizationId, 300_000).catch((e: unknown) => ({
              quarter: "?",
              error: errorText(e),
            }));
            log(`  quarterly report: ${"ms" in results.reportExport ? `${(results.reportExport.ms / 1000).toFixed(1)} s (${results.reportExport.status})` : results.reportExport.error}`);
            results.csvExport = await benchCsvExport(server.url, token.token, 300_000);
            log(`  lead entries CSV: ${"ms" in results.csvExport ? `${(results.csvExport.ms / 1000).toFixed(1)} s, ${results.csvExport.rows.toLocaleString("en-US")} rows` : results.csvExport.error}`);
          }
        } finally {
          await revokeApiToken(recorder.db, owner, token.id);
        }
      } finally {
        await recorder.close();
      }
    }

    if (server && args.only.has("js")) {
      log(`▸ First-load JS per page`);
      try {
        const ownerCookie = await signIn(server.url, OWNER_EMAIL, BENCH_PASSWORD);
        const managerPages = await discoverPages(server.url, cookie, ["/", "/dashboard", "/dashboard/trends", `/teams/${info.team.id}/check-in`]);
        const route = (p: string) => p.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "[id]");
        const seen = new Set(managerPages.map(route));
        const ownerPages = (await discoverPages(server.url, ownerCookie, ["/settings"])).filter((p) => !seen.has(route(p)));
        const rows = [
          ...(await firstLoadJs(server.url, cookie, managerPages)),
          ...(await firstLoadJs(server.url, ownerCookie, ownerPages)),
          ...(await firstLoadJs(server.url, "", PUBLIC_PAGES)),
        ];
        results.firstLoadJs = rows.map((r) => ({ path: route(r.path), kB: r.kB }));
        const worst = rows.reduce((a, b) => (b.kB > a.kB ? b : a));
        log(`  ${rows.length} pages; largest ${route(worst.path)} ${worst.kB} kB`);
      } catch (e) {
        results.firstLoadJs = { error: errorText(e) };
        log(`  failed: ${errorText(e)}`);
      }
    }
  } finally {
    await sql.close();
    if (server && args.keepServer) log(`▸ Server left running on ${server.url} (pid ${server.pid}; stop it with: kill -- -${server.pid})`);
    else await server?.stop();
  }
}

/** The medium organization on embedded PGlite: generated (or reused) in its own data dir, served, timed. */
async function benchEmbedded(args: Args): Promise<NonNullable<Results["embedded"]>> {
  const params = scaleParams("medium");
  const prepared = await prepareEmbedded(params, EMBEDDED_DATA_DIR, { fresh: args.fresh }, log);
  const server = await startServer({ distDir: args.distDir, port: args.embeddedPort, database: { dataDir: EMBEDDED_DATA_DIR }, log });
  try {
    const cookie = await signIn(server.url, MANAGER_EMAIL, BENCH_PASSWORD);
    let dashboard;
    try {
      dashboard = await sample(() => getPage(server.url, "/dashboard", cookie, "Teams at a glance", REQUEST_TIMEOUT_MS), { ...DEFAULT_SAMPLING, runs: args.runs });
      log(`  GET /dashboard: p50 ${Math.round(dashboard.p50)} ms, p95 ${Math.round(dashboard.p95)} ms (n ${dashboard.n})`);
    } catch (e) {
      dashboard = { error: errorText(e) };
      log(`  GET /dashboard failed: ${dashboard.error}`);
    }
    return {
      scale: "medium",
      dashboard,
      data: { dataDir: `${EMBEDDED_DATA_DIR}/pglite`, counts: prepared.marker.counts, reused: prepared.reused, generationSeconds: prepared.marker.seconds },
    };
  } finally {
    await server.stop();
  }
}

// Stopping the bench (Ctrl-C) stops its servers too: they listen for this process's exit.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
