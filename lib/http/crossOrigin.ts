// Cookie-authenticated writes must come from Leadlag's own pages. A browser attaches the session
// cookie to a form another site posts to us (SameSite=Lax stops most, not all, of those), but it
// always says where the request came from: `Origin` on every cross-origin POST, PUT, PATCH and
// DELETE, and `Sec-Fetch-Site` in every browser Next supports. So a write whose Origin is not
// ours, or whose Sec-Fetch-Site is not "same-origin", is refused (403); and its body must have a
// type no cross-site form can send (application/json, text/csv), or the multipart form the import
// page sends (415 otherwise). API tokens are not sent by browsers on their own: unaffected.
//
// A request with neither header did not come from a browser page (curl, a script holding the
// cookie itself): there is no victim browser to protect, so it passes, as Go's
// http.CrossOriginProtection and Next's own server-action check also decide.
import { appOrigin, type Env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type OriginPolicy = {
  /** The app's public origin (NEXTAUTH_URL), e.g. https://leadlag.example.com. */
  publicOrigin: string;
  /** A reverse proxy in front may name the public host in X-Forwarded-Host (LEADLAG_TRUST_PROXY). */
  trustProxy: boolean;
};

/** The policy of this deployment: its public URL, and whether a proxy in front is trusted. */
export function originPolicyOf(e: Env): OriginPolicy {
  return { publicOrigin: appOrigin(e), trustProxy: e.LEADLAG_TRUST_PROXY };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Bodies a JSON endpoint accepts from a browser session. */
export const JSON_BODY = ["application/json"] as const;
/** Bodies an import endpoint accepts from a browser session: the import page's form, or a raw CSV. */
export const CSV_UPLOAD = ["multipart/form-data", "text/csv"] as const;

/** The hosts (host:port) this request was addressed to. */
function hostsOf(request: Request, policy: OriginPolicy): Set<string> {
  const hosts = new Set<string>();
  const host = request.headers.get("host");
  hosts.add((host ?? new URL(request.url).host).toLowerCase());
  if (policy.trustProxy) {
    const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
    if (forwarded) hosts.add(forwarded.toLowerCase());
  }
  return hosts;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Why a state-changing request from a browser is not same-origin, or null when it is (or when no
 * browser sent it). Same origin: the Origin is the public URL's, or names the host the request
 * was sent to (as a browser addressed it; the Host header cannot be set by another site's page).
 */
export function crossOriginRefusal(request: Request, policy: OriginPolicy): string | null {
  const origin = request.headers.get("origin");
  if (origin !== null) {
    // "null": a sandboxed frame, a data: URL, a redirect across sites — never one of our pages.
    const parsed = origin === "null" ? null : originOf(origin);
    if (!parsed) return `Requests from an opaque origin ("${origin}") may not change data.`;
    if (parsed === originOf(policy.publicOrigin)) return null;
    if (hostsOf(request, policy).has(new URL(parsed).host.toLowerCase())) return null;
    return `Requests from ${parsed} may not change data here.`;
  }
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return `Requests from another site (${site}) may not change data here.`;
  return null;
}

/** The body's media type, lower-cased, without parameters; null when none is declared. */
export function mediaTypeOf(request: Request): string | null {
  const type = request.headers.get("content-type");
  if (type === null) return null;
  return type.split(";")[0]!.trim().toLowerCase() || null;
}

/** The request declares a body (a bodiless DELETE needs no content type). */
function declaresBody(request: Request): boolean {
  if (request.method !== "DELETE") return true;
  return request.headers.get("content-type") !== null || Number(request.headers.get("content-length") ?? "0") > 0 || request.headers.has("transfer-encoding");
}

/**
 * Refuses a cookie-authenticated write that another site could have made: 403 unless it is
 * same-origin, 415 unless its body is one of `accepts`. Reads, and requests carrying an
 * `Authorization` header (API tokens), pass untouched.
 */
export function guardBrowserWrite(request: Request, accepts: readonly string[], policy: OriginPolicy): void {
  if (SAFE_METHODS.has(request.method)) return;
  if (request.headers.has("authorization")) return;
  const refusal = crossOriginRefusal(request, policy);
  if (refusal) throw new AppError("forbidden", `${refusal} Use Leadlag's own pages, or an API token.`);
  if (!declaresBody(request)) return;
  const type = mediaTypeOf(request);
  if (type === null || !accepts.includes(type)) {
    throw new AppError("unsupported_media_type", `Send the body as ${accepts.join(" or ")}${type ? `, not ${type}` : ""}.`);
  }
}
