// Runs before every request (Next's proxy, Node.js runtime): gives each page a fresh script
// nonce and every answer — pages, API, redirects — the browser-protection headers
// (lib/http/securityHeaders.ts), and refuses server actions posted from another origin.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import type { ErrorBody } from "@/lib/errors";
import { REQUESTED_PATH_HEADER } from "@/lib/http/callbackUrl";
import { crossOriginRefusal, originPolicyOf } from "@/lib/http/crossOrigin";
import { FORMS_LEAVE_PATHS, newNonce, securityHeaders, servedOverHttps } from "@/lib/http/securityHeaders";

export function proxy(request: NextRequest): NextResponse {
  const e = env();
  const https = servedOverHttps(request, e.LEADLAG_TRUST_PROXY);
  const dev = e.NODE_ENV === "development";
  const api = request.nextUrl.pathname.startsWith("/api/");
  const nonce = api ? undefined : newNonce();
  const formsLeave = FORMS_LEAVE_PATHS.includes(request.nextUrl.pathname);
  const headers = securityHeaders({ nonce, dev, https, formsLeave });

  // A server action is a POST with a Next-Action header to any page. Next refuses a foreign
  // Origin itself, but by throwing (a 500); here it is the 403 it is, before any work is done.
  if (request.method === "POST" && request.headers.has("next-action")) {
    const refusal = crossOriginRefusal(request, originPolicyOf(e));
    if (refusal) {
      const body: ErrorBody = { error: { code: "forbidden", message: `${refusal} Use Leadlag's own pages.` } };
      return withHeaders(NextResponse.json(body, { status: 403 }), headers);
    }
  }

  if (!nonce) return withHeaders(NextResponse.next(), headers);
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  const forwarded = new Headers(request.headers);
  forwarded.set("content-security-policy", headers["Content-Security-Policy"]!);
  forwarded.set("x-nonce", nonce);
  // The page asked for, for a sign-in that returns to it (lib/auth/context.ts); ours, never the client's.
  const asked = request.nextUrl.clone();
  asked.searchParams.delete("_rsc");
  forwarded.set(REQUESTED_PATH_HEADER, `${asked.pathname}${asked.search}`);
  return withHeaders(NextResponse.next({ request: { headers: forwarded } }), headers);
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Build assets are immutable files of ours: no page, no nonce, nothing to protect.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
