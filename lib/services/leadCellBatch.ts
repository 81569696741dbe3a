import "server-only";
// How setLeadCells writes many cells at once (a 100,000-row import, a batch from the API): each
// cell once, oldest day first, in chunks of two statements — one DELETE of what the chunk's
// cells hold now, one INSERT of their new entries. The same SQL runs on PostgreSQL and PGlite.
//
// What costs time in a bulk write, besides the database's own work per row (foreign keys,
// indexes, the weekly roll-up's triggers), is moving the rows into the statement. A cell names
// a person, a team and a measure by uuid, and a 100,000-element uuid[] parameter takes seconds
// to encode and parse. A file names a few hundred people, teams and measures, so the statement
// gets each uuid once, in small arrays, and each row the numbers of its entries in them, sent
// as one comma-separated text per column (`string_to_array(…)::int4[]`): the rows travel as
// cheaply as in COPY, through the same Prisma transaction as everything else.
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EntrySource } from "@/lib/generated/prisma/enums";
import { epochDay, fromEpochDay, type IsoDate } from "@/lib/domain/calendar/weeks";
import type { LeadCellsToWrite } from "@/lib/queries/leadCellChanges";
import type { Cell } from "./leadRules";

type CellWrite = Cell & { note?: string };
type Tx = Prisma.TransactionClient;


/**
 * Cells as numbers: each (person, measure, day) once — the last write of a cell wins, as if the
 * cells were applied in order — sorted by day, each cell's person, measure and team as a 1-based
 * position in `users`, `measures`, `teams` (PostgreSQL arrays start at 1) and its day as days
 * after `firstDay`.
 */
export type CellBatch = {
  cells: CellWrite[];
  users: string[];
  measures: string[];
  teams: string[];
  firstDay: IsoDate;
  user: Int32Array;
  measure: Int32Array;
  team: Int32Array;
  day: Int32Array;
};

/** 1-based positions of distinct strings, in order of first appearance. */
function numbering(): { of(id: string): number; ids: string[] } {
  const positions = new Map<string, number>();
  const ids: string[] = [];
  return {
    ids,
    of(id) {
      let n = positions.get(id);
      if (n === undefined) {
        ids.push(id);
        n = ids.length;
        positions.set(id, n);
      }
      return n;
    },
  };
}

export function batchOf(input: readonly CellWrite[]): CellBatch {
  const users = numbering();
  const measures = numbering();
  const days = new Map<IsoDate, number>();
  const n = input.length;
  const u = new Int32Array(n);
  const m = new Int32Array(n);
  const d = new Float64Array(n);
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < n; i++) {
    const c = input[i]!;
    u[i] = users.of(c.userId);
    m[i] = measures.of(c.leadMeasureId);
    let day = days.get(c.entryDate);
    if (day === undefined) {
      day = epochDay(c.entryDate);
      days.set(c.entryDate, day);
    }
    d[i] = day;
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
  }

  // The last write of each cell: a number per (person, measure, day) when they fit in one.
  const span = n === 0 ? 1 : maxDay - minDay + 1;
  const numeric = (users.ids.length + 1) * measures.ids.length * span < Number.MAX_SAFE_INTEGER;
  const last = new Map<number | string, number>();
  for (let i = 0; i < n; i++) {
    last.set(numeric ? (u[i]! * measures.ids.length + m[i]!) * span + (d[i]! - minDay) : `${u[i]}|${m[i]}|${d[i]}`, i);
  }

  // Oldest day first (a counting sort: days are few), in the order the cells first came within a day.
  const perDay = new Int32Array(span + 1);
  for (const i of last.values()) perDay[d[i]! - minDay + 1]!++;
  for (let k = 1; k <= span; k++) perDay[k]! += perDay[k - 1]!;
  const order = new Int32Array(last.size);
  for (const i of last.values()) order[perDay[d[i]! - minDay]!++] = i;

  const teams = numbering();
  const batch: CellBatch = {
    cells: new Array<CellWrite>(order.length),
    users: users.ids,
    measures: measures.ids,
    teams: teams.ids,
    firstDay: n === 0 ? "1970-01-01" : fromEpochDay(minDay),
    user: new Int32Array(order.length),
    measure: new Int32Array(order.length),
    team: new Int32Array(order.length),
    day: new Int32Array(order.length),
  };
  order.forEach((i, k) => {
    const c = input[i]!;
    batch.cells[k] = c;
    batch.user[k] = u[i]!;
    batch.measure[k] = m[i]!;
    batch.team[k] = teams.of(c.teamId);
    batch.day[k] = d[i]! - minDay;
  });
  return batch;
}

/**
 * The batch as lib/queries/leadCellChanges.ts reads it: each cell's value (a cleared cell as 0)
 * and note, and the file row it came from (`rowOf`; by default its place in the batch).
 */
export function cellsToWrite(batch: CellBatch, rowOf: (cell: CellWrite, k: number) => number = (_, k) => k + 1): LeadCellsToWrite {
  return {
    ...batch,
    values: batch.cells.map((c) => c.value ?? 0),
    notes: batch.cells.map((c) => c.note ?? ""),
    rows: batch.cells.map(rowOf),
  };
}

const joined = (column: ArrayLike<number>) => Array.prototype.join.call(column, ",");

/** The entries the DELETE removed, for the per-cell audit. */
export type RemovedEntry = { id: string; teamId: string; leadMeasureId: string; userId: string; entryDate: IsoDate; value: number; note: string };

/**
 * Replaces cells `from`…`to` − 1 of the batch: deletes every entry they hold now and inserts one
 * entry per cell with a value (a null value clears the cell). Two statements, whatever the size.
 */
export async function replaceCells(
  tx: Tx,
  batch: CellBatch,
  from: number,
  to: number,
  w: { organizationId: string; source: EntrySource; actorId: string; returning: boolean },
): Promise<{ removed: RemovedEntry[]; deleted: number; ids: (string | null)[] }> {
  const { users, measures, teams, firstDay } = batch;
  const first = fromEpochDay(epochDay(firstDay) + batch.day[from]!);
  const last = fromEpochDay(epochDay(firstDay) + batch.day[to - 1]!);
  const keys = Prisma.sql`
    DELETE FROM "LeadEntry" e
     USING (SELECT (${users}::uuid[])[k.u] AS user_id, (${measures}::uuid[])[k.m] AS measure_id, ${firstDay}::date + k.d AS entry_date
              FROM unnest(string_to_array(${joined(batch.user.subarray(from, to))}, ',')::int4[],
                          string_to_array(${joined(batch.measure.subarray(from, to))}, ',')::int4[],
                          string_to_array(${joined(batch.day.subarray(from, to))}, ',')::int4[]) AS k(u, m, d)) AS k
     WHERE e."organizationId" = ${w.organizationId}::uuid
       AND e."entryDate" BETWEEN ${first}::date AND ${last}::date
       AND e."userId" = k.user_id AND e."leadMeasureId" = k.measure_id AND e."entryDate" = k.entry_date`;
  let removed: RemovedEntry[] = [];
  let deleted: number;
  if (w.returning) {
    removed = await tx.$queryRaw<RemovedEntry[]>(Prisma.sql`${keys}
      RETURNING e.id, e."teamId", e."leadMeasureId", e."userId", to_char(e."entryDate", 'YYYY-MM-DD') AS "entryDate", e.value, e.note`);
    deleted = removed.length;
  } else {
    deleted = await tx.$executeRaw(keys);
  }

  const ids: (string | null)[] = new Array(to - from).fill(null);
  const rows: number[] = [];
  for (let k = from; k < to; k++) {
    if (batch.cells[k]!.value == null) continue;
    rows.push(k);
    ids[k - from] = randomUUID();
  }
  if (rows.length > 0) {
    const pick = (column: Int32Array) => rows.map((k) => column[k]!).join(",");
    const notes = rows.some((k) => batch.cells[k]!.note) ? rows.map((k) => batch.cells[k]!.note ?? "") : [];
    await tx.$executeRaw`
      INSERT INTO "LeadEntry" ("organizationId", "id", "teamId", "leadMeasureId", "userId", "entryDate", "value", "note", "source", "createdById", "updatedAt")
      SELECT ${w.organizationId}::uuid, k.id, (${teams}::uuid[])[k.t], (${measures}::uuid[])[k.m], (${users}::uuid[])[k.u], ${firstDay}::date + k.d,
             k.value, coalesce(k.note, ''), ${w.source}::"EntrySource", ${w.actorId}::uuid, now()
        FROM unnest(string_to_array(${ids.filter((id) => id !== null).join(",")}, ',')::uuid[],
                    string_to_array(${pick(batch.user)}, ',')::int4[],
                    string_to_array(${pick(batch.measure)}, ',')::int4[],
                    string_to_array(${pick(batch.team)}, ',')::int4[],
                    string_to_array(${pick(batch.day)}, ',')::int4[],
                    string_to_array(${rows.map((k) => batch.cells[k]!.value).join(",")}, ',')::float8[],
                    ${notes}::text[]) AS k(id, u, m, t, d, value, note)`;
  }
  return { removed, deleted, ids };
}
