// A backup as the README describes it: `pg_dump --format=custom` of the live database, restored
// with `pg_restore` into a new database. The restored copy must hold the same rows, table by
// table, and give the same dashboard numbers, computed by the dashboard's own read model at the
// same instant on both.
import { statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { orgSettings } from "@/lib/auth/loadContext";
import { openAdapter } from "@/lib/db/adapter";
import { makeClient } from "@/lib/db/client";
import { loadDashboard } from "@/lib/views/dashboard";
import type { PrivatePostgres } from "./postgres";
import type { Check } from "./report";

/** Where two JSON values first differ ("rollup[3].lead.attainment: 0.5 ≠ 0.6"), or null. */
export function firstDifference(a: unknown, b: unknown, at = "$"): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${at}: ${JSON.stringify(a)?.slice(0, 80)} ≠ ${JSON.stringify(b)?.slice(0, 80)}`;
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], Array.isArray(a) ? `${at}[${k}]` : `${at}.${k}`);
    if (d) return d;
  }
  return null;
}

/** Every number rounded to 10 significant digits. */
function rounded(v: unknown): unknown {
  if (typeof v === "number") return Number.isFinite(v) ? Number(v.toPrecision(10)) : v;
  if (Array.isArray(v)) return v.map(rounded);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)]));
  return v;
}

async function tableCounts(url: string): Promise<Record<string, number>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const tables = await c.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`);
    const out: Record<string, number> = {};
    for (const { t } of tables.rows) out[t] = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t.replace(/"/g, '""')}"`)).rows[0]!.n;
    return out;
  } finally {
    await c.end();
  }
}

/** The dashboard's figures for the organization at `now`, as JSON. */
async function dashboardNumbers(url: string, organizationId: string, now: Date): Promise<string> {
  const opened = await openAdapter({ kind: "postgres", url });
  const db = makeClient(opened.factory);
  try {
    const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId } });
    return JSON.stringify(await loadDashboard(db, orgSettings(org), {}, now));
  } finally {
    await db.$disconnect();
    await opened.close();
  }
}

export async function backupAndRestore(pgServer: PrivatePostgres, database: string, organizationId: string, log: (l: string) => void): Promise<Check[]> {
  const phase = "backup";
  const file = path.join(pgServer.dir, `${database}.dump`);
  const restored = `${database}_restored`;
  const t0 = performance.now();
  await pgServer.client("pg_dump", ["--format=custom", `--file=${file}`, "--dbname", database]);
  const dumpSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  await pgServer.client("createdb", [restored]);
  await pgServer.client("pg_restore", ["--no-owner", "--exit-on-error", "--dbname", restored, file]);
  const restoreSeconds = (performance.now() - t1) / 1000;
  log(`  pg_dump ${(statSync(file).size / 1e6).toFixed(1)} MB in ${dumpSeconds.toFixed(1)} s; pg_restore into ${restored} in ${restoreSeconds.toFixed(1)} s`);

  const [a, b] = [await tableCounts(pgServer.url(database)), await tableCounts(pgServer.url(restored))];
  const differing = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((t) => a[t] !== b[t]);
  const now = new Date();
  const [da, db] = [await dashboardNumbers(pgServer.url(database), organizationId, now), await dashboardNumbers(pgServer.url(restored), organizationId, now)];
  const [pa, pb] = [JSON.parse(da) as { teams?: unknown[] }, JSON.parse(db) as unknown];
  // Sums of floating-point values depend on the order PostgreSQL reads the rows in, which a
  // restore may change (0.605 vs 0.6050000000000001): compared to 10 significant digits, far
  // beyond any figure the dashboard shows.
  const difference = firstDifference(rounded(pa), rounded(pb));
  return [
    {
      phase,
      name: "restored rows identical",
      ok: differing.length === 0 && Object.keys(a).length > 0,
      detail: `${Object.keys(a).length} tables, ${Object.values(a).reduce((x, y) => x + y, 0).toLocaleString("en-US")} rows; ${differing.length ? `differ: ${differing.join(", ")}` : "every count equal"}; dump ${dumpSeconds.toFixed(1)} s, restore ${restoreSeconds.toFixed(1)} s`,
    },
    {
      phase,
      name: "identical dashboard numbers",
      ok: difference === null,
      detail:
        `${da.length.toLocaleString("en-US")} bytes of dashboard JSON${Array.isArray(pa.teams) ? ` (${pa.teams.length} teams)` : ""}: ` +
        (difference ? `DIFFERENT at ${difference}` : da === db ? "identical" : `identical to 10 significant digits (bit-exact: no, ${firstDifference(pa, pb)})`),
    },
  ];
}
