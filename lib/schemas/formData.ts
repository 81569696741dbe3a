// Form fields arrive as strings (FormData): a blank field is a missing one, numbers are read from
// their text, dates are YYYY-MM-DD. The pieces every form's schema is built from.
import { z } from "zod";
import { inCalendarRange, OUT_OF_RANGE_MESSAGE } from "@/lib/domain/calendar/range";
import { isIsoDate } from "@/lib/domain/calendar/weeks";

const DATE_FORMAT = "Enter a date as YYYY-MM-DD.";

/**
 * A day as text: a real YYYY-MM-DD date (`format` otherwise) inside the calendar range
 * (lib/domain/calendar/range.ts). One message per value: a malformed date is not also out of range.
 */
export const dayString = (format: string, params?: Parameters<typeof z.string>[0]) =>
  z.string(params).refine(isIsoDate, { message: format, abort: true }).refine(inCalendarRange, OUT_OF_RANGE_MESSAGE);

/** "" and "   " → undefined, so a blank field counts as missing; anything else as it is. */
export const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Decimal notation only: Number() would also read "0x10" as 16, "0b11" as 3 and "Infinity". */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A number typed into a field: its trimmed text in decimal notation (else NaN); blank → undefined. */
export function numberFromText(v: unknown): unknown {
  const b = blankToUndefined(v);
  if (typeof b !== "string") return b;
  const text = b.trim();
  return DECIMAL.test(text) ? Number(text) : Number.NaN;
}

/** A required number: "Enter {label}." when it is blank or not a number. */
export const formNumber = (label: string) =>
  z.preprocess(numberFromText, z.number({ error: `Enter ${label}.` }).refine(Number.isFinite, `Enter ${label}.`));

/** A number that may be left blank (null or undefined then). */
export const optionalFormNumber = (label: string) => z.preprocess(blankToUndefined, formNumber(label).nullish());

/** A required date: "Enter {label}." (or `missing`) when it is blank. */
export const formDate = (label: string, missing = `Enter ${label}.`) =>
  z.preprocess(blankToUndefined, dayString(DATE_FORMAT, { error: missing }));

/** A date that may be left blank. */
export const optionalFormDate = () => z.preprocess(blankToUndefined, dayString(DATE_FORMAT).nullish());
