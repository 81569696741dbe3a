// Turning zod failures of API requests into the one error shape. Single objects get field
// messages (details.fieldErrors); batches get one problem per bad item, by its index
// (details.problems), the same shape the services use for rows that break a business rule.
import type { z } from "zod";
import { AppError, problemsError, type FieldErrors, type Problem } from "@/lib/errors";
import { isUuid } from "@/lib/schemas/ids";

export type ParsedBatch<T> = {
  /** Each item parsed, or undefined where it has problems. */
  items: (T | undefined)[];
  problems: Problem[];
};

/**
 * Parses a batch body `{ [key]: [...] }` with the batch schema. Anything wrong outside the items
 * (no array, too many items, unknown top-level keys) is thrown as field errors; item problems
 * are returned by index, with every other item parsed, so the caller can check those against
 * the data too and report every problem of the batch in one answer.
 */
export function parseBatch<T>(batchSchema: z.ZodType, itemSchema: z.ZodType<T>, body: unknown, key: string): ParsedBatch<T> {
  const result = batchSchema.safeParse(body);
  if (result.success) return { items: (result.data as Record<string, T[]>)[key]!, problems: [] };
  const problems: Problem[] = [];
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const [head, index, ...rest] = issue.path;
    if (head === key && typeof index === "number") {
      const field = rest.length ? rest.join(".") : issue.code === "unrecognized_keys" ? issue.keys.join(", ") : "_item";
      problems.push({ index, field, message: issue.message });
    } else {
      const field = issue.path.length ? issue.path.join(".") : "_form";
      (fieldErrors[field] ??= []).push(issue.message);
    }
  }
  if (Object.keys(fieldErrors).length > 0) {
    throw new AppError("validation_failed", "The request body is not a valid batch.", { fieldErrors });
  }
  const bad = new Set(problems.map((p) => p.index));
  const raw = (body as Record<string, unknown[]>)[key]!;
  return { items: raw.map((item, i) => (bad.has(i) ? undefined : itemSchema.parse(item))), problems };
}

/** Problems sorted by index (then in the order found), thrown if there are any. */
export function throwIfProblems(problems: Problem[]): void {
  if (problems.length === 0) return;
  throw problemsError(problems.map((p, n) => ({ p, n })).sort((x, y) => x.p.index - y.p.index || x.n - y.n).map(({ p }) => p));
}

/** Query-string parameters as a plain object (the last value of a repeated name wins). */
export function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

/** A path id that is not a UUID names nothing: a 404, as for any id we do not have. */
export function idParam(value: string, what: string): string {
  if (!isUuid(value)) throw new AppError("not_found", `${what} not found.`);
  return value;
}
