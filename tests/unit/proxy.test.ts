// proxy.ts as Next calls it before every request: a page gets a fresh nonce in the CSP it answers
// with and in the CSP Next reads from the request to nonce its scripts; API answers get the same
// headers with a policy that allows nothing; a server action posted from another origin is a 403
// in the error shape, one from the app itself goes on.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const APP = "http://127.0.0.1:3000";

function request(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(`${APP}${path}`, { method: init.method ?? "GET", headers: { host: "127.0.0.1:3000", ...init.headers } });
}

describe("proxy", () => {
  it("gives a page a new nonce, in the answer's CSP and in the request's CSP that Next reads", () => {
    const first = proxy(request("/dashboard"));
    const second = proxy(request("/dashboard"));
    const csp = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    // NextResponse.next({ request: { headers } }) hands the overridden request headers on this way.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("x-frame-options")).toBe("DENY");
    expect(first.headers.get("strict-transport-security")).toBeNull();
  });

  it("sends no HSTS to a client that claims https itself (the soak's audit found it): no trusted proxy, no HSTS", () => {
    // Over plain http, Next hands the proxy an https:// URL when the client sends X-Forwarded-Proto: https.
    const claimed = proxy(new NextRequest("https://127.0.0.1:3000/sign-in", { headers: { host: "127.0.0.1:3000", "x-forwarded-proto": "https" } }));
    expect(claimed.headers.get("strict-transport-security")).toBeNull();
    expect(claimed.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
  });

  it("gives API answers the headers with a policy that allows nothing, and no nonce", () => {
    const api = proxy(request("/api/v1/teams"));
    expect(api.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    expect(api.headers.get("x-middleware-request-content-security-policy")).toBeNull();
    expect(api.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("answers a server action from another origin with 403 in the error shape", async () => {
    const res = proxy(request("/dashboard", { method: "POST", headers: { "next-action": "abc", origin: "http://evil.example" } }));
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
    expect(res.headers.get("content-security-policy")).toBeTruthy();
  });

  it("lets the app's own server actions and other-origin POSTs without Next-Action through to Next", () => {
    const own = proxy(request("/dashboard", { method: "POST", headers: { "next-action": "abc", origin: APP } }));
    expect(own.status).toBe(200);
    expect(own.headers.get("x-middleware-next")).toBe("1");
    // Not an action: the route (apiRoute) decides.
    const api = proxy(request("/api/v1/teams", { method: "POST", headers: { origin: "http://evil.example" } }));
    expect(api.headers.get("x-middleware-next")).toBe("1");
  });
});
