// Reading a CSV file into rows, tolerant of what spreadsheets and other tools write: UTF-8 with
// or without a byte-order mark, comma / semicolon / tab separators, quoted values with commas,
// doubled quotes and line breaks inside, CRLF or LF line ends, and empty lines. What cannot be
// read is reported with the row it is on, never guessed.
import Papa from "papaparse";
import type { RowProblem } from "./options";

export type CsvRecord = { row: number; cells: string[] };

export type ParsedCsv = {
  delimiter: string;
  header: string[];
  /** Row number of the header (1 unless the file starts with empty lines). */
  headerRow: number;
  /** The non-empty rows after the header. */
  records: CsvRecord[];
  problems: RowProblem[];
};

const BOM = "\uFEFF";

/** Thrown for a file that cannot be read as text at all; the message is for the person. */
export class CsvFileError extends Error {}

/** Bytes → text. UTF-8 only: other encodings would silently turn names into mojibake. */
export function decodeCsv(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new CsvFileError('The file is UTF-16 ("Unicode text"). Save it as "CSV UTF-8" and try again.');
  }
  try {
    // fatal: invalid UTF-8 is an error, not replacement characters. The BOM is dropped.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CsvFileError('The file is not UTF-8 text. Save it as "CSV UTF-8" (or export it as UTF-8) and try again.');
  }
}

const CANDIDATES = [",", ";", "\t", "|"] as const;

/**
 * The separator is the candidate that occurs most often in the header line (outside quotes);
 * a comma on a tie. Header names rarely contain separators, so this is more predictable than
 * guessing from data rows where "1,5;2" could go either way.
 */
export function detectDelimiter(text: string): string {
  let line = "";
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    if (!inQuotes && (ch === "\n" || ch === "\r")) {
      if (line.trim() !== "") break;
      line = "";
      continue;
    }
    if (!inQuotes) line += ch;
  }
  let best: string = ",";
  let bestCount = 0;
  for (const c of CANDIDATES) {
    const n = line.split(c).length - 1;
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === "");

function quoteProblem(code: string): string {
  if (code === "MissingQuotes") {
    return "A quoted value is never closed, so the rest of the file cannot be read. Look for a stray double quote.";
  }
  return 'A double quote inside a quoted value must be doubled (""), and a quoted value must end right before the separator. Until this is fixed, the rows after it may be read as part of this value.';
}

export function parseCsv(text: string): ParsedCsv {
  const source = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const delimiter = detectDelimiter(source);
  const result = Papa.parse<string[]>(source, { delimiter, skipEmptyLines: false });
  const data = result.data;
  const problems: RowProblem[] = [];

  // One problem per row (papaparse may report a bad quote twice); "never closed" says most.
  const badRows = new Map<number, string>();
  for (const e of result.errors) {
    if (e.type !== "Quotes" || e.row == null) continue;
    if (!badRows.has(e.row) || e.code === "MissingQuotes") badRows.set(e.row, quoteProblem(e.code));
  }

  let headerIndex = data.findIndex((cells) => !isBlank(cells));
  if (headerIndex === -1) {
    return { delimiter, header: [], headerRow: 1, records: [], problems: [{ row: null, column: null, message: "The file is empty." }] };
  }
  const header = data[headerIndex]!.map((h) => h.trim());
  if (badRows.has(headerIndex)) {
    problems.push({ row: headerIndex + 1, column: null, message: badRows.get(headerIndex)! });
    headerIndex = data.length; // nothing after a broken header is trustworthy
  }

  const records: CsvRecord[] = [];
  for (let i = headerIndex + 1; i < data.length; i++) {
    const bad = badRows.get(i);
    if (bad) {
      problems.push({ row: i + 1, column: null, message: bad });
      continue;
    }
    const cells = data[i]!;
    if (isBlank(cells)) continue;
    records.push({ row: i + 1, cells });
  }
  return { delimiter, header, headerRow: headerIndex + 1, records, problems };
}
