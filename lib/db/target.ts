import "server-only";
// Which database this process uses: DATABASE_URL set → PostgreSQL; otherwise embedded PGlite
// in `<LEADLAG_DATA_DIR>/pglite`.
import path from "node:path";
import { dataDir, env, type Env } from "@/lib/env";
import type { DbTarget } from "./adapter";

export function dbTarget(e: Env = env()): DbTarget {
  if (e.DATABASE_URL) return { kind: "postgres", url: e.DATABASE_URL };
  return { kind: "embedded", dataDir: path.join(dataDir(e), "pglite") };
}

/** The name shown by /api/health and in logs. */
export function dbKindLabel(target: DbTarget): "postgres" | "embedded" {
  return target.kind;
}
