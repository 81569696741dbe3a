// A database outage as callers meet it: with the database unreachable, every route handler
// (read from the source tree, tests/helpers/surface.ts) answers 503 with Retry-After in the one
// error shape — never a 500 — and every server action answers the "busy, try again" form state;
// when the database is back, the same calls succeed without a restart. On the PostgreSQL server
// the outage is real: the app's client reaches the test database through a TCP relay that is cut
// (connections refused, open ones dropped) and restored on the same port. On PGlite alone, the
// outage is a client pointed at a closed port, and "back" serves the test database again.
import net from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // The handlers load next-auth's options, which need a secret (else one is written to .data/).
  process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
});
// The browser-session path: next-auth answers with whoever `session.userId` is (a session row is
// started on the database the app serves, so during the outage that fails as it would for real).
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", async (original) => ({
  ...(await original<typeof import("next-auth")>()),
  getServerSession: async () => (await import("@/tests/helpers/sessionMock")).serverSessionOf(session.userId),
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, delete: () => {}, has: () => false }),
  headers: async () => new Headers({ "user-agent": "outage-test" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), after: () => {} }));

import { NextRequest } from "next/server";
import { SSO_FLOW_COOKIE } from "@/lib/auth/sso";
import { seal } from "@/lib/auth/secretBox";
import { openDb, type OpenedDb } from "@/lib/db/client";
import { UNAVAILABLE_DIGEST, UnavailableError } from "@/lib/errors";
import { createTestDb, testDbKinds, type TestDb, type TestDbKind } from "../helpers/db";
import { discoverActions, discoverPages, discoverRoutes, type RouteEntry } from "../helpers/surface";
import { apiOrg, serveFrom, type ApiOrg } from "./apiFixtures";

const BUSY = new UnavailableError().message;
/** A link token of the right shape (32 random bytes, base64url), so the action looks it up. */
const LINK_TOKEN = "A".repeat(43);

/** A TCP relay to a server that can be cut (connections refused, open ones dropped) and restored on the same port. */
async function relayTo(host: string, port: number) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let listenPort = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = net.createServer((client) => {
        const upstream = net.connect(port, host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => {});
        }
        client.pipe(upstream).pipe(client);
      });
      server.once("error", reject);
      server.listen(listenPort, "127.0.0.1", () => {
        listenPort = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  await listen();
  return {
    get port() {
      return listenPort;
    },
    async cut() {
      const closing = new Promise((r) => server!.close(r));
      for (const s of sockets) s.destroy();
      await closing;
    },
    restore: listen,
  };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const relay = await relayTo("127.0.0.1", 9);
  await relay.cut();
  return relay.port;
}

/** A shape-valid token, so the API asks the database about it. */
const WELL_FORMED_TOKEN = `llk_${"0".repeat(32)}_${"a".repeat(43)}`;
/** Route handlers that never touch the database: they answer as usual during an outage. */
const NO_DATABASE: Record<string, string> = {
  "app/api/v1/openapi.json/route.ts GET": "the OpenAPI document is built from the schemas",
  // With a signed token it asks the database (and answers 503 when it is away, as every route does).
  "app/api/unsubscribe/[token]/route.ts POST": "a token we did not sign (the outage call's) is refused before any query",
};

/**
 * next-auth's own handler reads Next's request scope (cookies()) from inside the package, which
 * exists only in a running server; its database use is the credentials sign-in, where a failed
 * lookup becomes next-auth's sign-in error redirect (never a 500). Not run in-process here.
 */
const NOT_RUN_IN_PROCESS: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts GET": "next-auth needs a running server's request scope",
  "app/api/auth/[...nextauth]/route.ts POST": "next-auth needs a running server's request scope",
};

function ssoFlowCookie(): string {
  const flow = {
    organizationId: crypto.randomUUID(),
    issuer: "https://idp.example.test",
    clientId: "leadlag",
    callbackUrl: "/",
    expiresAt: Date.now() + 600_000,
    codeVerifier: "v",
    state: "s",
    nonce: "n",
  };
  return seal(JSON.stringify(flow), "sso-flow");
}

function routeRequest(r: RouteEntry, token: string | null): { request: Request; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  const path = r.urlPath.replace(/\[(\.\.\.)?(\w+)\]/g, (_, rest: string | undefined, name: string) => {
    // A link's [token] of the right shape (a share link's), so the route looks it up; other ids are UUIDs.
    const value = rest ? (r.method === "GET" ? ["session"] : ["callback", "credentials"]) : name === "token" ? LINK_TOKEN : crypto.randomUUID();
    params[name] = value;
    return Array.isArray(value) ? value.join("/") : value;
  });
  const headers: Record<string, string> = { origin: "http://leadlag.test" };
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (!["GET", "HEAD", "DELETE"].includes(r.method)) {
    const csv = r.urlPath.includes("/imports/");
    headers["content-type"] = csv ? "text/csv" : "application/json";
    body = csv ? "email,team,measure,date,value\n" : "{}";
  }
  const query = r.urlPath.startsWith("/api/sso/start") ? `?org=${crypto.randomUUID()}` : r.urlPath.startsWith("/api/sso/callback") ? "?code=c&state=s" : "";
  // The callback asks the database only for a flow this server started: a sealed flow cookie.
  if (r.urlPath.startsWith("/api/sso/callback")) headers.cookie = `${SSO_FLOW_COOKIE}=${ssoFlowCookie()}`;
  return { request: new NextRequest(`http://leadlag.test${path}${query}`, { method: r.method, headers, body }), params };
}

async function callRoute(r: RouteEntry, token: string | null) {
  const mod = (await import(/* @vite-ignore */ `@/${r.file.replace(/\.tsx?$/, "")}`)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
  const { request, params } = routeRequest(r, token);
  const started = performance.now();
  const response = await mod[r.method]!(request, { params: Promise.resolve(params) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // A redirect or a file: not the error shape, which the assertion below reports.
  }
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body, ms: performance.now() - started };
}

const hasUnavailableShape = (body: unknown) => {
  const e = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return e?.code === "unavailable" && typeof e.message === "string";
};

beforeEach(() => {
  // Every refusal logs its cause in one line; keep the output clean.
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  session.userId = null;
});

describe.each(testDbKinds())("during a database outage [%s]", (kind: TestDbKind) => {
  let t: TestDb;
  let org: ApiOrg;
  let relay: Awaited<ReturnType<typeof relayTo>> | null = null;
  let served: OpenedDb | null = null;
  let away: OpenedDb | null = null;

  const goDown = async () => {
    if (relay) return relay.cut();
    away ??= await openDb({ kind: "postgres", url: `postgres://postgres@127.0.0.1:${await closedPort()}/nowhere` }, { connectionTimeoutMs: 1_000 });
    serveFrom(away.db);
  };
  const comeBack = async () => {
    if (relay) return relay.restore();
    serveFrom(t.db);
  };

  beforeAll(async () => {
    t = await createTestDb(kind);
    org = await apiOrg(t.db);
    if (kind === "postgres") {
      const u = new URL(t.url!);
      relay = await relayTo(u.hostname, Number(u.port || 5432));
      u.hostname = "127.0.0.1";
      u.port = String(relay.port);
      served = await openDb({ kind: "postgres", url: u.toString() }, { max: 4, connectionTimeoutMs: 1_000, statementTimeoutMs: 5_000 });
      serveFrom(served.db);
    } else serveFrom(t.db);
  });
  afterAll(async () => {
    await relay?.restore().catch(() => {});
    await served?.close();
    await away?.close();
    await t?.close();
  });

  const routes = discoverRoutes();

  for (const r of routes.filter((x) => !(x.key in NOT_RUN_IN_PROCESS))) {
    const noDb = NO_DATABASE[r.key];
    it(`${r.method} ${r.urlPath} answers ${noDb ? "as usual" : "503 with Retry-After"}, then normally once the database is back`, async () => {
      await goDown();
      try {
        const down = await callRoute(r, WELL_FORMED_TOKEN);
        const what = `${r.key} → ${down.status} ${JSON.stringify(down.body).slice(0, 300)}`;
        if (noDb) expect(down.status, what).toBeLessThan(500);
        else {
          expect(down.status, what).toBe(503);
          expect(Number(down.retryAfter), what).toBeGreaterThan(0);
          expect(hasUnavailableShape(down.body), what).toBe(true);
          expect(JSON.stringify(down.body), "no internals").not.toMatch(/127\.0\.0\.1|ECONNREFUSED|prisma/i);
        }
        expect(down.ms, `${r.key} answered within seconds`).toBeLessThan(8_000);
      } finally {
        await comeBack();
      }
      // Back: the same call is no longer refused as unavailable (a real token gets past sign-in).
      const up = await callRoute(r, org.token);
      expect(up.status, `${r.key} after the outage → ${up.status} ${JSON.stringify(up.body).slice(0, 300)}`).toBeLessThan(500);
    });
  }

  it("answers a signed-in person's server actions with the busy state, and runs them once the database is back", async () => {
    const { createTeamAction } = await import("@/app/(app)/settings/teams/actions");
    const form = new FormData();
    form.set("name", "Made after the outage");
    session.userId = org.owner.userId;
    await goDown();
    try {
      expect(await createTeamAction({ status: "idle" }, form)).toEqual({ status: "error", message: BUSY, fieldErrors: {} });
    } finally {
      await comeBack();
    }
    // Created, and redirected to the new team's page.
    await expect(createTeamAction({ status: "idle" }, form)).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await t.db.team.count({ where: { organizationId: org.organizationId, name: "Made after the outage" } })).toBe(1);
  });

  it("fails every page that needs the database with the error app/error.tsx shows as busy", async () => {
    session.userId = org.owner.userId;
    const outcomes: string[] = [];
    await goDown();
    try {
      for (const p of discoverPages()) {
        const mod = (await import(/* @vite-ignore */ `@/${p.file.replace(/\.tsx?$/, "")}`)) as { default: (props: unknown) => unknown };
        const params = Object.fromEntries([...p.urlPath.matchAll(/\[(\w+)\]/g)].map((m) => [m[1]!, m[1] === "token" ? LINK_TOKEN : crypto.randomUUID()]));
        const outcome = await Promise.resolve()
          .then(() => mod.default({ params: Promise.resolve(params), searchParams: Promise.resolve({}) }))
          .then(
            () => "rendered",
            (e: unknown) => ((e as { digest?: unknown }).digest === UNAVAILABLE_DIGEST ? "busy" : `threw ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`),
          );
        outcomes.push(`${p.file}: ${outcome}`);
      }
    } finally {
      await comeBack();
    }
    // A page that needs no database (sign-in, sign-up, forgot-password) renders as usual.
    expect(outcomes.filter((o) => !o.endsWith(": busy") && !o.endsWith(": rendered"))).toEqual([]);
    expect(outcomes.filter((o) => o.endsWith(": busy")).length).toBeGreaterThan(10);
  });

  it("answers every server action with the busy state during the outage, never 'something went wrong'", async () => {
    session.userId = org.owner.userId;
    const states: string[] = [];
    await goDown();
    try {
      for (const a of discoverActions()) {
        const mod = (await import(/* @vite-ignore */ `@/${a.file.replace(/\.tsx?$/, "")}`)) as Record<string, (...args: unknown[]) => Promise<unknown>>;
        const fn = mod[a.name]!;
        const form = new FormData();
        for (const k of ["id", "teamId", "userId", "programId", "leadMeasureId", "organizationId", "lagMeasureId"]) form.set(k, crypto.randomUUID());
        // Enough of a valid form that each action gets as far as the database.
        const fields = {
          name: "Outage", email: "outage@example.com", organizationName: "Outage Inc", timeZone: "UTC", weekStartsOn: "1",
          currency: "USD", locale: "en-US", password: "correct horse battery staple 42", confirmPassword: "correct horse battery staple 42",
          [`cell.${crypto.randomUUID()}.2026-11-30`]: "3", token: LINK_TOKEN,
        };
        for (const [k, v] of Object.entries(fields)) form.set(k, v);
        // Actions bound to a link's token take it first; the rest take (previous state, form) or (form).
        const args = fn.length >= 3 ? [LINK_TOKEN, { status: "idle" }, form] : fn.length === 1 ? [form] : [{ status: "idle" }, form];
        const result = await fn(...args).then(
          (v) => v,
          (e: unknown) => (e instanceof Error ? `threw ${e.message.split("\n")[0]}` : `threw ${String(e)}`),
        );
        states.push(`${a.key}: ${typeof result === "string" ? result : JSON.stringify(result)}`);
      }
    } finally {
      await comeBack();
    }
    const notBusy = states.filter((s) => !s.includes(BUSY) && !NOT_A_FORM_STATE.some((k) => s.startsWith(`${k}:`)));
    expect(notBusy).toEqual([]);
  });
});

/**
 * Actions whose answer is no form state to show "busy" in: form actions that return nothing
 * (their page re-renders, and the page shows "busy" from app/error.tsx), and the password-reset
 * request, which answers the same whatever happens and does its work after the response.
 */
const NOT_A_FORM_STATE = [
  "app/(app)/measures/actions.ts archiveMeasureAction",
  "app/(app)/setup/actions.ts goToStepAction",
  "app/(app)/setup/actions.ts finishSetupAction",
  "app/(auth)/forgot-password/actions.ts requestReset",
  // The sign-up link is a signed token: a forged one is refused before any query.
  "app/(auth)/sign-up/actions.ts confirmSignUpAction",
  // The unsubscribe link is a signed token too: a forged one is refused before any query.
  "app/unsubscribe/[token]/actions.ts unsubscribeAction",
  "app/(app)/notifications/actions.ts markReadAction",
];
