// Checks a form in the browser with the server's own zod schema before sending it, loading the
// schema (and zod, ~30 kB gzipped) on the first submit rather than with the page: the page's
// first load stays within its budget (issue #12), and the messages are the server's, as before.
import type { ZodType } from "zod";
import type { FieldErrors } from "@/lib/errors";

export type Checked<T> = { ok: true; data: T; errors: FieldErrors } | { ok: false; errors: FieldErrors };

/**
 * Parses `input` with the schema `load` resolves to, e.g.
 * `checkLazily(() => import("@/lib/schemas/leadEntry").then((m) => m.createLeadEntrySchema), input)`.
 */
export async function checkLazily<T>(load: () => Promise<ZodType<T>>, input: unknown): Promise<Checked<T>> {
  const [schema, { fieldErrorsOf }] = await Promise.all([load(), import("@/lib/errors")]);
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, data: parsed.data, errors: {} } : { ok: false, errors: fieldErrorsOf(parsed.error) };
}
