// How a CSV file is to be read: the choices a person makes on the import page (or an API client
// sends as form fields / query parameters; lib/schemas/csv.ts reads them), and the shape of a
// problem found in a file.
import { MAX_PROBLEMS, type Problem } from "@/lib/errors";

export const IMPORT_KINDS = ["lead-entries", "lag-observations"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * Dates other than YYYY-MM-DD are ambiguous (03/04/2026), so they are read only when the
 * person says which order the file uses. "ymd" accepts ISO dates only.
 */
export const DATE_ORDERS = ["ymd", "dmy", "mdy"] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** "dot": 1,234.5 (a comma may group thousands); "comma": 1.234,5 (a dot may group thousands). */
export const DECIMAL_MARKS = ["dot", "comma"] as const;
export type DecimalMark = (typeof DECIMAL_MARKS)[number];

export type ReadOptions = { dateOrder: DateOrder; decimalMark: DecimalMark };

/** Field → the column that holds it: a 0-based index, or a header name (API clients). */
export type RequestedMapping = Record<string, number | string | null>;

/**
 * One thing wrong with a file. `row` is the row as a spreadsheet shows it (the header is row 1,
 * empty lines count, a quoted value spanning several lines is one row); null = the whole file.
 * `column` is the header as written in the file.
 */
export type RowProblem = Problem<{ row: number | null; column: string | null }>;

/**
 * Cells per chunk of an import's write: two statements each (lib/services/leadCellBatch.ts) and a
 * progress report after each. The time goes to the rows themselves (their foreign keys, indexes
 * and the weekly roll-up), not to the statements: on 100,000 rows, chunks of 10,000, 50,000 or
 * all of them write equally fast on PostgreSQL and 10,000 is the fastest on PGlite, while it
 * still moves the progress bar ten times.
 */
export const IMPORT_WRITE_CHUNK = 10_000;

/** Problems listed in one answer (the preview's and the commit's refusal); the count of all of them is always given. */
export const MAX_LISTED_PROBLEMS = MAX_PROBLEMS;
