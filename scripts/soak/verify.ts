// What the database holds of the soak's writes: every lead entry whose idempotency key carries
// the phase's prefix. Compared with what the server acknowledged, it says whether a write was
// lost (acknowledged, not stored) or stored twice (impossible: the key is unique).
import type pg from "pg";
import type { LoadResult } from "./load";
import type { Check } from "./report";

export async function countWrites(sql: pg.Client, keyPrefix: string): Promise<Set<string>> {
  const r = await sql.query<{ k: string }>(`SELECT "idempotencyKey" AS k FROM "LeadEntry" WHERE "idempotencyKey" LIKE $1`, [`${keyPrefix}-%`]);
  return new Set(r.rows.map((row) => row.k));
}

/** Rows = acknowledged writes, exactly: none lost, none stored without an acknowledgement. */
export async function verifyWrites(sql: pg.Client, phase: string, keyPrefix: string, writes: LoadResult["writes"]): Promise<Check> {
  const stored = await countWrites(sql, keyPrefix);
  const acked = [...writes].filter(([, w]) => w.acked).map(([k]) => k);
  const lost = acked.filter((k) => !stored.has(k)).length;
  const extra = [...stored].filter((k) => !writes.get(k)?.acked).length;
  return {
    phase,
    name: "rows = acknowledged writes",
    ok: lost === 0 && extra === 0 && stored.size === acked.length,
    detail: `${stored.size} rows for ${acked.length} acknowledged of ${writes.size} sent; ${lost} lost, ${extra} stored unacknowledged`,
  };
}
