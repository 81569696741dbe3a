// Calling the REST API's route handlers in-process, as Next would: a `Request` in, a `Response`
// out, on a test database. lib/db caches the app's client on globalThis; pointing that cache at
// the test database is all the wiring the handlers need (no module mocks). Every response is
// checked against the OpenAPI document (tests/helpers/apiSchemas.ts).
import type { TenantContext } from "@/lib/auth/tenant";
import { loadTenantContext } from "@/lib/auth/loadContext";
import type { Db } from "@/lib/db/client";
import type { OpenedDb } from "@/lib/db/client";
import { Role } from "@/lib/generated/prisma/enums";
import { addMembership, createOrgWithTeam, createUser, type OrgWithTeam } from "@/lib/seed/factories";
import { API_SCOPES, createApiToken, type ApiScope } from "@/lib/services/apiTokens";
import { documented, type RouteHandler } from "../helpers/apiSchemas";
import { createTestDb, type TestDb, type TestDbKind } from "../helpers/db";

const globalForDb = globalThis as unknown as { leadlagDb?: Promise<OpenedDb> };

/** Makes `getDb()` in the route handlers return this database. */
export function serveFrom(db: Db): void {
  globalForDb.leadlagDb = Promise.resolve({ db, target: { kind: "embedded", dataDir: null }, close: async () => {} });
}

export type ApiResult = { status: number; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function call<P = Record<string, string>>(
  handler: RouteHandler<P>,
  opts: { method?: string; path: string; token?: string; body?: unknown; raw?: string; params?: P },
): Promise<ApiResult> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
  const body = opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const request = new Request(`http://leadlag.test${opts.path}`, { method: opts.method ?? (body ? "POST" : "GET"), headers, body });
  const response = await documented(handler)(request, { params: Promise.resolve(opts.params ?? ({} as P)) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Every refusal has the one shape. */
export function isErrorShape(body: unknown): boolean {
  const e = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof e?.code === "string" && typeof e.message === "string";
}

export type ApiOrg = OrgWithTeam & {
  owner: TenantContext;
  /** Every scope. */
  token: string;
  tokenWith(scopes: ApiScope[]): Promise<string>;
};

/** An organization (manager + member on one team, one lead measure), its owner and a full-scope token. */
export async function apiOrg(db: Db): Promise<ApiOrg> {
  const org = await createOrgWithTeam(db);
  const ownerUser = await createUser(db, { name: "Owner" });
  await addMembership(db, org.organizationId, ownerUser.id, Role.OWNER);
  const owner = (await loadTenantContext(db, ownerUser.id, org.organizationId))!;
  const tokenWith = async (scopes: ApiScope[]) => (await createApiToken(db, owner, { name: `token ${scopes.join(" ")}`.slice(0, 80), scopes })).token;
  return { ...org, owner, token: await tokenWith([...API_SCOPES]), tokenWith };
}

/**
 * A fresh database of `kind` that the route handlers serve from, with two organizations in it:
 * A, whose data a suite works on, and B, the stranger whose token must never reach A's.
 */
export async function twoApiOrgs(kind: TestDbKind): Promise<{ t: TestDb; a: ApiOrg; b: ApiOrg }> {
  const t = await createTestDb(kind);
  serveFrom(t.db);
  return { t, a: await apiOrg(t.db), b: await apiOrg(t.db) };
}

/** Today and earlier days in UTC (the factories' organizations use UTC). */
export function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}
