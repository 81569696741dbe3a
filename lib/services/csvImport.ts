import "server-only";
// The two steps of a CSV import, for either kind: a preview that reads and checks every row and
// writes nothing, and a commit that checks again (the file may have changed, and clients are
// not trusted) and then writes everything in one transaction, reporting progress as it goes.
import * as clock from "@/lib/clock";
import type { TenantContext } from "@/lib/auth/tenant";
import { requireImporter } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError, problemsError } from "@/lib/errors";
import { loadLagRules, setLagObservations } from "@/lib/services/lagObservations";
import { setLeadCells } from "@/lib/services/leadEntries";
import { batchOf, cellsToWrite } from "@/lib/services/leadCellBatch";
import type { ImportChanges, ReplacedRow } from "@/lib/csv/changes";
import { lagObservationChanges } from "@/lib/queries/lagObservationChanges";
import { leadCellChanges } from "@/lib/queries/leadCellChanges";
import { loadEntryRules } from "@/lib/services/leadRules";
import type { ColumnSpec } from "../csv/columns";
import { LAG_OBSERVATION_COLUMNS } from "@/lib/csv/lagObservationColumns";
import { LEAD_ENTRY_COLUMNS } from "@/lib/csv/leadEntryColumns";
import { checkLagObservations } from "./csvLagObservations";
import { checkLeadEntries } from "./csvLeadEntries";
import { IMPORT_WRITE_CHUNK, MAX_LISTED_PROBLEMS, type ImportKind, type ReadOptions, type RequestedMapping, type RowProblem } from "../csv/options";
import { CsvFileError, decodeCsv, parseCsv } from "../csv/parse";
import type { ImportCheck } from "../csv/rows";

export const COLUMNS: Record<ImportKind, readonly ColumnSpec[]> = {
  "lead-entries": LEAD_ENTRY_COLUMNS,
  "lag-observations": LAG_OBSERVATION_COLUMNS,
};

/** A file to import, as read from the request: its bytes and name, and how to read it. */
export type ImportFile = { bytes: Uint8Array; fileName: string; options: ReadOptions & { mapping?: RequestedMapping } };

export type CheckedImport = {
  check: ImportCheck<string, unknown>;
  /** What the good rows would change now: the preview's counts and first replaced rows. */
  changes: () => Promise<ImportChanges>;
  commit: (onProgress?: Progress) => Promise<Written>;
};
type Progress = (done: number, total: number) => void;
/**
 * What the commit wrote: rows, entries written, earlier entries removed (`replaced`), and per
 * row — counted in the transaction, before writing, as the preview counts — how many were new
 * (`creates`), replaced an earlier value (`replaces`) or wrote what was there (`unchanged`).
 */
export type Written = { rows: number; written: number; replaced: number } & Omit<ImportChanges, "replaced">;

const counts = (c: ImportChanges | undefined): Omit<ImportChanges, "replaced"> => ({
  creates: c?.creates ?? 0,
  replaces: c?.replaces ?? 0,
  unchanged: c?.unchanged ?? 0,
});

/** Reads and checks the file; `commit` writes what was checked. Refuses unreadable files. */
export async function checkImport(db: Db, ctx: TenantContext, kind: ImportKind, req: ImportFile, now = clock.now()): Promise<CheckedImport> {
  requireImporter(ctx.role, kind);
  let text: string;
  try {
    text = decodeCsv(req.bytes);
  } catch (err) {
    if (err instanceof CsvFileError) throw new AppError("validation_failed", err.message, { fieldErrors: { file: [err.message] } });
    throw err;
  }
  const parsed = parseCsv(text);
  const auditNote = `csv:${req.fileName}`.slice(0, 200);
  // How either kind writes: one audit event for the file, in chunks, counting what changes first.
  const writing = (onProgress?: Progress) => ({ source: "CSV" as const, onProgress, auditNote, chunkSize: IMPORT_WRITE_CHUNK, countChanges: true });
  if (kind === "lead-entries") {
    const rules = await loadEntryRules(db, ctx, now);
    const check = checkLeadEntries(parsed, req.options, rules, ctx);
    return {
      check,
      changes: () => {
        const rowOf = new Map(check.writes.map((w, i) => [w, check.writeRows[i]!]));
        return leadCellChanges(db, ctx.organizationId, cellsToWrite(batchOf(check.writes), (cell) => rowOf.get(cell)!));
      },
      commit: async (onProgress) => {
        const r = await setLeadCells(db, ctx, check.writes, { ...writing(onProgress), rules });
        return { rows: check.writes.length, written: r.written, replaced: r.deleted, ...counts(r.changes) };
      },
    };
  }
  const rules = await loadLagRules(db, ctx, now);
  const check = checkLagObservations(parsed, req.options, rules);
  return {
    check,
    changes: () => lagObservationChanges(db, ctx.organizationId, check.writes.map((w, i) => ({ ...w, row: check.writeRows[i]! }))),
    commit: async (onProgress) => {
      const r = await setLagObservations(db, ctx, check.writes, { ...writing(onProgress), rules });
      return { rows: check.writes.length, written: r.written, replaced: r.replaced, ...counts(r.changes) };
    },
  };
}

export type ImportPreview = {
  kind: ImportKind;
  fileName: string;
  delimiter: string;
  headers: string[];
  mapping: Record<string, number | null>;
  columns: { field: string; header: string; required: boolean; description: string }[];
  rowCount: number;
  /** Rows that passed every check. */
  readyCount: number;
  problemCount: number;
  /** The first MAX_LISTED_PROBLEMS problems, in row order. */
  problems: RowProblem[];
  warnings: string[];
  sample: { row: number; values: Record<string, string> }[];
  /** True when the commit would import every row. */
  ready: boolean;
  /** Of the ready rows: new, replacing an earlier value, or the same as what is there. */
  creates: number;
  replaces: number;
  unchanged: number;
  /** The first rows that replace an earlier value, in file order. */
  replaced: ReplacedRow[];
};

export function previewOf(kind: ImportKind, fileName: string, check: ImportCheck<string, unknown>, changes: ImportChanges): ImportPreview {
  return {
    kind,
    fileName,
    delimiter: check.delimiter,
    headers: check.headers,
    mapping: check.mapping,
    columns: COLUMNS[kind].map(({ field, header, required, description }) => ({ field, header, required, description })),
    rowCount: check.rowCount,
    readyCount: check.writes.length,
    problemCount: check.problems.length,
    problems: check.problems.slice(0, MAX_LISTED_PROBLEMS),
    warnings: check.warnings,
    sample: check.sample,
    ready: isReady(check),
    ...changes,
  };
}

/** True when the commit would import every row. */
export function isReady(check: ImportCheck<string, unknown>): boolean {
  return check.problems.length === 0 && check.writes.length > 0;
}

/** The commit's refusal when the file is not ready: every problem by row, nothing written. */
export function notReady(check: ImportCheck<string, unknown>): AppError {
  if (check.problems.length > 0) return problemsError(check.problems, { nothingWas: "imported" });
  return new AppError("validation_failed", "The file has no rows to import; nothing was imported.", { problems: [], problemCount: 0 });
}
