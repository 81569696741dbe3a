import "server-only";
// Writing lead entries. A "cell" is one person's value for one measure on one day: the quick
// grid, CSV imports and the batch API set cells (replacing what was there, so repeating the same
// write changes nothing), while the log form adds an entry to the day. Every rule a user can
// break is reported per field, and nothing is written unless everything is.
import * as clock from "@/lib/clock";
import { createHash } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EntrySource } from "@/lib/generated/prisma/enums";
import { allowLongStatements } from "@/lib/db/budget";
import type { Db } from "@/lib/db/client";
import type { TenantContext } from "@/lib/auth/tenant";
import { requireWriter } from "@/lib/auth/permissions";
import { fromUtcDate, toUtcDate, type IsoDate } from "@/lib/domain/calendar/weeks";
import { AppError, forbidden, notFound, parseOrThrow, problemsError, validationError, type Problem } from "@/lib/errors";
import { isUuid } from "@/lib/schemas/ids";
import { createLeadEntrySchema } from "@/lib/schemas/leadEntry";
import { recordAudit } from "./audit";
import type { ImportChanges } from "@/lib/csv/changes";
import { leadCellChanges } from "@/lib/queries/leadCellChanges";
import { batchOf, cellsToWrite, replaceCells, type RemovedEntry } from "./leadCellBatch";
import { checkCell, loadEntryRules, verdictMessages, verdictOk, type Cell, type EntryRules } from "./leadRules";

export { MAX_BACKDATE_DAYS } from "./leadRules";

export type LeadEntryView = {
  id: string;
  teamId: string;
  leadMeasureId: string;
  userId: string;
  entryDate: IsoDate;
  value: number;
  note: string;
};

type EntryRow = { id: string; teamId: string; leadMeasureId: string; userId: string; entryDate: Date; value: number; note: string };

export function entryView(row: EntryRow): LeadEntryView {
  return {
    id: row.id,
    teamId: row.teamId,
    leadMeasureId: row.leadMeasureId,
    userId: row.userId,
    entryDate: fromUtcDate(row.entryDate),
    value: row.value,
    note: row.note,
  };
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}

/** Throws the 404 / 403 / 400 a single request deserves for a cell that may not be written. */
function assertCell(rules: EntryRules, ctx: TenantContext, cell: Cell): void {
  const v = checkCell(rules, ctx, cell);
  if (v.notFound) throw notFound(v.notFound);
  if (v.forbidden) throw forbidden(v.forbidden);
  if (!verdictOk(v)) throw validationError(Object.fromEntries(Object.entries(v.fields).map(([k, m]) => [k, [m]])));
}

const KEY_REUSED =
  "This idempotency key was already used for a different entry. Send a new key for a new entry; repeat the same request to get the first answer.";

/**
 * A request as its idempotency key remembers it: SHA-256 of what it asks to write (the resolved
 * person, team, measure, day, value and note), so a replay can be told from a different request.
 */
function requestHash(cell: Cell, note: string): string {
  const canonical = JSON.stringify([cell.userId, cell.teamId, cell.leadMeasureId, cell.entryDate, cell.value, note]);
  return createHash("sha256").update(canonical).digest("hex");
}

/**
 * Adds an entry to a day (the log form). Idempotent per `idempotencyKey`: the same request with a
 * key already used answers with the entry the first one stored (created: false); a different
 * request with that key is a conflict (409), nothing written.
 */
export async function createLeadEntry(
  db: Db,
  ctx: TenantContext,
  raw: unknown,
  now: Date = clock.now(),
  source: EntrySource = "MANUAL",
): Promise<{ entry: LeadEntryView; created: boolean }> {
  const input = parseOrThrow(createLeadEntrySchema, raw);
  const organizationId = ctx.organizationId;
  const findByKey = async () =>
    input.idempotencyKey
      ? db.leadEntry.findUnique({ where: { organizationId_idempotencyKey: { organizationId, idempotencyKey: input.idempotencyKey } } })
      : null;

  const cell: Cell = {
    userId: input.userId ?? ctx.userId,
    teamId: input.teamId,
    leadMeasureId: input.leadMeasureId,
    entryDate: input.entryDate,
    value: input.value,
  };
  const hash = input.idempotencyKey ? requestHash(cell, input.note) : null;
  /** The stored entry as the answer to a replay; a conflict when the key came with another request. */
  const replay = (row: EntryRow & { idempotencyHash: string | null }) => {
    // Entries keyed before hashes were kept have none: they replay as they always did.
    if (row.idempotencyHash != null && row.idempotencyHash !== hash) {
      throw new AppError("conflict", KEY_REUSED, { fieldErrors: { idempotencyKey: [KEY_REUSED] } });
    }
    return { entry: entryView(row), created: false };
  };

  const existing = await findByKey();
  if (existing) return replay(existing);

  const rules = await loadEntryRules(db, ctx, now);
  assertCell(rules, ctx, cell);

  try {
    const entry = await db.$transaction(async (tx) => {
      const created = await tx.leadEntry.create({
        data: {
          organizationId,
          teamId: cell.teamId,
          leadMeasureId: cell.leadMeasureId,
          userId: cell.userId,
          entryDate: toUtcDate(cell.entryDate),
          value: input.value,
          note: input.note,
          idempotencyKey: input.idempotencyKey ?? null,
          idempotencyHash: hash,
          source,
          createdById: ctx.userId,
        },
      });
      await recordAudit(tx, ctx, { action: "lead_entry.create", entityType: "LeadEntry", entityId: created.id, after: entryView(created) });
      return created;
    });
    return { entry: entryView(entry), created: true };
  } catch (err) {
    // Two submits with the same key raced: the other one won, and its row is the answer.
    if (input.idempotencyKey && isUniqueViolation(err)) {
      const winner = await findByKey();
      if (winner) return replay(winner);
    }
    throw err;
  }
}

export type CellWrite = Cell & { note?: string };

/** Checks cells without writing; the problems of every bad cell, by its index. */
export function problemsOf(rules: EntryRules, ctx: TenantContext, cells: readonly CellWrite[]): Problem[] {
  const problems: Problem[] = [];
  cells.forEach((cell, index) => {
    for (const p of verdictMessages(checkCell(rules, ctx, cell))) problems.push({ index, ...p });
  });
  return problems;
}

export type SetCellsResult = { written: number; deleted: number; changes?: ImportChanges };

/** Cells per chunk: large writes go in chunks, reporting progress after each. */
const CHUNK = 5_000;

/**
 * Sets each cell (person, measure, day) to its value, replacing whatever entries were there;
 * a null value clears the cell. All or nothing: one bad cell → a validation error listing every
 * bad cell, and nothing written. Repeating the same write leaves the same rows. The last write
 * of a cell wins, as if the cells were applied in order.
 *
 * Written in one transaction, a chunk of cells at a time (oldest days first), two statements per
 * chunk (lib/services/leadCellBatch.ts). Grid and API writes record an audit event per cell, with
 * the entries it replaced; a CSV import records one for the whole import.
 */
export async function setLeadCells(
  db: Db,
  ctx: TenantContext,
  cells: readonly CellWrite[],
  opts: {
    source: EntrySource;
    now?: Date;
    rules?: EntryRules;
    onProgress?: (done: number, total: number) => void;
    auditNote?: string;
    chunkSize?: number;
    /** Also count, before writing, the cells created, replaced and left unchanged (an import's result). */
    countChanges?: boolean;
  },
): Promise<SetCellsResult> {
  // A viewer's batch is refused as a whole (403), not cell by cell.
  requireWriter(ctx.role);
  const rules = opts.rules ?? (await loadEntryRules(db, ctx, opts.now));
  const problems = problemsOf(rules, ctx, cells);
  if (problems.length > 0) throw problemsError(problems);
  const batch = batchOf(cells);
  const total = batch.cells.length;
  const perCellAudit = opts.source !== "CSV";
  const organizationId = ctx.organizationId;
  const chunkSize = opts.chunkSize ?? CHUNK;
  const write = { organizationId, source: opts.source, actorId: ctx.userId, returning: perCellAudit };

  return db.$transaction(
    async (tx) => {
      // A year of a large organization may take minutes: exempt from the web statement timeout.
      await allowLongStatements(tx, 10 * 60_000);
      const changes = opts.countChanges ? await leadCellChanges(tx, organizationId, cellsToWrite(batch)) : undefined;
      let written = 0;
      let deleted = 0;
      for (let from = 0; from < total; from += chunkSize) {
        const to = Math.min(from + chunkSize, total);
        const r = await replaceCells(tx, batch, from, to, write);
        if (perCellAudit) await auditCells(tx, ctx, batch.cells.slice(from, to), r.removed, r.ids, opts.source);
        written += r.ids.filter((id) => id !== null).length;
        deleted += r.deleted;
        opts.onProgress?.(to, total);
      }
      if (!perCellAudit) {
        await recordAudit(tx, ctx, {
          action: "lead_cells.import",
          entityType: "LeadCell",
          entityId: opts.auditNote ?? "import",
          after: { cells: total, written, replaced: deleted, source: opts.source },
        });
      }
      return { written, deleted, changes };
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
}

/** One audit event per cell: set or cleared, with the entries it replaced. */
async function auditCells(
  tx: Prisma.TransactionClient,
  ctx: TenantContext,
  cells: readonly CellWrite[],
  removed: readonly RemovedEntry[],
  ids: readonly (string | null)[],
  source: EntrySource,
): Promise<void> {
  const before = new Map<string, RemovedEntry[]>();
  for (const r of removed) {
    const key = `${r.userId}|${r.leadMeasureId}|${r.entryDate}`;
    before.set(key, [...(before.get(key) ?? []), r]);
  }
  await tx.auditEvent.createMany({
    data: cells.map((c, n) => {
      const key = `${c.userId}|${c.leadMeasureId}|${c.entryDate}`;
      const replaced = before.get(key);
      return {
        organizationId: ctx.organizationId,
        actorId: ctx.userId,
        action: c.value == null ? "lead_cell.clear" : "lead_cell.set",
        entityType: "LeadCell",
        entityId: key,
        before: replaced ? (JSON.parse(JSON.stringify(replaced)) as Prisma.InputJsonValue) : Prisma.DbNull,
        after: c.value == null ? Prisma.DbNull : ({ ...c, id: ids[n], source } as Prisma.InputJsonValue),
      };
    }),
  });
}

/**
 * Deletes one entry: people delete their own in the open weeks, managers any entry. Returns the
 * deleted entry so the caller can offer an undo.
 */
export async function deleteLeadEntry(db: Db, ctx: TenantContext, id: string, now: Date = clock.now()): Promise<LeadEntryView> {
  const organizationId = ctx.organizationId;
  // A malformed id names no entry (and PostgreSQL would refuse to cast it).
  const row = isUuid(id) ? await db.leadEntry.findUnique({ where: { organizationId_id: { organizationId, id } } }) : null;
  if (!row) throw notFound("Entry not found.");
  const entry = entryView(row);
  const rules = await loadEntryRules(db, ctx, now);
  const v = checkCell(rules, ctx, { ...entry, value: null });
  // An entry stays deletable after its measure was unassigned or its person left the team.
  if (v.notFound) throw notFound(v.notFound);
  if (v.forbidden) throw forbidden(v.forbidden);
  if (v.fields.entryDate) throw forbidden(v.fields.entryDate);
  await db.$transaction(async (tx) => {
    await tx.leadEntry.delete({ where: { organizationId_id: { organizationId, id } } });
    await recordAudit(tx, ctx, { action: "lead_entry.delete", entityType: "LeadEntry", entityId: id, before: entry });
  });
  return entry;
}
