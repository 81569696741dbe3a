// An overloaded database, as an API caller meets it: when every connection of the pool is busy,
// a statement runs away, or the database is gone, the API answers 503 with Retry-After in the one
// error shape — quickly, never a 500 — and answers normally again as soon as it can (no stuck
// server). On PostgreSQL with a deliberately small pool (2 connections, 300 ms to get one,
// statements cancelled after 2 s); PGlite has a single connection that queues, and answers a
// burst in full.
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it, vi } from "vitest";
import * as teams from "@/app/api/v1/teams/route";
import { openDb, type OpenedDb } from "@/lib/db/client";
import { allowLongStatements, withConnectionBudget } from "@/lib/db/budget";
import { asUnavailable } from "@/lib/errors";
import { apiRoute } from "@/lib/http/apiRoute";
import { createTestDb, testDbKinds, type TestDb, type TestDbKind } from "../helpers/db";
import { apiOrg, call, isErrorShape, serveFrom, type ApiOrg } from "./apiFixtures";

/** A token of the right shape, so the route asks the database about it. */
const WELL_FORMED_TOKEN = `llk_${"0".repeat(32)}_${"a".repeat(43)}`;
const SMALL_POOL = { max: 2, connectionTimeoutMs: 300, statementTimeoutMs: 2_000 };

/** A route that runs one slow statement: `?s=` seconds of pg_sleep. */
const slowRoute = apiRoute(null, async ({ db, request }) => {
  const seconds = Number(new URL(request.url).searchParams.get("s"));
  await db.$queryRaw`SELECT 1 AS one FROM pg_sleep(${seconds})`;
  return Response.json({ data: "done" });
});

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

async function callRaw(handler: typeof slowRoute, path: string, token: string) {
  const res = await handler(new Request(`http://leadlag.test${path}`, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({}),
  });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: await res.json() };
}

beforeEach(() => {
  // The API logs each refusal in one line; keep the test output clean.
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

/**
 * A test database of `kind` with an API organization, served to the routes through the app's own
 * client — on PostgreSQL with the small pool, as the server would open it.
 */
function servedDb(kind: TestDbKind) {
  const s = {} as { t: TestDb; served: OpenedDb; org: ApiOrg };
  beforeAll(async () => {
    s.t = await createTestDb(kind);
    s.org = await apiOrg(s.t.db);
    s.served =
      kind === "postgres"
        ? await openDb({ kind: "postgres", url: s.t.url! }, SMALL_POOL)
        : { db: s.t.db, target: { kind: "embedded", dataDir: null }, close: async () => {} };
    serveFrom(s.served.db);
  });
  afterAll(async () => {
    if (kind === "postgres") await s.served?.close();
    await s.t?.close();
  });
  return s;
}

describe.each(testDbKinds())("under load on %s", (kind) => {
  const s = servedDb(kind);

  it("answers a burst of 30 requests at once in full, with no 500", async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => call(teams.GET, { path: "/api/v1/teams", token: s.org.token })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    if (kind === "embedded") expect(statuses.every((s) => s === 200)).toBe(true);
    // Whatever was refused was refused properly, and the server answers afterwards.
    for (const a of answers.filter((x) => x.status === 503)) expect(a.body.error.code).toBe("unavailable");
    expect((await call(teams.GET, { path: "/api/v1/teams", token: s.org.token })).status).toBe(200);
  });
});

// A pool that can run dry exists on the PostgreSQL server only (PGlite has one connection that
// queues): these run wherever the suite has a server, as in CI.
for (const kind of testDbKinds().filter((k) => k === "postgres")) {
  describe("with a small pool on the PostgreSQL server", () => {
    const s = servedDb(kind);

    it("answers 503 with Retry-After at once when every connection is busy, and 200 when one is free again", async () => {
      // Two long statements take both connections of the pool.
      // (An async function starts them: a Prisma query runs only once something awaits it.)
      const holders = [1, 2].map(async () => s.served.db.$queryRaw`SELECT 1 AS one FROM pg_sleep(1.5)`);
      await new Promise((r) => setTimeout(r, 150));

      const busy = await timed(() => call(teams.GET, { path: "/api/v1/teams", token: s.org.token }));
      expect(busy.value.status).toBe(503);
      expect(isErrorShape(busy.value.body)).toBe(true);
      expect(busy.value.body.error.code).toBe("unavailable");
      // Refused after the 300 ms wait for a connection, not after the statements end (1.5 s).
      expect(busy.ms).toBeLessThan(1_200);

      await Promise.all(holders);
      const after = await call(teams.GET, { path: "/api/v1/teams", token: s.org.token });
      expect(after.status).toBe(200);
      expect(after.body.data).toHaveLength(1);
    });

    it("says when to come back: Retry-After on the 503", async () => {
      const holders = [1, 2].map(async () => s.served.db.$queryRaw`SELECT 1 AS one FROM pg_sleep(0.6)`);
      await new Promise((r) => setTimeout(r, 100));
      const busy = await callRaw(slowRoute, "/api/x?s=0", s.org.token);
      expect(busy).toMatchObject({ status: 503, retryAfter: "5", body: { error: { code: "unavailable" } } });
      await Promise.all(holders);
    });

    it("cancels a runaway statement at the statement timeout with a 503, and the connection serves again", async () => {
      const runaway = await timed(() => callRaw(slowRoute, "/api/x?s=30", s.org.token));
      expect(runaway.value).toMatchObject({ status: 503, retryAfter: "5", body: { error: { code: "unavailable" } } });
      expect(runaway.ms).toBeLessThan(6_000);
      // Both connections work again, side by side.
      const again = await Promise.all([1, 2].map(() => call(teams.GET, { path: "/api/v1/teams", token: s.org.token })));
      expect(again.map((a) => a.status)).toEqual([200, 200]);
    });

    it("lets a long job raise the statement timeout for its own transaction only", async () => {
      await s.served.db.$transaction(async (tx) => {
        await allowLongStatements(tx, 10_000);
        await tx.$queryRaw`SELECT 1 AS one FROM pg_sleep(2.5)`;
      });
      // The same statement outside that transaction is cancelled again.
      const outside = await s.served.db.$queryRaw`SELECT 1 AS one FROM pg_sleep(2.5)`.then(
        () => null,
        (err: unknown) => err,
      );
      expect(asUnavailable(outside)).not.toBeNull();
    });

    it("keeps side-by-side queries within the connection budget, leaving the pool to others", async () => {
      // Three queries of one request with a budget of one connection: another request still gets
      // the pool's second connection meanwhile.
      const request = withConnectionBudget(
        [
          () => s.served.db.$queryRaw`SELECT 1 AS one FROM pg_sleep(0.3)`,
          () => s.served.db.$queryRaw`SELECT 2 AS two FROM pg_sleep(0.3)`,
          () => s.served.db.$queryRaw`SELECT 3 AS three FROM pg_sleep(0.3)`,
        ],
        1,
      );
      await new Promise((r) => setTimeout(r, 100));
      expect((await call(teams.GET, { path: "/api/v1/teams", token: s.org.token })).status).toBe(200);
      expect(await request).toEqual([[{ one: 1 }], [{ two: 2 }], [{ three: 3 }]]);
    });
  });
}

describe("with the PostgreSQL server away", () => {
  let away: OpenedDb;
  beforeAll(async () => {
    away = await openDb({ kind: "postgres", url: "postgres://postgres@127.0.0.1:1/nowhere" }, { connectionTimeoutMs: 1_000 });
    serveFrom(away.db);
  });
  afterAll(() => away?.close());

  it("answers 503 with Retry-After within seconds, not a 500", async () => {
    const res = await timed(() => callRaw(slowRoute, "/api/x?s=0", WELL_FORMED_TOKEN));
    expect(res.value).toMatchObject({ status: 503, retryAfter: "5", body: { error: { code: "unavailable" } } });
    expect(JSON.stringify(res.value.body)).not.toContain("127.0.0.1");
    expect(res.ms).toBeLessThan(5_000);
  });
});
