import "server-only";
// The one pipeline for route handlers: refuse browser writes from other sites (lib/http/crossOrigin.ts)
// → authenticate (session cookie or `Authorization: Bearer` API token) → authorize (scope or
// role) → parse → run → respond, with every refusal in the one error shape
// {"error":{"code","message","details"}}.
import { getViewer } from "@/lib/auth/context";
import { API_TOKEN_ROLE, requireScope } from "@/lib/auth/permissions";
import { orgSettings } from "@/lib/auth/loadContext";
import type { TenantContext } from "@/lib/auth/tenant";
import { getDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError, asUnavailable, toErrorBody } from "@/lib/errors";
import { verifyApiToken, type ApiScope } from "@/lib/services/apiTokens";
import { guardBrowserWrite, JSON_BODY, originPolicyOf } from "./crossOrigin";

export type ApiCaller =
  | { kind: "session"; ctx: TenantContext }
  /** A token acts with the role of an admin of its organization, limited by its scopes. */
  | { kind: "token"; ctx: TenantContext; scopes: string[]; tokenId: string };

export function errorResponse(err: unknown): Response {
  const { status, body, headers } = toErrorBody(err);
  return Response.json(body, { status, headers });
}

async function authenticate(db: Db, request: Request): Promise<ApiCaller> {
  const header = request.headers.get("authorization");
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const principal = m ? await verifyApiToken(db, m[1]!) : null;
    if (!principal) throw new AppError("unauthenticated", "The API token is missing, malformed, unknown or revoked.");
    const org = await db.organization.findUnique({ where: { id: principal.organizationId } });
    if (!org) throw new AppError("unauthenticated", "The API token's organization no longer exists.");
    return {
      kind: "token",
      tokenId: principal.tokenId,
      scopes: principal.scopes,
      // The token's actor is its creator (for audit); its role is an admin's, narrowed by scopes.
      ctx: { organizationId: org.id, userId: principal.createdById ?? org.id, role: API_TOKEN_ROLE, organization: orgSettings(org) },
    };
  }
  // Session callers act in their active organization, chosen as for the pages.
  const viewer = await getViewer();
  if (!viewer) throw new AppError("unauthenticated", "Sign in, or send an API token as `Authorization: Bearer <token>`.");
  if (!viewer.context) throw new AppError("forbidden", "You are not a member of any organization.");
  return { kind: "session", ctx: viewer.context };
}

/**
 * For route handlers outside apiRoute that answer with redirects (SSO start and callback): the
 * database away or saturated is a 503 with Retry-After in the error shape, as every route answers
 * it; anything else goes on to Next's error handling.
 */
export function unavailableAs503<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (err) {
      if (asUnavailable(err)) return errorResponse(err);
      throw err;
    }
  };
}

export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError("validation_failed", "The request body must be valid JSON.");
  }
}

/**
 * Wraps a route handler: authentication, the error shape, and no internals in a 500. A write
 * without an API token must be same-origin and send one of `accepts` (JSON unless said otherwise).
 */
export function apiRoute<P = Record<string, string>>(
  scope: ApiScope | null,
  handler: (args: { db: Db; caller: ApiCaller; ctx: TenantContext; request: Request; params: P }) => Promise<Response>,
  options: { accepts?: readonly string[] } = {},
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      // Before the session is read: a forged write costs nothing.
      guardBrowserWrite(request, options.accepts ?? JSON_BODY, originPolicyOf(env()));
      const db = await getDb();
      const caller = await authenticate(db, request);
      if (scope) requireScope(caller.kind === "token" ? caller.scopes : null, scope);
      return await handler({ db, caller, ctx: caller.ctx, request, params: await context.params });
    } catch (err) {
      return errorResponse(err);
    }
  };
}
