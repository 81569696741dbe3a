// One error type for everything the app refuses on purpose, and one mapper to HTTP.
// Anything that is not an AppError becomes a generic 500 that reveals no internals.
import { z } from "zod";

export type ErrorCode =
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "unsupported_media_type"
  | "rate_limited"
  | "unavailable"
  | "internal";

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unsupported_media_type: 415,
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

/** What the error page sees of an UnavailableError thrown while rendering. */
export const UNAVAILABLE_DIGEST = "LEADLAG_UNAVAILABLE";
/** The default `Retry-After` of a 503, in seconds. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The server cannot answer now but will soon: the database is saturated (no free connection in
 * time, too many connections), a statement ran past its timeout, or the database is away. The
 * API answers 503 with `Retry-After`; a page shows "busy, try again" (app/error.tsx), which
 * recognises it by its digest (Next passes an error's own digest through to the error page).
 */
export class UnavailableError extends AppError {
  readonly digest = UNAVAILABLE_DIGEST;
  constructor(
    message = "The server is busy right now. Please try again in a few seconds.",
    public readonly retryAfterSeconds = RETRY_AFTER_SECONDS,
    options?: { cause?: unknown },
  ) {
    super("unavailable", message);
    this.name = "UnavailableError";
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

// SQLSTATEs that mean "not now" rather than "wrong": query_canceled (statement_timeout),
// too_many_connections, cannot_connect_now (starting up), admin/crash shutdown, and the
// connection_exception class 08xxx.
const UNAVAILABLE_SQLSTATE = /^(57014|53300|53400|57P01|57P02|57P03|08...)$/;
// What @prisma/adapter-pg calls the same conditions.
const UNAVAILABLE_KINDS = new Set(["TooManyConnections", "DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
// Prisma's own codes: can't reach the server (P1001), timed out (P1008), pool timeout (P2024),
// too many connections (P2037). P2028 only when a transaction could not start in time.
const UNAVAILABLE_PRISMA = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
// Node's socket errors, as pg passes them on.
const UNAVAILABLE_SOCKET = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH"]);

type Loose = { code?: unknown; message?: unknown; kind?: unknown; originalCode?: unknown; cause?: unknown; meta?: unknown };

function isUnavailableCause(e: Loose): boolean {
  const codes = [e.code, e.originalCode].filter((c): c is string => typeof c === "string");
  if (codes.some((c) => UNAVAILABLE_SQLSTATE.test(c) || UNAVAILABLE_PRISMA.has(c) || UNAVAILABLE_SOCKET.has(c))) return true;
  if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
  const message = typeof e.message === "string" ? e.message : "";
  // pg's pool: no free connection within connectionTimeoutMillis (a plain Error, no code).
  if (/timeout exceeded when trying to connect|Connection terminated (due to connection timeout|unexpectedly)/i.test(message)) return true;
  return e.code === "P2028" && /Unable to start a transaction in the given time/i.test(message);
}

/**
 * The error as an UnavailableError when it means "the database cannot serve this now" (see
 * above), else null. Looks through `cause` chains and Prisma's `meta.driverAdapterError`.
 */
export function asUnavailable(err: unknown): UnavailableError | null {
  if (err instanceof UnavailableError) return err;
  const seen = new Set<unknown>();
  let e: unknown = err;
  while (e && typeof e === "object" && !seen.has(e)) {
    seen.add(e);
    const loose = e as Loose;
    if (isUnavailableCause(loose)) return new UnavailableError(undefined, undefined, { cause: err });
    const adapterError = (loose.meta as { driverAdapterError?: { cause?: unknown } } | undefined)?.driverAdapterError;
    e = adapterError?.cause ?? loose.cause;
  }
  return null;
}

/**
 * Too many attempts of something: sign-ins, reset requests, invitations (lib/auth/rateLimits.ts).
 * The API answers 429 with `Retry-After`; a form shows the message, which says when to try again.
 */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    public readonly retryAfterSeconds: number,
  ) {
    super("rate_limited", message);
    this.name = "RateLimitedError";
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

/**
 * At most this many problems are listed in one answer (a batch, an import, its preview);
 * `problemCount` says how many there were. A file with 50,000 bad rows must not answer with
 * megabytes of messages: the first ones show what to fix.
 */
export const MAX_PROBLEMS = 100;

/** "1 problem found", "2,228 problems found; the first 100 are listed", then `outcome`. */
export function problemsMessage(count: number, outcome: string): string {
  const n = count.toLocaleString("en-US");
  const listed = count > MAX_PROBLEMS ? `; the first ${MAX_PROBLEMS} are listed` : "";
  return `${n} problem${count === 1 ? "" : "s"} found${listed}; ${outcome}.`;
}

/** The refusal of an all-or-nothing write: the first MAX_PROBLEMS problems and their count, nothing written. */
export function problemsError(problems: readonly Problem<object>[], opts: { nothingWas?: "saved" | "imported" } = {}): AppError {
  const n = problems.length;
  return new AppError("validation_failed", problemsMessage(n, `nothing was ${opts.nothingWas ?? "saved"}`), {
    problems: problems.slice(0, MAX_PROBLEMS),
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

export function toErrorBody(err: unknown): { status: number; body: ErrorBody; headers?: Record<string, string> } {
  const unavailable = err instanceof AppError ? null : asUnavailable(err);
  if (unavailable) {
    // Logged briefly: under load there may be many, and the cause is in the message.
    console.error(`unavailable: ${err instanceof Error ? err.message.trim().split("\n").pop() : String(err)}`);
    err = unavailable;
  }
  if (err instanceof AppError) {
    return {
      status: err.status,
      body: { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } },
      ...(err instanceof UnavailableError || err instanceof RateLimitedError ? { headers: { "Retry-After": String(err.retryAfterSeconds) } } : {}),
    };
  }
  console.error(err);
  return { status: 500, body: { error: { code: "internal", message: "Something went wrong on our side." } } };
}
