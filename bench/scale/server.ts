// The production server under test: `next build` into the bench's own folder when the sources
// changed since its last build (scripts/serve.ts buildIsStale), then `next start` on a port of
// its own with the database chosen by the caller. It runs in a process group of its own, so
// stopping it stops every process it started and nothing else.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildIsStale } from "../../scripts/serve";

export const OUT_DIR = "bench/out";
const NEXT_BIN = path.resolve("node_modules/.bin/next");

export type Server = { url: string; pid: number; log: string; stop(): Promise<void> };

/** The environment of a child: ours without anything that picks a database, plus `extra`. */
function childEnv(distDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ["DATABASE_URL", "LEADLAG_DATA_DIR", "LEADLAG_CLOCK", "PORT", "NEXTAUTH_URL", "NEXTAUTH_SECRET", "NODE_OPTIONS"]) delete env[k];
  return { ...env, LEADLAG_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", LEADLAG_SEED_DEMO: "false", ...extra };
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

/** Builds the app into `distDir` unless its build is current; resolves with the seconds it took (0: reused). */
export async function ensureBuild(distDir: string, log: (l: string) => void): Promise<number> {
  process.env.LEADLAG_DIST_DIR = distDir; // buildIsStale reads it
  if (!buildIsStale()) {
    log(`  production build in ${distDir} is current`);
    return 0;
  }
  mkdirSync(OUT_DIR, { recursive: true });
  const logFile = path.join(OUT_DIR, `build${distDir.replace(/^\.next/, "")}.log`);
  log(`  building the app into ${distDir} (log: ${logFile})…`);
  const started = performance.now();
  // `next build` with a distDir of its own adds that folder's types to tsconfig.json (and
  // reformats it): the file is put back as it was, so a benchmark leaves the tree unchanged.
  const tsconfig = existsSync("tsconfig.json") ? readFileSync("tsconfig.json", "utf8") : null;
  const out = createWriteStream(logFile);
  const child = spawn(NEXT_BIN, ["build"], {
    env: childEnv(distDir, { NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), NODE_ENV: "production" }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const code = await new Promise<number | null>((resolve) => {
    child.on("error", () => resolve(null));
    child.on("exit", (c) => resolve(c));
  });
  if (tsconfig !== null && readFileSync("tsconfig.json", "utf8") !== tsconfig) writeFileSync("tsconfig.json", tsconfig);
  if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${tail(logFile)}`);
  const seconds = (performance.now() - started) / 1000;
  log(`  built in ${seconds.toFixed(0)} s`);
  return seconds;
}

async function waitUntilHealthy(url: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | null | undefined;
  child.once("exit", (code) => (exited = code));
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`The server exited (${exited}) before it was ready:\n${tail(logFile)}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The server on ${url} was not healthy within ${timeoutMs / 1000} s:\n${tail(logFile)}`);
}

/**
 * `next start` on `port` with `database`: a PostgreSQL URL, or an embedded data directory. The
 * database must be migrated already (`next start` does not migrate; `npm start` would).
 */
export async function startServer(opts: {
  distDir: string;
  port: number;
  database: { url: string } | { dataDir: string };
  log: (l: string) => void;
}): Promise<Server> {
  const url = `http://127.0.0.1:${opts.port}`;
  try {
    await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
    throw new Error(`Port ${opts.port} is already in use: stop whatever listens there (or pass --port).`);
  } catch (e) {
    if (e instanceof Error && e.message.startsWith("Port ")) throw e;
  }
  mkdirSync(OUT_DIR, { recursive: true });
  const logFile = path.join(OUT_DIR, `server-${opts.port}.log`);
  const out = createWriteStream(logFile);
  const db: Record<string, string> = "url" in opts.database ? { DATABASE_URL: opts.database.url } : { LEADLAG_DATA_DIR: opts.database.dataDir };
  const child = spawn(NEXT_BIN, ["start", "--port", String(opts.port), "--hostname", "127.0.0.1"], {
    env: childEnv(opts.distDir, {
      ...db,
      NODE_ENV: "production",
      PORT: String(opts.port),
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, stopped as a whole
  });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  const pid = child.pid!;
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => {
        try {
          process.kill(-pid, "SIGKILL");
        } catch {
          // gone
        }
      }, 10_000);
      child.once("exit", () => {
        clearTimeout(force);
        resolve();
      });
      try {
        process.kill(-pid, "SIGTERM");
      } catch {
        resolve();
      }
    }));
  // Never leave a server behind, however this process ends.
  process.once("exit", () => {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // gone
    }
  });
  const started = performance.now();
  try {
    await waitUntilHealthy(url, child, logFile, 180_000);
  } catch (e) {
    await stop();
    throw e;
  }
  opts.log(`  server on ${url} (pid ${pid}, ready in ${((performance.now() - started) / 1000).toFixed(1)} s, log: ${logFile})`);
  return { url, pid, log: logFile, stop };
}
