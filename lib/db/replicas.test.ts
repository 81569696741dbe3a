// Which database a request reads from when replicas are configured: the primary for writes and
// for a few seconds after them (read-your-writes), a replica otherwise, in turn.
import { describe, expect, it } from "vitest";
import type { Db } from "./client";
import { PRIMARY_COOKIE, primaryCookie, READ_YOUR_WRITES_MS, readDb, readsFromPrimary } from "./replicas";

const now = new Date("2026-11-18T10:00:00Z");

describe("read-your-writes", () => {
  it("a page view reads from a replica", () => {
    expect(readsFromPrimary({ method: "GET" }, now)).toBe(false);
    expect(readsFromPrimary({ method: "head" }, now)).toBe(false);
  });

  it("a form post, server action or API write reads from the primary", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) expect(readsFromPrimary({ method }, now)).toBe(true);
    expect(readsFromPrimary({ method: "GET", wrote: true }, now)).toBe(true);
  });

  it("after a write the same browser reads from the primary until the cookie's time, then from a replica again", () => {
    const cookie = primaryCookie(now);
    expect(cookie).toMatchObject({ name: PRIMARY_COOKIE, httpOnly: true, path: "/", maxAge: READ_YOUR_WRITES_MS / 1000 });
    const soon = new Date(now.getTime() + READ_YOUR_WRITES_MS - 1);
    const later = new Date(now.getTime() + READ_YOUR_WRITES_MS);
    expect(readsFromPrimary({ method: "GET", primaryUntil: cookie.value }, soon)).toBe(true);
    expect(readsFromPrimary({ method: "GET", primaryUntil: cookie.value }, later)).toBe(false);
  });

  it("a garbled cookie changes nothing", () => {
    expect(readsFromPrimary({ method: "GET", primaryUntil: "soon" }, now)).toBe(false);
  });
});

describe("readDb", () => {
  const primary = { name: "primary" } as unknown as Db;
  const a = { name: "a" } as unknown as Db;
  const b = { name: "b" } as unknown as Db;

  it("uses the primary when there is no replica or when the request must", () => {
    expect(readDb({ primary, replicas: [] }, false)).toBe(primary);
    expect(readDb({ primary, replicas: [a, b] }, true)).toBe(primary);
  });

  it("takes the replicas in turn", () => {
    const picked = [1, 2, 3, 4].map(() => readDb({ primary, replicas: [a, b] }, false));
    expect(new Set(picked)).toEqual(new Set([a, b]));
    expect(picked[0]).not.toBe(picked[1]);
  });
});

describe("DATABASE_REPLICA_URLS", () => {
  it("is a comma-separated list of PostgreSQL URLs, empty when unset", async () => {
    const { parseEnv } = await import("@/lib/env");
    expect(parseEnv({}).DATABASE_REPLICA_URLS).toEqual([]);
    expect(parseEnv({ DATABASE_REPLICA_URLS: " postgres://r1:5432/leadlag, postgres://r2:5432/leadlag " }).DATABASE_REPLICA_URLS).toEqual([
      "postgres://r1:5432/leadlag",
      "postgres://r2:5432/leadlag",
    ]);
    expect(() => parseEnv({ DATABASE_REPLICA_URLS: "postgres://r1:5432/leadlag,mysql://r2/x" })).toThrow(/DATABASE_REPLICA_URLS\.1 must be a PostgreSQL connection URL/);
  });
});
