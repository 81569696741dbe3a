// The server killed with SIGKILL mid-work, as a crash or an OOM kill would: during a CSV import
// (its one transaction must leave all of the file or none of it, and the same file imported again
// must land whole, once) and right after an export was accepted (the export must not stay
// "running" forever: the job queue retries it after the restart, or, once its heartbeat has been
// silent long enough, it reads failed; either way its organization may export again, and that
// export completes).
import type pg from "pg";
import { addDays, type IsoDate } from "@/lib/domain/calendar/weeks";
import type { AppServer } from "./app";
import type { Check } from "./report";
import type { SoakOrg } from "./seed";

type Ctx = { app: AppServer; sql: pg.Client; org: SoakOrg; log: (l: string) => void };

/** `rows` cells of the import team, newest day first (yesterday backwards), as a CSV file. */
export function importCsv(org: SoakOrg, rows: number): string {
  const { importTeam } = org;
  const lines = ["email,team,measure,date,value,note"];
  let day: IsoDate = org.days[0]!;
  while (lines.length <= rows) {
    for (const email of importTeam.emails) {
      for (const measure of importTeam.measures) {
        if (lines.length > rows) break;
        lines.push(`${email},${importTeam.name},${measure},${day},${1 + (lines.length % 3)},`);
      }
    }
    day = addDays(day, -1);
  }
  return lines.join("\r\n") + "\r\n";
}

async function count(sql: pg.Client, org: SoakOrg): Promise<{ rows: number; cells: number }> {
  const r = await sql.query<{ rows: number; cells: number }>(
    `SELECT count(*)::int AS rows, count(DISTINCT ("userId", "leadMeasureId", "entryDate"))::int AS cells
       FROM "LeadEntry" WHERE "organizationId" = $1 AND "teamId" = $2`,
    [org.organizationId, org.importTeam.id],
  );
  return r.rows[0]!;
}

type ImportRun = { status: number; events: { type: string; done?: number; total?: number }[]; killedAt?: number };

/** POSTs the file and reads the NDJSON progress; with `killAfterProgress`, SIGKILLs the server at the first progress line short of the total. */
async function postImport(ctx: Ctx, csv: string, killAfterProgress: boolean): Promise<ImportRun> {
  const res = await fetch(`${ctx.app.url}/api/v1/imports/lead-entries/commit`, {
    method: "POST",
    headers: { authorization: `Bearer ${ctx.org.token}`, "content-type": "text/csv" },
    body: csv,
    signal: AbortSignal.timeout(300_000),
  });
  const run: ImportRun = { status: res.status, events: [] };
  if (!res.body) return run;
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buffered.indexOf("\n")) >= 0) {
        const line = buffered.slice(0, nl).trim();
        buffered = buffered.slice(nl + 1);
        if (!line) continue;
        let event: ImportRun["events"][number];
        try {
          event = JSON.parse(line) as ImportRun["events"][number];
        } catch {
          event = { type: `unparsable: ${line.slice(0, 100)}` };
        }
        run.events.push(event);
        if (killAfterProgress && run.killedAt === undefined && event.type === "progress" && event.done! < event.total!) {
          run.killedAt = event.done;
          await ctx.app.kill();
        }
      }
    }
  } catch {
    // The connection died with the server: expected after the kill.
  }
  return run;
}

export async function crashDuringImport(ctx: Ctx, rows: number): Promise<Check[]> {
  const phase = "crash: import";
  const checks: Check[] = [];
  const csv = importCsv(ctx.org, rows);
  const before = await count(ctx.sql, ctx.org);
  ctx.log(`  importing ${rows.toLocaleString("en-US")} rows (${(csv.length / 1e6).toFixed(1)} MB), SIGKILL at the first progress line…`);
  const t0 = performance.now();
  const killed = await postImport(ctx, csv, true);
  const afterKill = await count(ctx.sql, ctx.org);
  if (killed.killedAt === undefined) {
    const last = killed.events.at(-1);
    checks.push({ phase, name: "server killed mid-import", ok: false, detail: `not killed: ${killed.status}, last event ${JSON.stringify(last)}` });
    if (ctx.app.alive()) return checks;
  } else {
    checks.push({
      phase,
      name: "server killed mid-import",
      ok: true,
      detail: `SIGKILL after ${killed.killedAt.toLocaleString("en-US")} of ${rows.toLocaleString("en-US")} rows written in the open transaction (${((performance.now() - t0) / 1000).toFixed(1)} s in)`,
    });
  }
  const added = afterKill.rows - before.rows;
  checks.push({
    phase,
    name: "all or nothing after the kill",
    ok: added === 0 || added === rows,
    detail: `${added.toLocaleString("en-US")} of ${rows.toLocaleString("en-US")} rows present (${added === 0 ? "nothing" : added === rows ? "all" : "PART"})`,
  });

  const restartSeconds = await ctx.app.restart();
  ctx.log(`  restarted in ${restartSeconds.toFixed(1)} s; importing the same file again…`);
  const t1 = performance.now();
  const again = await postImport(ctx, csv, false);
  const seconds = (performance.now() - t1) / 1000;
  const after = await count(ctx.sql, ctx.org);
  const last = again.events.at(-1);
  checks.push({
    phase,
    name: "re-import lands whole, once",
    ok: again.status === 200 && last?.type === "done" && after.rows === before.rows + rows && after.rows === after.cells,
    detail: `${again.status}, "${last?.type}", ${(after.rows - before.rows).toLocaleString("en-US")} rows for ${rows.toLocaleString("en-US")} lines, ${after.rows - after.cells} duplicate cells, ${seconds.toFixed(1)} s (${Math.round(rows / seconds).toLocaleString("en-US")} rows/s); restart ${restartSeconds.toFixed(1)} s`,
  });
  return checks;
}

/** The last quarter that has ended by `today` ("2026-Q3" in December 2026). */
export function lastEndedQuarter(today: IsoDate): string {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3) + 1;
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}

export type KilledExport = { id: string; quarter: string; killedAt: number; atKill: string; restartSeconds: number };

type ExportRow = { status: string; stage: string; error: string | null };
const exportRow = async (sql: pg.Client, id: string) =>
  (await sql.query<ExportRow>(`SELECT status, stage, error FROM "ReportExport" WHERE id = $1`, [id])).rows[0];

/** Starts a report export and SIGKILLs the server as soon as it is accepted, then restarts it. */
export async function killDuringExport(ctx: Ctx): Promise<KilledExport | Check> {
  const quarter = lastEndedQuarter(ctx.org.days[0]!);
  const started = await startExport(ctx, quarter);
  if ("detail" in started) return started;
  await ctx.app.kill();
  const killedAt = Date.now();
  const row = await exportRow(ctx.sql, started.id);
  const restartSeconds = await ctx.app.restart();
  ctx.log(`  export ${quarter} accepted, then SIGKILL (its row: ${row?.status}, "${row?.stage}"); restarted in ${restartSeconds.toFixed(1)} s`);
  return { id: started.id, quarter, killedAt, atKill: `${row?.status} ("${row?.stage}")`, restartSeconds };
}

async function startExport(ctx: Ctx, quarter: string): Promise<{ id: string } | Check> {
  const res = await fetch(`${ctx.app.url}/api/v1/reports`, {
    method: "POST",
    headers: { authorization: `Bearer ${ctx.org.token}`, "content-type": "application/json" },
    body: JSON.stringify({ scope: "organization", quarter }),
  });
  const body = (await res.json().catch(() => null)) as { id?: string } | null;
  if (res.status === 202 && body?.id) return { id: body.id };
  return { phase: "crash: export", name: "export accepted", ok: false, detail: `POST /api/v1/reports ${quarter} → ${res.status} ${JSON.stringify(body).slice(0, 200)}` };
}

async function apiStatus(ctx: Ctx, id: string): Promise<string> {
  const res = await fetch(`${ctx.app.url}/api/v1/report-exports/${id}`, { headers: { authorization: `Bearer ${ctx.org.token}` } });
  const body = (await res.json().catch(() => null)) as { status?: string } | null;
  return body?.status ?? `HTTP ${res.status}`;
}

/**
 * The orphan of killDuringExport, some time later: no longer "running" to anyone who asks (the
 * API) — retried to the end by the restarted server's queue, or failed — its organization may
 * export again, and that new export completes.
 */
export async function orphanedExportSettles(ctx: Ctx, killed: KilledExport, maxWaitMs = 90_000): Promise<Check[]> {
  const phase = "crash: export";
  let status = await apiStatus(ctx, killed.id);
  while (status === "running" && Date.now() - killed.killedAt < maxWaitMs) {
    await new Promise((r) => setTimeout(r, 2_000));
    status = await apiStatus(ctx, killed.id);
  }
  const settledAfter = (Date.now() - killed.killedAt) / 1000;
  const checks: Check[] = [
    {
      phase,
      name: "killed export is retried or reads failed, never left running",
      ok: status === "failed" || status === "succeeded",
      detail: `${killed.quarter}: ${killed.atKill} at the kill; asked ${settledAfter.toFixed(0)} s after it, the API says "${status}" (the restart took ${killed.restartSeconds.toFixed(1)} s)`,
    },
  ];
  const again = await startExport(ctx, killed.quarter);
  const orphan = await exportRow(ctx.sql, killed.id);
  if ("detail" in again) return [...checks, { ...again, name: "the same export started again" }];
  const t0 = Date.now();
  let row = await exportRow(ctx.sql, again.id);
  while (row?.status === "RUNNING" && Date.now() - t0 < 180_000) {
    await new Promise((r) => setTimeout(r, 1_000));
    row = await exportRow(ctx.sql, again.id);
  }
  checks.push({
    phase,
    name: "the same export started again completes",
    ok: (orphan?.status === "FAILED" || orphan?.status === "SUCCEEDED") && row?.status === "SUCCEEDED",
    detail:
      `the orphan's row: ${orphan?.status}${orphan?.error ? ` ("${orphan.error.slice(0, 70)}…")` : ""}; ` +
      `the new export: ${row?.status}${row?.error ? ` (${row.error.slice(0, 80)})` : ""} in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  });
  return checks;
}
