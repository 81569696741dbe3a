import "server-only";
// The OpenID Connect relying party, on panva's openid-client (certified): discovery of an
// issuer (cached per issuer), the authorization request with PKCE S256, state and nonce, and
// the callback's code exchange with the ID token checked (signature, issuer, audience, nonce).
// Issuers must use https; plain http is accepted only on this machine's loopback (a local
// identity provider in development and tests).
import * as client from "openid-client";
import { issuerProblem } from "@/lib/schemas/sso";

export type OidcClient = { issuer: string; clientId: string; clientSecret: string };

/** What the browser carries between the redirect to the provider and the callback. */
export type OidcChecks = { state: string; nonce: string; codeVerifier: string };

/** The identity an ID token (or, failing it, the UserInfo endpoint) vouches for. */
export type OidcIdentity = { subject: string; email: string | null; emailVerified: boolean; name: string | null };

export class OidcError extends Error {
  constructor(
    public readonly reason: "issuer" | "provider" | "exchange",
    message: string,
  ) {
    super(message);
    this.name = "OidcError";
  }
}

const DISCOVERY_TTL_MS = 60 * 60 * 1000;
const discovered = new Map<string, { at: number; metadata: client.ServerMetadata }>();

function insecure(issuer: string): boolean {
  return new URL(issuer).protocol === "http:";
}

/** The issuer's metadata, from its discovery document (cached an hour per issuer). */
async function serverMetadata(issuer: string, fresh = false): Promise<client.ServerMetadata> {
  const hit = discovered.get(issuer);
  if (hit && !fresh && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.metadata;
  const problem = issuerProblem(issuer);
  if (problem) throw new OidcError("issuer", problem);
  try {
    const config = await client.discovery(new URL(issuer), "discovery", undefined, undefined, {
      execute: insecure(issuer) ? [client.allowInsecureRequests] : [],
      timeout: 10,
    });
    const metadata = config.serverMetadata();
    discovered.set(issuer, { at: Date.now(), metadata });
    return metadata;
  } catch (err) {
    throw new OidcError("issuer", `Could not read the OpenID configuration of ${issuer}: ${describe(err)}`);
  }
}

function describe(err: unknown): string {
  if (err instanceof client.ResponseBodyError) return `${err.error}${err.error_description ? ` (${err.error_description})` : ""}`;
  if (err instanceof client.AuthorizationResponseError) return `${err.error}${err.error_description ? ` (${err.error_description})` : ""}`;
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? `: ${err.cause.message}` : "";
    return `${err.message}${cause}`;
  }
  return String(err);
}

async function configuration(c: OidcClient): Promise<client.Configuration> {
  const metadata = await serverMetadata(c.issuer);
  // client_secret_basic is the default a provider must support; use POST only where basic is not offered.
  const methods = metadata.token_endpoint_auth_methods_supported;
  const auth = !methods || methods.includes("client_secret_basic") ? client.ClientSecretBasic(c.clientSecret) : client.ClientSecretPost(c.clientSecret);
  const config = new client.Configuration(metadata, c.clientId, c.clientSecret, auth);
  if (insecure(c.issuer)) client.allowInsecureRequests(config);
  config.timeout = 15;
  return config;
}

/** Runs discovery against the issuer now (no cache): for the settings' "Test connection". */
export async function testIssuer(issuer: string): Promise<{ ok: true; authorizationEndpoint: string } | { ok: false; message: string }> {
  try {
    const metadata = await serverMetadata(issuer, true);
    if (!metadata.authorization_endpoint || !metadata.token_endpoint) {
      return { ok: false, message: `${issuer} does not publish an authorization and a token endpoint.` };
    }
    return { ok: true, authorizationEndpoint: metadata.authorization_endpoint };
  } catch (err) {
    return { ok: false, message: err instanceof OidcError ? err.message : describe(err) };
  }
}

/** Where to send the browser, and the checks to keep until it comes back. */
export async function authorizationRequest(c: OidcClient, redirectUri: string, loginHint?: string): Promise<{ url: URL; checks: OidcChecks }> {
  const config = await configuration(c);
  const checks: OidcChecks = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid email profile",
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
    code_challenge_method: "S256",
    state: checks.state,
    nonce: checks.nonce,
    ...(loginHint ? { login_hint: loginHint } : {}),
  });
  return { url, checks };
}

/**
 * The callback: `callbackUrl` is the redirect URI with the provider's parameters. Checks state,
 * exchanges the code (with the PKCE verifier), validates the ID token and its nonce, and reads
 * the email from the ID token or, when the provider keeps it for UserInfo, from there.
 */
export async function completeAuthorization(c: OidcClient, callbackUrl: URL, checks: OidcChecks): Promise<OidcIdentity> {
  const config = await configuration(c);
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
  } catch (err) {
    const fromProvider = err instanceof client.AuthorizationResponseError;
    throw new OidcError(fromProvider ? "provider" : "exchange", describe(err));
  }
  const claims = tokens.claims();
  if (!claims) throw new OidcError("exchange", "The provider returned no ID token.");
  let profile: Record<string, unknown> = claims;
  if (typeof claims.email !== "string") {
    try {
      profile = { ...(await client.fetchUserInfo(config, tokens.access_token, claims.sub)), ...claims };
    } catch (err) {
      throw new OidcError("exchange", `Could not read the person's email from the provider: ${describe(err)}`);
    }
    if (typeof profile.email !== "string") profile = { ...profile, email: null };
  }
  const verified = profile.email_verified;
  return {
    subject: claims.sub,
    email: typeof profile.email === "string" ? profile.email.trim().toLowerCase() : null,
    // Some providers send "true" as a string; Microsoft Entra vouches for an address whose domain
    // the tenant owns with xms_edov (an optional claim its admins add) instead of email_verified.
    emailVerified: verified === true || verified === "true" || profile.xms_edov === true || profile.xms_edov === "1",
    name: typeof profile.name === "string" && profile.name.trim() ? profile.name.trim().slice(0, 120) : null,
  };
}
