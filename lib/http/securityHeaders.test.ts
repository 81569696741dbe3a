import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, securityHeaders, servedOverHttps } from "./securityHeaders";

/** The policy as directive → its sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

describe("the Content Security Policy of a page", () => {
  const page = directives(contentSecurityPolicy({ nonce: "abc123", dev: false, https: false }));

  it("runs only scripts carrying the page's nonce and what they load, never inline code or eval", () => {
    expect(page.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(page.get("default-src")).toEqual(["'self'"]);
    expect(page.get("object-src")).toEqual(["'none'"]);
    expect(page.get("base-uri")).toEqual(["'none'"]);
  });

  it("takes stylesheets from the app or with the nonce; only style attributes may be inline", () => {
    expect(page.get("style-src")).toEqual(["'self'", "'nonce-abc123'"]);
    expect(page.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
  });

  it("lets chart images come from data: and blob: URLs, forms post only to the app, and no site frame it", () => {
    expect(page.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(page.get("form-action")).toEqual(["'self'"]);
    expect(page.get("frame-ancestors")).toEqual(["'none'"]);
    expect(page.has("upgrade-insecure-requests")).toBe(false);
  });

  it("lets the SSO page's form be redirected on to an identity provider, and nothing else change", () => {
    const sso = directives(contentSecurityPolicy({ nonce: "abc123", dev: false, https: false, formsLeave: true }));
    expect(sso.has("form-action")).toBe(false);
    expect(sso.get("script-src")).toEqual(page.get("script-src"));
    expect(sso.get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("allows eval and unnonced styles in development only (React's server stacks, hot reload)", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", dev: true, https: false }));
    expect(dev.get("script-src")).toEqual(["'self'", "'nonce-n'", "'strict-dynamic'", "'unsafe-eval'"]);
    expect(dev.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("upgrades insecure requests when served over HTTPS", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: false, https: true })).get("upgrade-insecure-requests")).toEqual([]);
  });
});

describe("the security headers", () => {
  it("give API answers (no nonce) a policy that allows nothing", () => {
    expect(securityHeaders({ dev: false, https: false })["Content-Security-Policy"]).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
  });

  it("forbid sniffing and framing, shorten the Referer and turn off camera, microphone and geolocation", () => {
    const h = securityHeaders({ nonce: "n", dev: false, https: false });
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["X-Frame-Options"]).toBe("DENY");
    expect(h["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    for (const feature of ["camera=()", "microphone=()", "geolocation=()"]) expect(h["Permissions-Policy"]).toContain(feature);
  });

  it("send HSTS only over HTTPS", () => {
    expect(securityHeaders({ nonce: "n", dev: false, https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ nonce: "n", dev: false, https: true })["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const n of [...nonces].slice(0, 20)) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("servedOverHttps", () => {
  const req = (url: string, proto?: string) => new Request(url, { headers: proto ? { "x-forwarded-proto": proto } : {} });

  it("believes X-Forwarded-Proto only from a trusted proxy, reading the client's hop first", () => {
    expect(servedOverHttps(req("http://127.0.0.1:3000/"), false)).toBe(false);
    expect(servedOverHttps(req("http://127.0.0.1:3000/"), true)).toBe(false);
    expect(servedOverHttps(req("http://127.0.0.1:3000/", "https"), false)).toBe(false);
    expect(servedOverHttps(req("http://127.0.0.1:3000/", "https"), true)).toBe(true);
    expect(servedOverHttps(req("http://127.0.0.1:3000/", "HTTPS, http"), true)).toBe(true);
    expect(servedOverHttps(req("http://127.0.0.1:3000/", "http, https"), true)).toBe(false);
  });

  it("does not take the request's https:// URL for HTTPS: Next builds it from any client's X-Forwarded-Proto", () => {
    expect(servedOverHttps(req("https://127.0.0.1:3000/", "https"), false)).toBe(false);
    expect(servedOverHttps(req("https://127.0.0.1:3000/", "http"), true)).toBe(false);
  });
});
