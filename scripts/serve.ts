// Shared by `npm start` and `npm run dev`: validate the environment, make sure the session
// secret exists, migrate (and seed an empty database) while a stale production build is redone,
// then run the web server (scripts/server.ts; `next dev` in development) in the foreground,
// passing on signals so stopping this process stops the server too. The server runs the job
// worker as well (instrumentation.ts) unless LEADLAG_ROLE=web; with LEADLAG_ROLE=worker this
// process runs the worker alone, as `npm run worker` does (lib/jobs/worker.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { MissingSecretError, resolveAuthSecret } from "@/lib/auth/secret";
import { prepareDatabase } from "@/lib/seed/prepare";
import type { DbTarget } from "@/lib/db/adapter";
import { dbTarget } from "@/lib/db/target";
import { appOrigin, EnvError, listenHost, parseEnv, type Env } from "@/lib/env";
import { roleProblem, startProcessWorker, stopProcessWorker } from "@/lib/jobs/worker";
import { DEMO_ORG_NAME } from "@/lib/seed/demo/catalogue";
import { readyBanner } from "./readyBanner";
import { progressLines, type Progress } from "./progress";

const NEXT_BIN = path.resolve("node_modules/.bin/next");
const SERVER_SCRIPT = path.resolve("scripts/server.ts");

/** A `next build` running beside the database preparation, stopped if start-up fails. */
let building: ChildProcess | undefined;
let progress: Progress | undefined;

function fail(message: string): never {
  progress?.stop();
  console.error(`\n✖ ${message}\n`);
  building?.kill("SIGTERM");
  process.exit(1);
}

export function loadEnvOrExit(): Env {
  try {
    return parseEnv();
  } catch (e) {
    if (e instanceof EnvError) fail(`${e.message}\nFix the variables above (see README.md, "Configuration") and start again.`);
    throw e;
  }
}

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(p)) {
    if (name === "generated" || name === "node_modules" || name.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(path.join(p, name)));
  }
  return newest;
}

/** A production build is needed when there is none or a source file changed since. */
export function buildIsStale(): boolean {
  const buildId = path.resolve(process.env.LEADLAG_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "lib", "types", "next.config.js", "package-lock.json", "prisma/schema.prisma", "tsconfig.json"];
  return sources.some((s) => newestMtime(path.resolve(s)) > built);
}

export type ServeOptions = {
  /** More database work after the migrations and the demo seed, before `next` opens the database. */
  afterPrepare?: (target: DbTarget, progress: Progress) => Promise<void>;
};

/** Starts `next build`; resolves with its exit code. The build opens no database. */
function startBuild(secret: string, p: Progress): Promise<number | null> {
  p.step("Building the app (first start or changed sources; this takes a minute or two)…");
  const child = spawn(NEXT_BIN, ["build"], { stdio: "inherit", env: { ...process.env, NEXTAUTH_SECRET: secret } });
  building = child;
  return new Promise((resolve) => {
    child.on("error", () => resolve(null));
    child.on("exit", (code) => resolve(code));
  });
}

export async function serve(mode: "start" | "dev", opts: ServeOptions = {}): Promise<void> {
  const e = loadEnvOrExit();
  let secret: string;
  try {
    secret = resolveAuthSecret(e);
  } catch (err) {
    if (err instanceof MissingSecretError) fail(err.message);
    throw err;
  }

  const target = dbTarget(e);
  const problem = roleProblem(e.LEADLAG_ROLE, target);
  if (problem) fail(problem);
  const webServer = e.LEADLAG_ROLE !== "worker";

  const p = (progress = progressLines());
  const seen = { migrating: false };
  // The build and the database work are independent: do them at once.
  const build = webServer && mode === "start" && buildIsStale() ? startBuild(secret, p) : undefined;

  const where = target.kind === "embedded" ? `embedded PostgreSQL (PGlite) in ${path.relative(process.cwd(), target.dataDir ?? "")}` : "PostgreSQL (DATABASE_URL)";
  if (target.kind === "embedded" && target.dataDir && !existsSync(path.join(target.dataDir, "PG_VERSION"))) {
    p.step(`Creating the ${where}… (first run only)`);
  } else console.log(`▸ Database: ${where}`);
  try {
    const { applied, seeded, interruptedExports } = await prepareDatabase(target, {
      seedDemo: e.LEADLAG_SEED_DEMO,
      onProgress(step) {
        if (step.step === "migrating") {
          const text = `Applying migrations… ${step.position}/${step.total} (${step.name})`;
          if (!seen.migrating) p.step(text);
          else p.update(text);
          seen.migrating = true;
        } else if (step.step === "seeding") p.step(`Seeding the demo organization: ${step.what}…`);
        else p.update("refreshing the planner's statistics");
      },
    });
    if (interruptedExports) console.log(`▸ Marked ${interruptedExports} report export(s) interrupted by the last stop as failed.`);
    await opts.afterPrepare?.(target, p);
    const done = [...(applied.length ? [`${applied.length} migration(s) applied`] : []), ...(seeded ? [`${DEMO_ORG_NAME} seeded`] : [])];
    console.log(`▸ Database ready (${p.elapsed()})${done.length ? `: ${done.join(", ")}` : ""}`);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    fail(
      target.kind === "postgres"
        ? `Could not prepare the PostgreSQL database: ${msg}\nCheck that DATABASE_URL points at a running server you can connect to.`
        : `Could not prepare the embedded database: ${msg}\nIs another Leadlag server using ${target.dataDir}? Stop it, or set LEADLAG_DATA_DIR to another folder.`,
    );
  }

  if (build) {
    p.update("building the app");
    if ((await build) !== 0) fail("The build failed; see the output above.");
    building = undefined;
  }
  p.stop();

  if (!webServer) {
    await startProcessWorker("worker").catch((err: unknown) => fail(`Could not start the job worker: ${err instanceof Error ? err.message : String(err)}`));
    console.log(`▸ Job worker running (LEADLAG_ROLE=worker, pid ${process.pid}); no web server in this process.`);
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
      process.once(signal, () => void stopProcessWorker(e.LEADLAG_WORKER_STOP_TIMEOUT_MS).finally(() => process.exit(0)));
    }
    return;
  }

  const url = appOrigin(e);
  const host = listenHost(e);
  const childEnv = { ...process.env, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: url };
  // Production: `next start` behind the admission gate (scripts/server.ts), in plain Node with
  // tsx, not under this process's react-server condition. Development: `next dev` as it is.
  const child =
    mode === "start"
      ? spawn(process.execPath, ["--import", "tsx", SERVER_SCRIPT], { stdio: "inherit", env: { ...childEnv, NODE_ENV: "production" } })
      : spawn(NEXT_BIN, ["dev", "--port", String(e.PORT), ...(host ? ["--hostname", host] : [])], { stdio: "inherit", env: childEnv });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => child.kill(signal));
  }
  let exited = false;
  child.on("exit", (code, signal) => {
    exited = true;
    process.exit(code ?? (signal ? 0 : 1));
  });
  // The banner once the server answers, so "ready" means it.
  if (await answers(e, host, () => exited)) console.log(readyBanner(url, e.LEADLAG_SEED_DEMO));
}

/** Waits (up to ten minutes) until the server takes connections. (Not /api/health: that asks the
 *  database, which is busy starting the job worker just then.) */
async function answers(e: Env, host: string | undefined, gone: () => boolean): Promise<boolean> {
  const local = !host || host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  const deadline = Date.now() + 600_000;
  while (!gone() && Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: local, port: e.PORT }, () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}
