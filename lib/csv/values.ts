// Reading one CSV value: dates, numbers and text, each with the reason a person needs when the
// value cannot be read. Pure; the rules are documented on the import page and in the README.
import { inCalendarRange, OUT_OF_RANGE_MESSAGE } from "@/lib/domain/calendar/range";
import { isIsoDate, type IsoDate } from "@/lib/domain/calendar/weeks";
import { textProblem } from "@/lib/schemas/text";
import type { DateOrder, DecimalMark } from "./options";

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (message: string): Read<never> => ({ ok: false, message });

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const NUMERIC_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/;

const pad = (n: string) => n.padStart(2, "0");

/** A real day inside the calendar range (lib/domain/calendar/range.ts). */
function calendarDay(day: IsoDate, raw: string): Read<IsoDate> {
  if (!isIsoDate(day)) return fail(`${raw} is not a date in the calendar.`);
  return inCalendarRange(day) ? ok(day) : fail(OUT_OF_RANGE_MESSAGE);
}

/** YYYY-MM-DD always; D/M/YYYY or M/D/YYYY (with / . or -) only when the order was chosen. */
export function readDate(raw: string, order: DateOrder): Read<IsoDate> {
  const s = raw.trim();
  if (s === "") return fail("Enter a date.");
  const iso = ISO.exec(s);
  if (iso) {
    return calendarDay(`${iso[1]}-${pad(iso[2]!)}-${pad(iso[3]!)}`, s);
  }
  if (/^\d{4}-\d{2}-\d{2}[T ]/.test(s)) return fail("Write the date without a time: YYYY-MM-DD.");
  const m = NUMERIC_DATE.exec(s);
  if (!m) return fail(`Write dates as YYYY-MM-DD (e.g. 2026-11-16); "${s}" is not a date.`);
  if (order === "ymd") {
    return fail("Write dates as YYYY-MM-DD, or choose whether this file's dates are day/month/year or month/day/year.");
  }
  if (m[4]!.length === 2) return fail("Write the year with four digits.");
  const [first, second] = [Number(m[1]), Number(m[3])];
  const [d, mo] = order === "dmy" ? [first, second] : [second, first];
  if (mo > 12) {
    const other = order === "dmy" ? "month/day/year" : "day/month/year";
    return fail(`There is no month ${mo}. Are this file's dates ${other}?`);
  }
  return calendarDay(`${m[4]}-${pad(String(mo))}-${pad(String(d))}`, s);
}

// Spaces (also the no-break and narrow no-break spaces French and Swiss tools write) may group
// thousands in either format.
const SPACES = /[\u00a0\u202f]/g;
const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_DOT = /^[+-]?\d{1,3}((,\d{3})+|( \d{3})+)(\.\d+)?$/;
const GROUPED_COMMA = /^[+-]?\d{1,3}((\.\d{3})+|( \d{3})+)(,\d+)?$/;
const PLAIN_COMMA = /^[+-]?\d+,\d+$/;

/**
 * A number in the chosen format. With "dot", 1234.5 and 1,234.5 are read, and a comma that does
 * not group exactly three digits (1,5) is refused rather than guessed. With "comma" it is the
 * other way round (1234,5 and 1.234,5). So "1,234" is 1234 in one format and 1.234 in the other:
 * unambiguous once the format is chosen, and the preview shows the number it read.
 */
export function readNumber(raw: string, mark: DecimalMark): Read<number> {
  const s = raw.trim().replace(SPACES, " ");
  if (s === "") return fail("Enter a value.");
  let normalized: string | null = null;
  if (mark === "dot") {
    if (PLAIN.test(s)) normalized = s;
    else if (GROUPED_DOT.test(s)) normalized = s.replace(/[, ]/g, "");
  } else {
    if (PLAIN_COMMA.test(s) || GROUPED_COMMA.test(s)) normalized = s.replace(/[. ]/g, "").replace(",", ".");
    else if (/^[+-]?\d+$/.test(s)) normalized = s;
    else if (PLAIN.test(s)) {
      return fail(`"${s}" has a decimal dot, but the number format chosen is 1.234,5. Choose 1,234.5 or use a decimal comma.`);
    }
  }
  if (normalized == null) {
    if (mark === "dot" && (PLAIN_COMMA.test(s) || GROUPED_COMMA.test(s))) {
      return fail(`"${s}" looks like a decimal comma. Use a dot for decimals (1.5), or choose the number format 1.234,5.`);
    }
    return fail(`"${s}" is not a number. Write numbers like 12 or 12.5, without units or currency signs.`);
  }
  const value = Number(normalized);
  return Number.isFinite(value) ? ok(value) : fail(`"${s}" is not a number.`);
}

/**
 * Spreadsheets run a cell that starts with = + - @ as a formula, so exports put an apostrophe in
 * front of such text (see format.ts); reading takes it off again, so the text round-trips.
 */
export function readText(raw: string): string {
  const s = raw.trim();
  return /^'+[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

/** Free text to store (a note): as readText, refused when it holds a character no text may hold (lib/schemas/text.ts). */
export function readFreeText(raw: string): Read<string> {
  const s = readText(raw);
  const problem = textProblem(s);
  return problem ? fail(problem) : ok(s);
}
