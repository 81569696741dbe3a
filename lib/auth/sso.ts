import "server-only";
// Signing in with an organization's SSO, between the two route handlers:
//   start    (/api/sso/start?org=…)  discovery, PKCE S256 + state + nonce sealed in a short-lived
//            httpOnly cookie bound to the organization and its issuer and client, then the
//            redirect to the identity provider;
//   callback (/api/sso/callback)     the cookie opened, the code exchanged and the ID token
//            validated against that organization's connection, then admission
//            (lib/services/ssoSignIn.ts).
// The organization comes only from the sealed cookie: a provider's answer for organization A can
// never sign anyone in to B. Every failure is a reason the /sso page explains, never a throw.
import type { Db } from "@/lib/db/client";
import { env, appOrigin } from "@/lib/env";
import { asUnavailable } from "@/lib/errors";
import { safeCallbackUrl } from "@/lib/http/callbackUrl";
import { admitSsoIdentity, type SsoRefusal } from "@/lib/services/ssoSignIn";
import { authorizationRequest, completeAuthorization, OidcError, type OidcChecks, type OidcClient } from "./oidc";
import { open, seal } from "./secretBox";

export const SSO_FLOW_COOKIE = "leadlag-sso";
/** How long a person may spend at their identity provider. */
export const SSO_FLOW_MAX_AGE_SECONDS = 10 * 60;

/** Why an SSO sign-in did not happen: the /sso page words each one. */
export type SsoFailure = SsoRefusal | "unavailable" | "expired" | "provider" | "failed";

type Flow = OidcChecks & { organizationId: string; issuer: string; clientId: string; callbackUrl: string; expiresAt: number };

/** The redirect URI admins register at their identity provider. */
export function ssoRedirectUri(): string {
  return `${appOrigin()}/api/sso/callback`;
}

export function ssoFlowCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    path: "/api/sso",
    secure: appOrigin(env()).startsWith("https://"),
    maxAge: SSO_FLOW_MAX_AGE_SECONDS,
  };
}

async function clientOf(db: Db, organizationId: string): Promise<OidcClient | null> {
  const row = await db.ssoConnection.findUnique({ where: { organizationId } });
  if (!row?.enabled) return null;
  const clientSecret = open(row.clientSecret, "sso-client-secret");
  if (clientSecret === null) {
    console.warn(`SSO: the client secret of organization ${organizationId} cannot be read (was NEXTAUTH_SECRET changed?). An admin must enter it again.`);
    return null;
  }
  return { issuer: row.issuer, clientId: row.clientId, clientSecret };
}

/**
 * The organization's client, or null when it has no usable connection. A database that cannot
 * answer now is not "no SSO": that is thrown, and the route answers 503 (busy, try again).
 */
function usableClientOf(db: Db, organizationId: string) {
  return clientOf(db, organizationId).catch((err: unknown) => {
    if (asUnavailable(err)) throw err;
    return null;
  });
}

/** The provider's sign-in URL and the sealed flow cookie, or why SSO is not available. */
export async function startSsoSignIn(
  db: Db,
  req: { organizationId: string; callbackUrl?: string | null; loginHint?: string | null },
): Promise<{ ok: true; redirectTo: string; cookie: string } | { ok: false; reason: SsoFailure }> {
  const c = await usableClientOf(db, req.organizationId);
  if (!c) return { ok: false, reason: "unavailable" };
  try {
    const { url, checks } = await authorizationRequest(c, ssoRedirectUri(), req.loginHint ?? undefined);
    const flow: Flow = {
      ...checks,
      organizationId: req.organizationId,
      issuer: c.issuer,
      clientId: c.clientId,
      callbackUrl: safeCallbackUrl(req.callbackUrl),
      expiresAt: Date.now() + SSO_FLOW_MAX_AGE_SECONDS * 1000,
    };
    return { ok: true, redirectTo: url.toString(), cookie: seal(JSON.stringify(flow), "sso-flow") };
  } catch (err) {
    console.warn(`SSO: cannot start sign-in for organization ${req.organizationId}: ${err instanceof Error ? err.message : String(err)}`);
    return { ok: false, reason: "unavailable" };
  }
}

function readFlow(cookie: string | undefined): Flow | null {
  const text = cookie ? open(cookie, "sso-flow") : null;
  if (!text) return null;
  try {
    const flow = JSON.parse(text) as Flow;
    return flow.expiresAt > Date.now() ? flow : null;
  } catch {
    return null;
  }
}

/**
 * The callback: `currentUrl` is the redirect URI with the provider's query parameters,
 * `cookie` the flow cookie the browser sent. Returns the person to sign in, in which
 * organization, and where to send them; or why not.
 */
export async function finishSsoSignIn(
  db: Db,
  req: { cookie: string | undefined; currentUrl: URL },
): Promise<
  | { ok: true; user: { id: string; name: string; email: string }; organizationId: string; callbackUrl: string; outcome: "member" | "joined" | "invited" }
  | { ok: false; reason: SsoFailure; organizationId?: string }
> {
  const flow = readFlow(req.cookie);
  if (!flow) return { ok: false, reason: "expired" };
  const { organizationId } = flow;
  const c = await usableClientOf(db, organizationId);
  // The connection changed while the person was away: their answer is for another client.
  if (!c || c.issuer !== flow.issuer || c.clientId !== flow.clientId) return { ok: false, reason: "unavailable", organizationId };
  const callback = new URL(ssoRedirectUri());
  callback.search = req.currentUrl.search;
  let identity;
  try {
    identity = await completeAuthorization(c, callback, flow);
  } catch (err) {
    const reason = err instanceof OidcError && err.reason === "provider" ? "provider" : "failed";
    console.warn(`SSO: sign-in to organization ${organizationId} failed: ${err instanceof Error ? err.message : String(err)}`);
    return { ok: false, reason, organizationId };
  }
  const admitted = await admitSsoIdentity(db, organizationId, identity);
  if (!admitted.ok) return { ok: false, reason: admitted.reason, organizationId };
  return { ok: true, user: admitted.user, organizationId, callbackUrl: flow.callbackUrl, outcome: admitted.outcome };
}
