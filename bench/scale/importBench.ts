// A 100k-row lead-entry CSV through the real import (POST /api/v1/imports/lead-entries/commit
// with an API token, end to end: upload, parse, check, write, the streamed "done") against a raw
// COPY of the same rows into the same table, in the same run. The rows are cells the generated
// history left empty (the 13 first teams' last ~4 months), so both only insert. COPY runs before
// and after the import (their mean is the reference); each load is deleted before the next.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { addDays } from "@/lib/domain/calendar/weeks";
import { copyFrom, copyText } from "./copy";
import type { Sql } from "./database";
import { calendarOf } from "./generate";
import type { OrgInfo } from "./pages";

export type ImportResult = {
  rows: number;
  csvBytes: number;
  cells: string;
  copy: { ms: number[]; meanMs: number; rowsPerSecond: number };
  import: { ms: number; rowsPerSecond: number; status: number; done: unknown } | { error: string };
  /** Import throughput ÷ COPY throughput (1 = as fast as COPY). */
  ratioToCopy: number | null;
};

type Cell = { email: string; team: string; measure: string; day: string; userId: string; teamId: string; leadMeasureId: string };

/**
 * The newest `limit` cells (person, measure, day) of `teamIds` between `from` and `to` that hold
 * no entry: the teams' people and measures, less the entries those days (read by the
 * (organization, team, date) index), newest day first.
 */
async function emptyCells(sql: Sql, org: string, teamIds: string[], from: string, to: string, limit: number): Promise<Cell[]> {
  const people = await sql.query<{ userId: string; email: string; teamId: string; team: string }>(
    `SELECT tm."userId", u.email, t.id AS "teamId", t.name AS team
       FROM "TeamMember" tm JOIN "User" u ON u.id = tm."userId" JOIN "Team" t ON t."organizationId" = tm."organizationId" AND t.id = tm."teamId"
      WHERE tm."organizationId" = $1 AND tm."teamId" = ANY($2::uuid[]) ORDER BY u.email`,
    [org, teamIds],
  );
  const tracked = await sql.query<{ teamId: string; leadMeasureId: string; measure: string }>(
    `SELECT a."teamId", a."leadMeasureId", m.name AS measure
       FROM "TeamLeadMeasure" a JOIN "LeadMeasure" m ON m."organizationId" = a."organizationId" AND m.id = a."leadMeasureId"
      WHERE a."organizationId" = $1 AND a."teamId" = ANY($2::uuid[]) ORDER BY m.name`,
    [org, teamIds],
  );
  const taken = new Set(
    (
      await sql.query<{ k: string }>(
        `SELECT "userId" || '|' || "leadMeasureId" || '|' || to_char("entryDate", 'YYYY-MM-DD') AS k
           FROM "LeadEntry" WHERE "organizationId" = $1 AND "teamId" = ANY($2::uuid[]) AND "entryDate" BETWEEN $3::date AND $4::date`,
        [org, teamIds, from, to],
      )
    ).map((r) => r.k),
  );
  const out: Cell[] = [];
  for (let day = to; day >= from && out.length < limit; day = addDays(day, -1)) {
    for (const p of people) {
      for (const m of tracked) {
        if (m.teamId !== p.teamId || taken.has(`${p.userId}|${m.leadMeasureId}|${day}`)) continue;
        out.push({ email: p.email, team: p.team, measure: m.measure, day, userId: p.userId, teamId: p.teamId, leadMeasureId: m.leadMeasureId });
        if (out.length === limit) return out;
      }
    }
  }
  return out;
}

const COLUMNS = ["organizationId", "id", "teamId", "leadMeasureId", "userId", "entryDate", "value", "note", "source", "createdById", "updatedAt"];

export async function benchImport(opts: {
  sql: Sql;
  url: string;
  baseUrl: string;
  token: string;
  info: OrgInfo;
  rows: number;
  log: (l: string) => void;
}): Promise<ImportResult> {
  const { sql, info, rows } = opts;
  const org = info.organizationId;
  const { today } = calendarOf();
  const from = addDays(today, -360);
  const to = addDays(today, -1);
  const teams = await sql.query<{ id: string }>(`SELECT id FROM "Team" WHERE "organizationId" = $1 AND "archivedAt" IS NULL ORDER BY name LIMIT 13`, [org]);
  const teamIds = teams.map((t) => t.id);
  const t0 = performance.now();
  const cells = await emptyCells(sql, org, teamIds, from, to, rows);
  if (cells.length < rows) throw new Error(`Only ${cells.length} empty cells found for the import (wanted ${rows}).`);
  const span = `${cells[cells.length - 1]!.day} … ${cells[0]!.day}`;
  opts.log(`  ${rows.toLocaleString("en-US")} empty cells of ${teamIds.length} teams, ${span} (found in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  const value = (i: number) => 1 + (i % 3);
  const csv = "email,team,measure,date,value,note\r\n" + cells.map((c, i) => `${c.email},${c.team},${c.measure},${c.day},${value(i)},\r\n`).join("");
  const csvBytes = Buffer.byteLength(csv);
  const now = new Date().toISOString();
  const copyRows = cells.map((c, i) => [org, randomUUID(), c.teamId, c.leadMeasureId, c.userId, c.day, value(i), "", "CSV", info.managerId, now]);
  const chunks = copyText(copyRows);

  const client = new pg.Client({ connectionString: opts.url });
  await client.connect();
  const cleanUp = async () => {
    const r = await client.query(
      `DELETE FROM "LeadEntry" WHERE "organizationId" = $1 AND "teamId" = ANY($2::uuid[]) AND "entryDate" BETWEEN $3::date AND $4::date AND source = 'CSV'`,
      [org, teamIds, from, to],
    );
    return r.rowCount ?? 0;
  };
  const copyOnce = async () => {
    const t = performance.now();
    const n = await copyFrom(client, "LeadEntry", COLUMNS, chunks);
    const ms = performance.now() - t;
    if (n !== rows) throw new Error(`COPY wrote ${n} rows, not ${rows}.`);
    await cleanUp();
    return ms;
  };
  try {
    await cleanUp(); // a run stopped half-way may have left some
    const copyMs = [await copyOnce()];
    opts.log(`  COPY: ${(copyMs[0]! / 1000).toFixed(2)} s`);

    let result: ImportResult["import"];
    const t = performance.now();
    try {
      const res = await fetch(`${opts.baseUrl}/api/v1/imports/lead-entries/commit`, {
        method: "POST",
        headers: { authorization: `Bearer ${opts.token}`, "content-type": "text/csv" },
        body: csv,
        signal: AbortSignal.timeout(600_000),
      });
      const body = await res.text();
      const ms = performance.now() - t;
      const last = body.trim().split("\n").pop() ?? "";
      let done: unknown = null;
      try {
        done = JSON.parse(last);
      } catch {
        done = last.slice(0, 300);
      }
      const ok = res.status === 200 && (done as { type?: string } | null)?.type === "done";
      result = ok ? { ms, rowsPerSecond: Math.round(rows / (ms / 1000)), status: res.status, done } : { error: `${res.status}: ${body.slice(0, 500)}` };
    } catch (e) {
      result = { error: e instanceof Error ? e.message : String(e) };
    }
    const written = await cleanUp();
    if ("ms" in result) {
      opts.log(`  import: ${(result.ms / 1000).toFixed(2)} s (${written.toLocaleString("en-US")} rows written)`);
      if (written !== rows) result = { error: `the import reported done but ${written} rows were found, not ${rows}` };
    } else opts.log(`  import failed: ${result.error}`);

    copyMs.push(await copyOnce());
    opts.log(`  COPY again: ${(copyMs[1]! / 1000).toFixed(2)} s`);
    const meanMs = copyMs.reduce((a, b) => a + b, 0) / copyMs.length;
    return {
      rows,
      csvBytes,
      cells: `${teamIds.length} teams, ${span}`,
      copy: { ms: copyMs.map((m) => Math.round(m)), meanMs: Math.round(meanMs), rowsPerSecond: Math.round(rows / (meanMs / 1000)) },
      import: "ms" in result ? { ...result, ms: Math.round(result.ms) } : result,
      ratioToCopy: "ms" in result ? Math.round((meanMs / result.ms) * 100) / 100 : null,
    };
  } finally {
    await client.end();
  }
}
