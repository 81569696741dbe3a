// One error type for everything the app refuses on purpose, and one mapper to HTTP.
// Anything that is not an AppError becomes a generic 500 that reveals no internals.
import { z } from "zod";

export type ErrorCode =
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "unavailable"
  | "internal";

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** Field name → messages, as shown next to form fields and returned by the API. */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: { fieldErrors?: FieldErrors } & Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (what = "Not found") => new AppError("not_found", what);
export const forbidden = (why = "You do not have permission to do that.") => new AppError("forbidden", why);

export function validationError(fieldErrors: FieldErrors, message = "Some fields need attention."): AppError {
  return new AppError("validation_failed", message, { fieldErrors });
}

/**
 * One thing wrong with one part of an input, in words. A batch's problems are placed by the
 * item's index and field (the default); a CSV file's by the row and column a spreadsheet shows
 * (`RowProblem` in lib/csv/options.ts). A list of them travels in details.problems, with
 * details.problemCount, so every all-or-nothing write refuses in the same shape.
 */
export type Problem<Where extends object = { index: number; field: string }> = Where & { message: string };

/** At most this many problems of a batch are listed; `problemCount` says how many there were. */
export const MAX_PROBLEMS = 1_000;

/** The refusal of an all-or-nothing write: every problem (the first `listed`), nothing written. */
export function problemsError(
  problems: readonly Problem<object>[],
  opts: { listed?: number; nothingWas?: "saved" | "imported" } = {},
): AppError {
  const n = problems.length;
  return new AppError("validation_failed", `${n} problem${n === 1 ? "" : "s"} found; nothing was ${opts.nothingWas ?? "saved"}.`, {
    problems: problems.slice(0, opts.listed ?? MAX_PROBLEMS),
    problemCount: n,
  });
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Parses input with a zod schema or throws a validation AppError with field messages. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(fieldErrorsOf(result.error));
  return result.data;
}

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

export function toErrorBody(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    return {
      status: err.status,
      body: { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } },
    };
  }
  console.error(err);
  return { status: 500, body: { error: { code: "internal", message: "Something went wrong on our side." } } };
}
