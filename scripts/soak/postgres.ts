// The soak's own PostgreSQL server: a cluster made with initdb in a temporary folder, listening on
// a free loopback port with trust authentication, so the soak can stop it, crash it and restart
// it without touching any other server on the machine. PostgreSQL refuses to run as root: as
// root, its programs run as the `postgres` user (runuser), who owns the folder.
import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The newest PostgreSQL's programs: PG_BIN, else the newest /usr/lib/postgresql/<version>/bin. */
export function postgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, "bin", "initdb"))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error("No PostgreSQL server programs found: install postgresql, or set PG_BIN to the folder holding initdb and pg_ctl.");
  return path.join(root, versions[0], "bin");
}

/** A TCP port nobody listens on at 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export type PrivatePostgres = {
  port: number;
  dir: string;
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url(database?: string): string;
  start(): Promise<void>;
  /** `pg_ctl stop -m immediate`: the server dies as in a crash; restart runs crash recovery. */
  crash(): Promise<void>;
  /** Stops the server (if running) and removes its folder. */
  destroy(): Promise<void>;
  /** Runs one of PostgreSQL's client programs (pg_dump, pg_restore, createdb…) against it. */
  client(program: string, args: string[]): Promise<string>;
};

export async function createPrivatePostgres(log: (l: string) => void): Promise<PrivatePostgres> {
  const bin = postgresBin();
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "leadlag-soak-pg-"));
  const data = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  // As root the server programs run as `postgres`, who must own the folder.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]).catch(() => {
      throw new Error("Running as root, and there is no `postgres` user to run PostgreSQL as: run the soak as another user.");
    });
    const uid = Number(stdout.trim());
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    chownSync(dir, uid, Number(gid.trim()));
  }
  const server = (program: string, args: string[]) => {
    const file = path.join(bin, program);
    return asRoot ? run("runuser", ["-u", "postgres", "--", file, ...args]) : run(file, args);
  };

  await server("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-instructions"]);
  // Loopback only; the socket in the soak's own folder; durability as in production (fsync on).
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c max_connections=200 -c shared_buffers=128MB`;
  let running = false;
  const url = (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`;

  const pg: PrivatePostgres = {
    port,
    dir,
    url,
    async start() {
      await server("pg_ctl", ["start", "-D", data, "-l", logFile, "-w", "-t", "60", "-o", options]);
      running = true;
    },
    async crash() {
      await server("pg_ctl", ["stop", "-D", data, "-m", "immediate", "-w"]);
      running = false;
    },
    async destroy() {
      if (running || existsSync(path.join(data, "postmaster.pid"))) {
        await server("pg_ctl", ["stop", "-D", data, "-m", "immediate", "-w"]).catch(() => {});
        running = false;
      }
      rmSync(dir, { recursive: true, force: true });
    },
    async client(program, args) {
      const { stdout } = await run(path.join(bin, program), ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", ...args], {
        maxBuffer: 64 * 1024 * 1024,
      });
      return stdout;
    },
  };
  // However the soak ends, the server does not outlive it.
  process.once("exit", () => {
    try {
      const pid = Number(readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0]);
      if (pid > 0) process.kill(pid, "SIGQUIT");
    } catch {
      // not running
    }
  });
  await pg.start();
  log(`  private PostgreSQL (${path.basename(path.dirname(bin))}) on 127.0.0.1:${port}, data in ${dir}${asRoot ? " (run as postgres)" : ` (run as ${userInfo().username})`}`);
  return pg;
}
