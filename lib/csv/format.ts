// Writing CSV the way the importer reads it: UTF-8 with a byte-order mark (so Excel shows "José"
// rather than "JosÃ©"), comma-separated, CRLF line ends (RFC 4180), values quoted only when
// they must be, numbers with a decimal dot and no grouping, dates as YYYY-MM-DD.

export const CSV_BOM = "\uFEFF";
export const CSV_EOL = "\r\n";

/**
 * Text a spreadsheet would run as a formula gets an apostrophe in front; readText removes one.
 * Text that already starts with apostrophes before such a character gets one more, so it
 * round-trips too.
 */
export function guardFormula(text: string): string {
  return /^'*[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** JavaScript's shortest round-trip form: the importer reads back exactly the same number. */
export function csvNumber(value: number): string {
  return String(value);
}

export type CsvCell = { text: string } | { number: number } | { raw: string };

export function csvLine(cells: readonly CsvCell[]): string {
  return (
    cells
      .map((c) => ("text" in c ? csvField(guardFormula(c.text)) : "number" in c ? csvNumber(c.number) : csvField(c.raw)))
      .join(",") + CSV_EOL
  );
}

export function csvHeader(names: readonly string[]): string {
  return names.map(csvField).join(",") + CSV_EOL;
}
