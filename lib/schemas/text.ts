// Text as every input takes it: the one check for characters no field may hold, used by every
// schema with free text (API bodies, forms, server actions) and by the CSV readers.
//
// Refused: NUL and the other C0 control characters but tab, line feed and carriage return, and
// DEL — PostgreSQL cannot store NUL in text (SQLSTATE 22021), and the others are invisible, so
// no person means them; and UTF-16 surrogates without their pair, which are not characters at
// all (JSON.stringify escapes them and PostgreSQL's jsonb refuses the escape, so an audit row
// holding one fails).
import { z } from "zod";

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const CONTROL_CHARACTER_MESSAGE = "Remove the control characters (such as NUL) from this text.";
export const LONE_SURROGATE_MESSAGE = "This text holds a broken character (half of a surrogate pair): type or paste it again.";

/** Why this text cannot be stored, or null when it can. */
export function textProblem(value: string): string | null {
  if (CONTROL.test(value)) return CONTROL_CHARACTER_MESSAGE;
  if (LONE_SURROGATE.test(value)) return LONE_SURROGATE_MESSAGE;
  return null;
}

/**
 * A string that holds only storable characters; chain `.trim()`, `.min()`, `.max()` as on
 * z.string(). `params` as z.string()'s (e.g. `{ error: "Give the note as text." }`).
 */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).check((ctx) => {
    const problem = textProblem(ctx.value);
    if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
  });
}
