// GET /api/health on each database Leadlag runs on: embedded PGlite in a fresh data dir, an
// unreachable PostgreSQL server (503 within a few seconds, not a hang), and — when
// TEST_DATABASE_URL is set — a real PostgreSQL server.
// lib/env.ts caches the parsed environment and lib/db caches the client on globalThis, so each
// case sets the environment, resets both and imports the route afresh. Every response is
// checked against the OpenAPI document (tests/helpers/apiSchemas.ts).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { OpenedDb } from "@/lib/db/client";
import { documented } from "../helpers/apiSchemas";

const VARS = ["DATABASE_URL", "LEADLAG_DATA_DIR", "NEXTAUTH_SECRET", "LEADLAG_SEED_DEMO", "PORT", "NEXTAUTH_URL"] as const;
const saved = Object.fromEntries(VARS.map((k) => [k, process.env[k]]));
const globalForDb = globalThis as unknown as { leadlagDb?: Promise<OpenedDb> };
const testDatabaseUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

let tempDirs: string[] = [];

/** Sets the environment for one case (everything else Leadlag reads unset) and loads the route. */
async function loadRoute(vars: Partial<Record<(typeof VARS)[number], string>>) {
  for (const k of VARS) delete process.env[k];
  Object.assign(process.env, vars);
  vi.resetModules();
  globalForDb.leadlagDb = undefined;
  const { GET } = await import("@/app/api/health/route");
  return { GET: () => documented(GET)(new Request("http://leadlag.test/api/health"), { params: Promise.resolve({}) }) };
}

async function closeCachedDb() {
  const pending = globalForDb.leadlagDb;
  globalForDb.leadlagDb = undefined;
  if (!pending) return;
  try {
    await (await pending).close();
  } catch {
    // It never opened (the unreachable case): nothing to close.
  }
}

beforeEach(() => {
  // The route logs why the database is unreachable; keep the test output clean.
  vi.spyOn(console, "error").mockImplementation(() => {});
});

afterEach(async () => {
  vi.restoreAllMocks();
  await closeCachedDb();
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
  tempDirs = [];
});

afterAll(() => {
  for (const k of VARS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  vi.resetModules();
});

describe("GET /api/health", () => {
  it("answers 200 with the embedded database in a fresh data dir", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "leadlag-health-"));
    tempDirs.push(dir);
    const { GET } = await loadRoute({ LEADLAG_DATA_DIR: dir });
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "embedded" });
  });

  it("answers 503 quickly when the PostgreSQL server is unreachable", async () => {
    const { GET } = await loadRoute({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/nowhere" });
    const started = Date.now();
    const res = await GET();
    expect(Date.now() - started).toBeLessThan(7_000);
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("5");
    const body = await res.json();
    expect(body).toMatchObject({ status: "unavailable", database: "postgres", error: { code: "unavailable" } });
    // The connection string (which may hold a password) is not leaked to the caller.
    expect(JSON.stringify(body)).not.toContain("127.0.0.1");
    expect(console.error).toHaveBeenCalled();
  }, 15_000);

  it.runIf(testDatabaseUrl)("answers 200 with the PostgreSQL server named by TEST_DATABASE_URL", async () => {
    const { GET } = await loadRoute({ DATABASE_URL: testDatabaseUrl! });
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "postgres" });
  });
});
