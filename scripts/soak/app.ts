// The app under soak: the production server exactly as `npm start` runs it (scripts/server.ts:
// Next's handler behind the admission gate), from a build in its own folder, on a loopback port,
// pointed at the soak's PostgreSQL. Each start first runs `prepare`, as `npm start` runs its
// database preparation (migrations, and the sweep of exports a dead server left running). It
// runs in a process group of its own, so the soak can kill it with SIGKILL as a crash would, and
// start it again on the same database.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type AppServer = {
  url: string;
  pid(): number;
  /** SIGKILL to the server's process group; resolves once it has exited. */
  kill(): Promise<void>;
  /** Starts it again (after kill) and waits until /api/health answers 200. */
  restart(): Promise<number>;
  /** Still the same process as when it was last (re)started? */
  alive(): boolean;
  stop(): Promise<void>;
  log: string;
};

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

export async function startApp(opts: {
  distDir: string;
  port: number;
  databaseUrl: string;
  logDir: string;
  prepare: () => Promise<void>;
  log: (l: string) => void;
}): Promise<AppServer> {
  const url = `http://127.0.0.1:${opts.port}`;
  mkdirSync(opts.logDir, { recursive: true });
  const logFile = path.join(opts.logDir, `server-${opts.port}.log`);
  const out = createWriteStream(logFile, { flags: "a" });
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ["LEADLAG_DATA_DIR", "LEADLAG_CLOCK", "DATABASE_REPLICA_URLS", "NODE_OPTIONS", "SMTP_URL"]) delete env[k];
  Object.assign(env, {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    LEADLAG_DIST_DIR: opts.distDir,
    LEADLAG_SEED_DEMO: "false",
    HOST: "127.0.0.1",
    DATABASE_URL: opts.databaseUrl,
    PORT: String(opts.port),
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  });

  let child: ChildProcess;
  let exited: Promise<void>;
  const launch = () => {
    child = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts/server.ts")], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // its own process group, killed as a whole
    });
    child.stdout!.pipe(out, { end: false });
    child.stderr!.pipe(out, { end: false });
    const c = child;
    exited = new Promise((resolve) => c.once("exit", () => resolve()));
  };
  const isAlive = () => child.exitCode === null && child.signalCode === null;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // gone already
    }
  };
  /** Seconds from the preparation's start until /api/health answered 200. */
  const waitHealthy = async (started: number): Promise<number> => {
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline) {
      if (!isAlive()) throw new Error(`The server exited before it was ready:\n${tail(logFile)}`);
      try {
        const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
        if (res.status === 200) return (performance.now() - started) / 1000;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`The server on ${url} was not healthy within 180 s:\n${tail(logFile)}`);
  };
  process.once("exit", () => signalGroup("SIGKILL"));

  const firstStart = performance.now();
  await opts.prepare();
  launch();
  const seconds = await waitHealthy(firstStart);
  opts.log(`  server on ${url} (pid ${child!.pid}, ready in ${seconds.toFixed(1)} s, log: ${logFile})`);
  return {
    url,
    log: logFile,
    pid: () => child.pid!,
    alive: isAlive,
    async kill() {
      signalGroup("SIGKILL");
      await exited;
    },
    async restart() {
      if (isAlive()) throw new Error("restart() while the server still runs");
      const restartedAt = performance.now();
      await opts.prepare();
      launch();
      return waitHealthy(restartedAt);
    },
    async stop() {
      if (!isAlive()) return;
      signalGroup("SIGTERM");
      const force = setTimeout(() => signalGroup("SIGKILL"), 10_000);
      await exited;
      clearTimeout(force);
    },
  };
}
