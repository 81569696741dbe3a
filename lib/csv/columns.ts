// Which column of a file holds which field. Headers are recognised case-insensitively, ignoring
// spaces and punctuation, with common aliases ("E-mail", "Person" → email); the person (or API
// client) can override the mapping when a file's headers are unknown.
import type { RequestedMapping, RowProblem } from "./options";

export type ColumnSpec<F extends string = string> = {
  field: F;
  /** The header export writes and the documentation shows. */
  header: string;
  required: boolean;
  /** Other headers that mean the same, in any case, with or without spaces and punctuation. */
  aliases: readonly string[];
  description: string;
};

/** Field → 0-based column index, or null when no column holds it. */
export type ColumnMapping<F extends string = string> = Record<F, number | null>;

export function normalizeHeader(h: string): string {
  return h.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/** The first column whose header is the field's name or one of its aliases. */
export function detectMapping<F extends string>(headers: readonly string[], specs: readonly ColumnSpec<F>[]): ColumnMapping<F> {
  const normalized = headers.map(normalizeHeader);
  const mapping = {} as ColumnMapping<F>;
  for (const spec of specs) {
    const names = new Set([spec.header, ...spec.aliases].map(normalizeHeader));
    const index = normalized.findIndex((h) => names.has(h));
    mapping[spec.field] = index === -1 ? null : index;
  }
  return mapping;
}

export type ResolvedMapping<F extends string> = { mapping: ColumnMapping<F>; problems: RowProblem[]; warnings: string[] };

/** Column label for messages: the header, or its position when the header is blank. */
export function columnLabel(headers: readonly string[], index: number): string {
  return headers[index]?.trim() || `column ${index + 1}`;
}

/**
 * The detected mapping with the requested overrides applied (an index, a header name, or null
 * for "no column"), and what is wrong with the result: a required field without a column, a
 * column given to two fields. Columns no field uses are reported as warnings, not errors.
 */
export function resolveMapping<F extends string>(
  headers: readonly string[],
  specs: readonly ColumnSpec<F>[],
  requested?: RequestedMapping,
): ResolvedMapping<F> {
  const mapping = detectMapping(headers, specs);
  const problems: RowProblem[] = [];
  const fields = new Set<string>(specs.map((s) => s.field));
  for (const [field, want] of Object.entries(requested ?? {})) {
    if (!fields.has(field)) {
      problems.push({ row: null, column: null, message: `"${field}" is not a column of this import; the columns are ${[...fields].join(", ")}.` });
      continue;
    }
    let index: number | null;
    if (want === null) index = null;
    else if (typeof want === "number") index = want;
    else {
      index = headers.indexOf(want);
      if (index === -1) index = headers.map(normalizeHeader).indexOf(normalizeHeader(want));
    }
    if (index != null && (index < 0 || index >= headers.length)) {
      problems.push({ row: null, column: null, message: `The file has no column ${typeof want === "number" ? want + 1 : `"${want}"`} for ${field}.` });
      index = null;
    }
    mapping[field as F] = index;
  }

  const usedBy = new Map<number, string>();
  for (const spec of specs) {
    const index = mapping[spec.field];
    if (index == null) {
      if (spec.required) {
        problems.push({
          row: null,
          column: null,
          message: `No column holds ${spec.field} (${spec.description.toLowerCase().replace(/\.$/, "")}). Name a column "${spec.header}" or choose one.`,
        });
      }
      continue;
    }
    const other = usedBy.get(index);
    if (other) {
      problems.push({ row: null, column: columnLabel(headers, index), message: `This column is chosen for both ${other} and ${spec.field}.` });
    }
    usedBy.set(index, spec.field);
  }
  const warnings = headers.flatMap((_, i) => (usedBy.has(i) ? [] : [`The column "${columnLabel(headers, i)}" is not imported.`]));
  return { mapping, problems, warnings };
}
