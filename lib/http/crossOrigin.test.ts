import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { crossOriginRefusal, CSV_UPLOAD, guardBrowserWrite, JSON_BODY, type OriginPolicy } from "./crossOrigin";

const POLICY: OriginPolicy = { publicOrigin: "https://leadlag.example.com", trustProxy: false };

function req(method: string, headers: Record<string, string>, url = "http://127.0.0.1:3000/api/v1/teams"): Request {
  return new Request(url, { method, headers });
}

/** The code of the AppError the guard throws, or null when it lets the request through. */
function guard(request: Request, accepts: readonly string[] = JSON_BODY, policy = POLICY): string | null {
  try {
    guardBrowserWrite(request, accepts, policy);
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).code;
  }
}

describe("crossOriginRefusal", () => {
  it("accepts the public URL's origin, and an Origin naming the host the request was sent to", () => {
    expect(crossOriginRefusal(req("POST", { origin: "https://leadlag.example.com" }), POLICY)).toBeNull();
    expect(crossOriginRefusal(req("POST", { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }), POLICY)).toBeNull();
    // Without a Host header (a Request built in code) the URL's host is the one addressed.
    expect(crossOriginRefusal(req("POST", { origin: "http://127.0.0.1:3000" }), POLICY)).toBeNull();
  });

  it("refuses another site, a sibling subdomain, another port and an opaque origin", () => {
    for (const origin of ["http://evil.example", "https://evil.leadlag.example.com", "https://leadlag.example.com:8443", "http://127.0.0.1:3001", "null", "garbage"]) {
      expect(crossOriginRefusal(req("POST", { origin, host: "127.0.0.1:3000" }), POLICY), origin).not.toBeNull();
    }
  });

  it("without an Origin, goes by Sec-Fetch-Site: only same-origin passes", () => {
    expect(crossOriginRefusal(req("POST", { "sec-fetch-site": "same-origin" }), POLICY)).toBeNull();
    for (const site of ["cross-site", "same-site", "none"]) expect(crossOriginRefusal(req("POST", { "sec-fetch-site": site }), POLICY), site).not.toBeNull();
  });

  it("lets a request with neither header through: no browser page sent it", () => {
    expect(crossOriginRefusal(req("POST", {}), POLICY)).toBeNull();
  });

  it("names a reverse proxy's forwarded host only when the proxy is trusted", () => {
    const behindProxy = req("POST", { origin: "https://app.internal.example", host: "127.0.0.1:3000", "x-forwarded-host": "app.internal.example" });
    expect(crossOriginRefusal(behindProxy, POLICY)).not.toBeNull();
    expect(crossOriginRefusal(behindProxy, { ...POLICY, trustProxy: true })).toBeNull();
  });
});

describe("guardBrowserWrite", () => {
  it("refuses a cross-origin write with a session cookie as forbidden, before looking at its body", () => {
    expect(guard(req("POST", { origin: "http://evil.example", "content-type": "application/json", cookie: "s=1" }))).toBe("forbidden");
    expect(guard(req("DELETE", { origin: "http://evil.example" }))).toBe("forbidden");
  });

  it("refuses a same-origin body of a type the endpoint does not take as unsupported_media_type", () => {
    const from = { origin: "https://leadlag.example.com" };
    expect(guard(req("POST", { ...from, "content-type": "text/plain" }))).toBe("unsupported_media_type");
    expect(guard(req("PUT", { ...from, "content-type": "application/x-www-form-urlencoded" }))).toBe("unsupported_media_type");
    expect(guard(req("POST", from))).toBe("unsupported_media_type");
    expect(guard(req("POST", { ...from, "content-type": "text/plain" }), CSV_UPLOAD)).toBe("unsupported_media_type");
    expect(guard(req("POST", { ...from, "content-type": "application/json" }), CSV_UPLOAD)).toBe("unsupported_media_type");
  });

  it("accepts same-origin JSON (with parameters, any case), CSV uploads and a bodiless DELETE", () => {
    const from = { origin: "https://leadlag.example.com" };
    expect(guard(req("POST", { ...from, "content-type": "Application/JSON; charset=utf-8" }))).toBeNull();
    expect(guard(req("POST", { ...from, "content-type": "multipart/form-data; boundary=x" }), CSV_UPLOAD)).toBeNull();
    expect(guard(req("POST", { ...from, "content-type": "text/csv" }), CSV_UPLOAD)).toBeNull();
    expect(guard(req("DELETE", from))).toBeNull();
  });

  it("leaves reads and API-token requests alone", () => {
    expect(guard(req("GET", { origin: "http://evil.example" }))).toBeNull();
    expect(guard(req("HEAD", { origin: "http://evil.example" }))).toBeNull();
    expect(guard(req("POST", { origin: "http://evil.example", authorization: "Bearer llk_x", "content-type": "text/plain" }))).toBeNull();
  });
});
