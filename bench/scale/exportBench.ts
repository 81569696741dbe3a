// The organization's exports through the API: the quarterly report (POST /api/v1/reports, then
// following its Location until it is no longer running: collect → narrative → PDF → save), and
// the CSV of every lead entry it holds (GET /api/v1/exports/lead-entries.csv, read to the end).
import { quarterContaining, shiftQuarter } from "@/lib/domain/calendar/quarters";
import type { Sql } from "./database";
import { calendarOf } from "./generate";

export type ReportExportResult =
  | { quarter: string; ms: number; status: string; reportId: string | null; error: string | null; polls: number }
  | { quarter: string; error: string };

export async function benchReportExport(baseUrl: string, cookie: string, sql: Sql, organizationId: string, timeoutMs: number): Promise<ReportExportResult> {
  const quarter = shiftQuarter(quarterContaining(calendarOf().today), -1).id;
  const t = performance.now();
  const res = await fetch(`${baseUrl}/api/v1/reports`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({ scope: "organization", quarter }),
  });
  if (res.status !== 202) return { quarter, error: `POST /api/v1/reports answered ${res.status}: ${(await res.text()).slice(0, 300)}` };
  const location = res.headers.get("location");
  await res.text();
  if (!location) return { quarter, error: "no Location header" };
  let polls = 0;
  for (;;) {
    if (performance.now() - t > timeoutMs) return { quarter, error: `still running after ${timeoutMs / 1000} s` };
    await new Promise((r) => setTimeout(r, 100));
    polls++;
    const s = await fetch(new URL(location, baseUrl), { headers: { cookie } });
    const state = (await s.json()) as { status: string; reportId: string | null; error: string | null };
    if (state.status !== "running") {
      const ms = Math.round(performance.now() - t);
      // The bench's reports are not kept: every run would add one.
      if (state.reportId) await sql.query(`DELETE FROM "Report" WHERE "organizationId" = $1 AND id = $2`, [organizationId, state.reportId]);
      await sql.query(`DELETE FROM "ReportExport" WHERE "organizationId" = $1 AND quarter = $2`, [organizationId, quarter]);
      return { quarter, ms, status: state.status, reportId: state.reportId, error: state.error, polls };
    }
  }
}

export type CsvExportResult = { ms: number; bytes: number; rows: number; status: number } | { error: string };

export async function benchCsvExport(baseUrl: string, token: string, timeoutMs: number): Promise<CsvExportResult> {
  const t = performance.now();
  try {
    const res = await fetch(`${baseUrl}/api/v1/exports/lead-entries.csv`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(timeoutMs) });
    if (res.status !== 200 || !res.body) return { error: `answered ${res.status}: ${(await res.text()).slice(0, 300)}` };
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
    }
    return { ms: Math.round(performance.now() - t), bytes, rows: Math.max(0, lines - 1), status: res.status };
  } catch (e) {
    return { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}
