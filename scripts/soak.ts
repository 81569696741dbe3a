// `npm run soak [-- --quick]`: Leadlag under sustained load and under failures, on loopback only,
// bounded in time (about 4 minutes with the defaults, plus a build when the sources changed).
// It starts its own PostgreSQL server (initdb in a temporary folder, a free loopback port), so it
// never touches another database, then the production server as `npm start` runs it, and:
//   1. audit     the checks that failed in issue #14's audit, replayed over HTTP on the fresh
//                server (scripts/soak/audit.ts): hostile input → 400, never 500; security
//                headers; sign-in lock and timing; cross-origin writes → 403 (half a minute);
//   2. load      100 clients × 60 s of API writes (each with an idempotency key), dashboard pages
//                and API reads → 0 errors, and the rows in the database = the acknowledged writes;
//   3. crash     SIGKILL right after an export was accepted → the restarted server's queue
//                retries it, or it reads failed, never running forever, and the same export
//                started again completes; SIGKILL during a CSV
//                import → all of it or nothing, and the same file imported again lands once;
//   4. outage    PostgreSQL stopped (as in a crash) for 20 s under load → 503 with Retry-After,
//                recovery without a restart, 0 acknowledged writes lost;
//   5. backup    pg_dump and pg_restore into a new database → the same rows and dashboard numbers.
// Prints a table of checks; exits 1 when any failed. `--help` lists the options.
import { mkdirSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureBuild } from "../bench/scale/server";
import { startApp, type AppServer } from "./soak/app";
import { auditHardening } from "./soak/audit";
import { backupAndRestore } from "./soak/backup";
import { crashDuringImport, killDuringExport, orphanedExportSettles } from "./soak/crash";
import { errorSummary, runLoad, statsOf, type LoadOptions } from "./soak/load";
import { databaseOutage } from "./soak/outage";
import { createPrivatePostgres, freePort, type PrivatePostgres } from "./soak/postgres";
import { printChecks, printTable, type Check } from "./soak/report";
import { prepareDatabase } from "@/lib/seed/prepare";
import { seedSoakOrganization } from "./soak/seed";
import { signIn } from "./signInOverHttp";
import { verifyWrites } from "./soak/verify";

const USAGE = `Usage: npm run soak [-- options]
  --quick              a short run: 20 clients × 10 s, a 5 s outage, a 20,000-row import
  --clients N          concurrent clients of the load and the outage (default 100)
  --duration S         seconds of the load phase (default 60)
  --outage S           seconds PostgreSQL stays down (default 20)
  --import-rows N      rows of the CSV import killed mid-way (default 30000; at most 36600)
  --think MS           each client waits a random 0..MS between requests (default 250)
  --dist-dir DIR       the production build's folder (default .next-soak; LEADLAG_DIST_DIR)
  --reuse-build        use the build in that folder as it is, even if sources changed since
  --keep               keep the PostgreSQL folder (data, dump, server log) afterwards`;

type Args = {
  clients: number;
  durationS: number;
  outageS: number;
  importRows: number;
  thinkMs: number;
  distDir: string;
  reuseBuild: boolean;
  keep: boolean;
};

function parseArgs(argv: string[]): Args {
  const quick = argv.includes("--quick");
  const args: Args = {
    clients: quick ? 20 : 100,
    durationS: quick ? 10 : 60,
    outageS: quick ? 5 : 20,
    importRows: quick ? 20_000 : 30_000,
    thinkMs: 250,
    distDir: process.env.LEADLAG_DIST_DIR || ".next-soak",
    reuseBuild: false,
    keep: false,
  };
  const numbers: Record<string, keyof Args> = { "--clients": "clients", "--duration": "durationS", "--outage": "outageS", "--import-rows": "importRows", "--think": "thinkMs" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--quick") continue;
    else if (a === "--reuse-build") args.reuseBuild = true;
    else if (a === "--keep") args.keep = true;
    else if (a === "--dist-dir") args.distDir = argv[++i] ?? "";
    else if (a in numbers) {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${a} needs a whole number of at least 1.\n${USAGE}`);
      (args[numbers[a]!] as number) = n;
    } else if (a === "--help" || a === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`Unknown option ${a}.\n${USAGE}`);
  }
  // The import team has 100 cells a day and entries may be dated a year back at most.
  if (args.importRows > 36_600) throw new Error("--import-rows is at most 36600 (a year of the import team's cells).");
  if (!args.distDir) throw new Error(`--dist-dir needs a folder.\n${USAGE}`);
  return args;
}

const log = (l: string) => console.log(l);
const DATABASE = "leadlag";
const TIMEOUT_MS = 30_000;

async function withSql<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  c.on("error", () => {}); // a server stopped under it: the query in flight fails instead
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => {});
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const checks: Check[] = [];
  const figures: string[][] = [];
  log(`▸ Leadlag soak: ${args.clients} clients × ${args.durationS} s, PostgreSQL down ${args.outageS} s, a ${args.importRows.toLocaleString("en-US")}-row import (load average ${loadavg()[0]!.toFixed(2)})`);

  log("▸ Production build");
  if (args.reuseBuild) log(`  reusing the build in ${args.distDir} as it is (--reuse-build)`);
  else await ensureBuild(args.distDir, log);

  log("▸ Private PostgreSQL");
  let pgServer: PrivatePostgres | undefined;
  let app: AppServer | undefined;
  const cleanUp = async () => {
    await app?.stop().catch(() => {});
    if (pgServer && !args.keep) await pgServer.destroy().catch(() => {});
    else if (pgServer) {
      await pgServer.crash().catch(() => {});
      log(`  kept ${pgServer.dir}`);
    }
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void cleanUp().finally(() => process.exit(130));
    });
  }
  try {
    pgServer = await createPrivatePostgres(log);
    await pgServer.client("createdb", [DATABASE]);
    const dbUrl = pgServer.url(DATABASE);

    log("▸ Organization: migrations, the demo, an import team and an API token");
    let t = performance.now();
    const org = await seedSoakOrganization(dbUrl);
    log(`  seeded in ${((performance.now() - t) / 1000).toFixed(1)} s: ${org.targets.length} (team, measure, person) write targets`);

    log("▸ Server");
    const logDir = path.resolve(".data/soak");
    mkdirSync(logDir, { recursive: true });
    // What `npm start` does before it serves: migrations and the sweep of orphaned exports.
    const prepare = async () => void (await prepareDatabase({ kind: "postgres", url: dbUrl }, { seedDemo: false }));
    app = await startApp({ distDir: args.distDir, port: await freePort(), databaseUrl: dbUrl, logDir, prepare, log });
    let cookie: string | null = null;
    try {
      cookie = await signIn(app.url, org.manager.email, org.manager.password);
    } catch (e) {
      checks.push({ phase: "load", name: "manager signs in", ok: false, detail: e instanceof Error ? e.message : String(e) });
    }
    const base: Omit<LoadOptions, "durationMs" | "keyPrefix"> = {
      baseUrl: app.url,
      org,
      cookie,
      clients: args.clients,
      thinkMs: args.thinkMs,
      timeoutMs: TIMEOUT_MS,
    };
    const runId = Date.now().toString(36);

    log("▸ 1. Audit: the failed checks of issue #14, replayed over HTTP");
    if (cookie) {
      t = performance.now();
      const signedIn = cookie;
      checks.push(...(await withSql(dbUrl, (sql) => auditHardening({ baseUrl: app!.url, org, cookie: signedIn, sql, keyPrefix: `soak-${runId}-audit`, log }))));
      log(`  done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    } else checks.push({ phase: "audit", name: "ran", ok: false, detail: "the manager could not sign in" });

    log(`▸ 2. Load: ${args.clients} clients × ${args.durationS} s`);
    const load = await runLoad({ ...base, durationMs: args.durationS * 1000, keyPrefix: `soak-${runId}-load` });
    const byKind = (["write", "page", "read"] as const).map((k) => ({ k, s: statsOf(load.outcomes.filter((o) => o.kind === k)) }));
    const all = statsOf(load.outcomes);
    for (const { k, s } of [...byKind, { k: "all", s: all }]) {
      figures.push([`load: ${k}`, String(s.n), (s.n / load.seconds).toFixed(1), String(s.ok), String(s.shed), String(s.errors), `${Math.round(s.p50)}`, `${Math.round(s.p95)}`]);
    }
    checks.push({
      phase: "load",
      name: "0 errors",
      ok: all.errors === 0 && all.ok > 0,
      detail: `${all.n} requests in ${load.seconds.toFixed(0)} s (${(all.n / load.seconds).toFixed(1)}/s), ${all.ok} 2xx, ${all.shed} × 503+Retry-After, ${all.errors} errors${all.errors ? ` — ${errorSummary(load.outcomes, 3).join("; ")}` : ""}`,
    });
    checks.push(await withSql(dbUrl, (sql) => verifyWrites(sql, "load", `soak-${runId}-load`, load.writes)));

    log("▸ 3. SIGKILL during an export and during a CSV import");
    t = performance.now();
    const killed = await withSql(dbUrl, (sql) => killDuringExport({ app: app!, sql, org, log }));
    if ("detail" in killed) checks.push(killed);
    checks.push(...(await withSql(dbUrl, (sql) => crashDuringImport({ app: app!, sql, org, log }, args.importRows))));
    log(`  done in ${((performance.now() - t) / 1000).toFixed(0)} s (the killed export is checked after the outage)`);

    log(`▸ 4. PostgreSQL stopped for ${args.outageS} s under load (${args.clients} clients)`);
    const openSql = async () => {
      const c = new pg.Client({ connectionString: dbUrl });
      c.on("error", () => {});
      await c.connect();
      return c;
    };
    const outage = await databaseOutage(
      { app, pg: pgServer, log, sql: openSql },
      { ...base, keyPrefix: `soak-${runId}-outage` },
      { beforeMs: 5_000, outageMs: args.outageS * 1000, afterMs: 15_000 },
    );
    checks.push(...outage.checks);
    if (!("detail" in killed)) {
      log("▸ 3b. The killed export, a while later");
      checks.push(...(await withSql(dbUrl, (sql) => orphanedExportSettles({ app: app!, sql, org, log }, killed))));
    }
    const o = outage.stats;
    figures.push(["outage: all", String(o.n), (o.n / outage.seconds).toFixed(1), String(o.ok), String(o.shed), String(o.errors), `${Math.round(o.p50)}`, `${Math.round(o.p95)}`]);

    log("▸ 5. Backup: pg_dump, pg_restore into a new database, the dashboard on both");
    checks.push(...(await backupAndRestore(pgServer, DATABASE, org.organizationId, log)));
  } catch (e) {
    checks.push({ phase: "soak", name: "ran to the end", ok: false, detail: e instanceof Error ? (e.stack ?? e.message).slice(0, 2000) : String(e) });
  } finally {
    await cleanUp();
  }

  log("\n━━━ figures ━━━\n");
  if (figures.length) printTable(["phase", "requests", "per s", "2xx", "503+RA", "errors", "p50 ms", "p95 ms"], figures, log, [1, 2, 3, 4, 5, 6, 7]);
  log("\n━━━ checks ━━━\n");
  printChecks(checks, log);
  const failed = checks.filter((c) => !c.ok).length;
  log(`\nsoak: ${checks.length - failed} passed, ${failed} failed in ${((performance.now() - started) / 1000).toFixed(0)} s (load average ${loadavg()[0]!.toFixed(2)})`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
