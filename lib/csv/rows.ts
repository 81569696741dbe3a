// From parsed records to field values, for either kind of import: applies the column mapping,
// refuses rows with more values than the header has, and collects what both importers return.
import { columnLabel, resolveMapping, type ColumnMapping, type ColumnSpec } from "./columns";
import type { RequestedMapping, RowProblem } from "./options";
import type { ParsedCsv } from "./parse";

/** Everything an import check found, for the preview and for the commit. */
export type ImportCheck<F extends string, W> = {
  delimiter: string;
  headers: string[];
  mapping: ColumnMapping<F>;
  warnings: string[];
  /** Every problem, in row order; file-level ones (row null) first. */
  problems: RowProblem[];
  /** Non-empty data rows in the file. */
  rowCount: number;
  /** What the good rows will write (all rows, when there are no problems). */
  writes: W[];
  /** The file row of each write. */
  writeRows: number[];
  /** The first good rows as they were read (names as stored, dates ISO, numbers parsed). */
  sample: { row: number; values: Record<F, string> }[];
};

export const SAMPLE_ROWS = 10;

/**
 * "…,1,234,\n" in a comma-separated file with the note after the value reads as value 1 with
 * the note "234": well-formed, and wrong. A three-digit note right after a short whole value is
 * refused as that mistake (a real note of exactly three digits is rare; quoting the value fixes it).
 */
export function looksLikeSplitNumber(delimiter: string, valueIndex: number | null, noteIndex: number | null, value: string, note: string): boolean {
  return (
    delimiter === "," &&
    valueIndex != null &&
    noteIndex === valueIndex + 1 &&
    // The note first: it is usually empty, which settles it.
    /^\d{3}(\.\d+)?$/.test(note.trim()) &&
    /^[+-]?\d{1,3}$/.test(value.trim())
  );
}

export const SPLIT_NUMBER_MESSAGE =
  'This looks like a number with a thousands separator split in two by the comma separator: write it in double quotes ("1,234") or without the comma.';

/**
 * One good row: what it writes, the key no other row of the file may repeat, and how it shows in
 * the sample. `sample` is read only for the first few rows, so a reader may compute it in a getter.
 */
export type CheckedRow<F extends string, W> = {
  write: W;
  key: string | number;
  readonly sample: Record<F, string>;
  duplicateOf: (firstRow: number) => string;
};

/**
 * Reads one row's text. `report.bad` records a problem in a field; `report.any()` says whether
 * the row has one yet (a reader stops before its rule checks when it does).
 */
export type RowReader<F extends string, W> = (
  raw: Record<F, string>,
  report: { bad(field: F, message: string): void; any(): boolean },
  file: { delimiter: string; mapping: ColumnMapping<F> },
) => CheckedRow<F, W> | null;

/**
 * The check both importers run: maps the columns, reads each row with `readRow` (which reports
 * what is wrong and returns null for a row it refused), refuses a row whose key an earlier row
 * already gave, and keeps the first good rows as the sample.
 *
 * A row shorter than the header is padded (tools drop trailing empty values); a row longer than
 * the header with anything in the extra cells is a problem: usually an unquoted value containing
 * the separator, such as 1,234 or a note.
 *
 * One pass over the records, with nothing allocated per row but the row's values and what the
 * reader returns: a 100,000-row file is checked in a fraction of a second.
 */
export function checkRows<F extends string, W>(
  parsed: ParsedCsv,
  specs: readonly ColumnSpec<F>[],
  requested: RequestedMapping | undefined,
  readRow: RowReader<F, W>,
): ImportCheck<F, W> {
  const { mapping, problems: mappingProblems, warnings } = resolveMapping(parsed.header, specs, requested);
  const problems: RowProblem[] = [...parsed.problems, ...mappingProblems];
  const headers = parsed.header;
  const file = { delimiter: parsed.delimiter, mapping };
  const seen = new Map<string | number, number>();
  const writes: W[] = [];
  const writeRows: number[] = [];
  const sample: ImportCheck<F, W>["sample"] = [];

  // The row being read and the problem count before it: one report object serves every row.
  let row = 0;
  let before = 0;
  const report = {
    bad: (field: F, message: string) => void problems.push(fieldProblem(headers, mapping, row, field, message)),
    any: () => problems.length > before,
  };
  const width = headers.length;
  const fields = specs.map((spec) => spec.field);
  const columns = specs.map((spec) => mapping[spec.field]);
  const readable = mappingProblems.length === 0 && width > 0;

  for (const record of readable ? parsed.records : []) {
    row = record.row;
    const cells = record.cells;
    if (cells.length > width && hasValuesPast(cells, width)) {
      problems.push({
        row,
        column: null,
        message: `This row has ${cells.length} values but the header has ${width} columns. A value containing the separator "${
          parsed.delimiter === "\t" ? "tab" : parsed.delimiter
        }" (such as 1,234 or a note) must be in double quotes.`,
      });
      continue;
    }
    const raw = {} as Record<F, string>;
    for (let k = 0; k < fields.length; k++) {
      const index = columns[k];
      raw[fields[k]!] = index == null ? "" : (cells[index] ?? "");
    }
    before = problems.length;
    const checked = readRow(raw, report, file);
    if (!checked || problems.length > before) continue;
    const first = seen.get(checked.key);
    if (first != null) {
      problems.push({ row, column: null, message: checked.duplicateOf(first) });
      continue;
    }
    seen.set(checked.key, row);
    writes.push(checked.write);
    writeRows.push(row);
    if (sample.length < SAMPLE_ROWS) sample.push({ row, values: checked.sample });
  }
  return {
    delimiter: parsed.delimiter,
    headers,
    mapping,
    warnings,
    problems: sortProblems(problems),
    rowCount: parsed.records.length + parsed.problems.filter((p) => p.row != null).length,
    writes,
    writeRows,
    sample,
  };
}

function hasValuesPast(cells: readonly string[], width: number): boolean {
  for (let i = width; i < cells.length; i++) if (cells[i]!.trim() !== "") return true;
  return false;
}

/** A problem in a field of a row, labelled with the column's header as the file has it. */
export function fieldProblem<F extends string>(
  headers: readonly string[],
  mapping: ColumnMapping<F>,
  row: number,
  field: F,
  message: string,
): RowProblem {
  const index = mapping[field];
  return { row, column: index == null ? field : columnLabel(headers, index), message };
}

/** File problems first, then by row; stable within a row. */
export function sortProblems(problems: RowProblem[]): RowProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}

/** Names match case-insensitively; an exact match wins when two names differ only in case. */
export function nameIndex<T extends { name: string }>(items: Iterable<T>): (name: string) => T | undefined {
  const exact = new Map<string, T>();
  const folded = new Map<string, T[]>();
  for (const item of items) {
    exact.set(item.name.trim(), item);
    const key = item.name.trim().toLowerCase();
    folded.set(key, [...(folded.get(key) ?? []), item]);
  }
  return (name) => {
    const hit = exact.get(name);
    if (hit) return hit;
    const candidates = folded.get(name.toLowerCase());
    return candidates?.length === 1 ? candidates[0] : undefined;
  };
}
