// Which failures mean "busy, try again" (503 + Retry-After) rather than "broken" (500), as
// Prisma 7 and pg really throw them (shapes recorded from @prisma/adapter-pg 7.10 and pg 8.23).
import { describe, expect, it, vi } from "vitest";
import { AppError, asUnavailable, MAX_PROBLEMS, problemsError, toErrorBody, UnavailableError, UNAVAILABLE_DIGEST } from "./errors";

/** A Prisma error carrying the driver adapter's cause, as `$queryRaw` and model queries throw it. */
const prismaError = (code: string, message: string, cause?: Record<string, unknown>) =>
  Object.assign(new Error(message), { name: "PrismaClientKnownRequestError", code, meta: cause ? { driverAdapterError: { name: "DriverAdapterError", cause } } : {} });

describe("asUnavailable", () => {
  it.each([
    ["no free connection in the pool in time", new Error("timeout exceeded when trying to connect")],
    ["a statement past statement_timeout", prismaError("P2010", "Raw query failed. Code: `57014`.", { kind: "postgres", code: "57014", originalCode: "57014" })],
    ["too many connections", prismaError("P2037", "Too many database connections opened", { kind: "TooManyConnections", cause: "sorry, too many clients already" })],
    ["the server unreachable", prismaError("P2010", "Can't reach database server at 127.0.0.1:1", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 1 })],
    ["a transaction that could not start in time", prismaError("P2028", "Transaction API error: Unable to start a transaction in the given time.")],
    ["a connection refused, wrapped", new Error("outer", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) })],
    ["the server starting up", Object.assign(new Error("the database system is starting up"), { code: "57P03" })],
  ])("recognises %s", (_, err) => {
    const u = asUnavailable(err);
    expect(u).toBeInstanceOf(UnavailableError);
    expect(u?.cause).toBe(err);
  });

  it.each([
    ["a unique violation", prismaError("P2002", "Unique constraint failed", { kind: "UniqueConstraintViolation" })],
    ["a transaction that timed out while running", prismaError("P2028", "Transaction already closed: the timeout for this transaction was 5000 ms")],
    ["a plain bug", new TypeError("x is undefined")],
    ["a refusal of ours", new AppError("not_found", "No such team.")],
    ["nothing", undefined],
  ])("leaves %s alone", (_, err) => {
    expect(asUnavailable(err)).toBeNull();
  });
});

describe("toErrorBody", () => {
  it("answers an overloaded database with 503, Retry-After and the one error shape, without internals", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { status, body, headers } = toErrorBody(prismaError("P2010", "Raw query failed. Code: `57014`. host=db.internal", { code: "57014" }));
    expect(status).toBe(503);
    expect(headers).toEqual({ "Retry-After": "5" });
    expect(body).toEqual({ error: { code: "unavailable", message: expect.stringMatching(/busy/) } });
    expect(JSON.stringify(body)).not.toContain("db.internal");
    vi.restoreAllMocks();
  });

  it("keeps the error page's digest on an UnavailableError", () => {
    expect(new UnavailableError().digest).toBe(UNAVAILABLE_DIGEST);
  });
});

describe("problemsError", () => {
  const problems = (n: number) => Array.from({ length: n }, (_, index) => ({ index, field: "value", message: "Enter a number." }));

  it("lists the first 100 problems and counts them all, saying so", () => {
    const err = problemsError(problems(2_228), { nothingWas: "imported" });
    expect(MAX_PROBLEMS).toBe(100);
    expect(err.status).toBe(400);
    expect(err.message).toBe("2,228 problems found; the first 100 are listed; nothing was imported.");
    expect(err.details?.problemCount).toBe(2_228);
    expect((err.details?.problems as unknown[]).length).toBe(100);
    expect((err.details?.problems as { index: number }[])[99]!.index).toBe(99);
  });

  it("lists every problem when there are at most 100", () => {
    expect(problemsError(problems(1)).message).toBe("1 problem found; nothing was saved.");
    const err = problemsError(problems(100));
    expect(err.message).toBe("100 problems found; nothing was saved.");
    expect((err.details?.problems as unknown[]).length).toBe(100);
  });
});
