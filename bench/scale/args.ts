// npm run bench -- [--scale small|medium|full] [--fresh] [--only pages,sql,load,import,export,js,embedded]
//                  [--runs 30] [--duration 30] [--port 3411] [--embedded-port 3412] [--keep-server]
import { isScale, type ScaleName } from "./scales";

export const SECTIONS = ["pages", "sql", "load", "import", "export", "js", "embedded"] as const;
export type Section = (typeof SECTIONS)[number];

export type Args = {
  scale: ScaleName;
  fresh: boolean;
  only: Set<Section>;
  runs: number;
  duration: number;
  port: number;
  embeddedPort: number;
  keepServer: boolean;
  distDir: string;
  /** --only was given (a partial run). */
  onlyGiven: boolean;
};

export const USAGE = `npm run bench -- [options]   (the scale benchmark of issue #12)
  --scale small|medium|full   the organization: 13, 84 or 500 teams (default small)
  --fresh                     regenerate the data even when a complete copy exists
  --only a,b,…                run only these parts: ${SECTIONS.join(", ")}
                              (embedded runs at --scale medium only, unless named here)
  --runs N                    warm samples per page (default 30)
  --duration S                seconds of each concurrent-users run (default 30)
  --port P, --embedded-port P the servers' ports (default 3411, 3412)
  --dist-dir D                the production build's folder (default .next-bench)
  --keep-server               leave the PostgreSQL server running at the end (prints its URL)
DATABASE_URL names the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres);
the bench creates leadlag_bench_<scale> on it.`;

export function parseArgs(argv: string[]): Args {
  const args: Args = {
    scale: "small",
    fresh: false,
    only: new Set(SECTIONS.filter((s) => s !== "embedded")),
    runs: 30,
    duration: 30,
    port: 3411,
    embeddedPort: 3412,
    keepServer: false,
    distDir: ".next-bench",
    onlyGiven: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value.\n${USAGE}`);
      return v;
    };
    const int = () => {
      const n = Number(value());
      if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} needs a positive whole number.`);
      return n;
    };
    switch (flag) {
      case "--scale": {
        const s = value();
        if (!isScale(s)) throw new Error(`--scale is small, medium or full, not "${s}".`);
        args.scale = s;
        break;
      }
      case "--fresh":
        args.fresh = true;
        break;
      case "--only": {
        const parts = value().split(",").map((s) => s.trim()).filter(Boolean);
        const bad = parts.filter((p) => !(SECTIONS as readonly string[]).includes(p));
        if (bad.length) throw new Error(`--only knows ${SECTIONS.join(", ")}; not ${bad.join(", ")}.`);
        args.only = new Set(parts as Section[]);
        args.onlyGiven = true;
        break;
      }
      case "--runs":
        args.runs = int();
        break;
      case "--duration":
        args.duration = int();
        break;
      case "--port":
        args.port = int();
        break;
      case "--embedded-port":
        args.embeddedPort = int();
        break;
      case "--dist-dir":
        args.distDir = value();
        break;
      case "--keep-server":
        args.keepServer = true;
        break;
      case "--help":
      case "-h":
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`Unknown option ${flag}.\n${USAGE}`);
    }
  }
  // The embedded check belongs to the medium organization (issue #12's target is set there).
  if (!args.onlyGiven && args.scale === "medium") args.only.add("embedded");
  return args;
}
