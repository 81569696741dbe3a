// Makes sure the scale's organization exists: reuses a database whose marker says it holds a
// complete organization of the same parameters for this week (applying any newer migrations to
// it, as a deployment would), otherwise creates the database afresh and generates it.
import { existsSync, rmSync } from "node:fs";
import { adminUrl, databaseExists, databaseUrl, migrationNames, migratePostgres, openEmbedded, openPostgres, recreateDatabase } from "./database";
import { calendarOf, generate, readMarker, staleReason, type Marker } from "./generate";
import type { ScaleParams } from "./scales";

export type Prepared = { marker: Marker; reused: boolean; applied: string[]; seconds: number; why: string | null };

export function benchDatabaseName(scale: string): string {
  return `leadlag_bench_${scale}`;
}

export async function preparePostgres(params: ScaleParams, opts: { fresh: boolean }, log: (l: string) => void): Promise<Prepared & { url: string }> {
  const started = performance.now();
  const admin = adminUrl();
  const name = benchDatabaseName(params.scale);
  const url = databaseUrl(admin, name);
  const { week } = calendarOf();
  let why: string | null = opts.fresh ? "--fresh" : null;
  if (!why && !(await databaseExists(admin, name))) why = "no database yet";
  if (!why) {
    const sql = await openPostgres(url);
    try {
      why = staleReason(await readMarker(sql), params, week);
    } finally {
      await sql.close();
    }
  }
  if (!why) {
    // Reused: newer migrations run on the existing data, exactly as they would in production.
    const applied = await migratePostgres(url);
    if (applied.length) {
      log(`  applied ${applied.length} newer migration(s) to the existing data: ${applied.join(", ")}`);
      const sql = await openPostgres(url);
      await sql.query("ANALYZE").finally(() => sql.close());
    }
    const sql = await openPostgres(url);
    const marker = (await readMarker(sql))!;
    await sql.close();
    log(`  reusing ${name} (generated ${marker.generatedAt}, ${marker.counts.LeadEntry?.toLocaleString("en-US")} lead entries)`);
    return { url, marker, reused: true, applied, seconds: (performance.now() - started) / 1000, why: null };
  }
  log(`  (re)creating ${name}: ${why}`);
  await recreateDatabase(admin, name);
  const applied = await migratePostgres(url);
  const sql = await openPostgres(url);
  try {
    const marker = await generate(sql, params, migrationNames(), log);
    return { url, marker, reused: false, applied, seconds: (performance.now() - started) / 1000, why };
  } finally {
    await sql.close();
  }
}

/** The same organization in an embedded PGlite data directory (`<dataDir>/pglite`, as the server opens it). */
export async function prepareEmbedded(params: ScaleParams, dataDir: string, opts: { fresh: boolean }, log: (l: string) => void): Promise<Prepared> {
  const started = performance.now();
  const dir = `${dataDir}/pglite`;
  const { week } = calendarOf();
  if (opts.fresh && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  let opened = await openEmbedded(dir);
  try {
    const why = opts.fresh ? "--fresh" : staleReason(await readMarker(opened.sql), params, week);
    if (!why) {
      if (opened.applied.length) log(`  applied newer migration(s) to the existing data: ${opened.applied.join(", ")}`);
      await opened.sql.query("ANALYZE");
      const marker = (await readMarker(opened.sql))!;
      log(`  reusing ${dir} (generated ${marker.generatedAt})`);
      return { marker, reused: true, applied: opened.applied, seconds: (performance.now() - started) / 1000, why: null };
    }
    log(`  (re)creating ${dir}: ${why}`);
    await opened.sql.close();
    rmSync(dir, { recursive: true, force: true });
    opened = await openEmbedded(dir);
    const marker = await generate(opened.sql, params, migrationNames(), log);
    return { marker, reused: false, applied: opened.applied, seconds: (performance.now() - started) / 1000, why };
  } finally {
    await opened.sql.close();
  }
}
