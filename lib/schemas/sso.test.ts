import { describe, expect, it } from "vitest";
import { issuerProblem, microsoftTenantOf, parseDomains, ssoConnectionSchema } from "./sso";

const base = { clientId: "abc", clientSecret: "s3cret", allowedDomains: "", defaultRole: "MEMBER" };

describe("the SSO connection form", () => {
  it("turns the presets into their issuers", () => {
    expect(ssoConnectionSchema.parse({ ...base, preset: "google" }).issuer).toBe("https://accounts.google.com");
    const ms = ssoConnectionSchema.parse({ ...base, preset: "microsoft", tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47" });
    expect(ms.issuer).toBe("https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0");
    expect(microsoftTenantOf(ms.issuer)).toBe("72f988bf-86f1-41af-91ab-2d7cd011db47");
    expect(ssoConnectionSchema.parse({ ...base, preset: "custom", issuer: "https://acme.okta.com" }).issuer).toBe("https://acme.okta.com");
  });

  it("reads checkboxes and lists of domains as a form sends them", () => {
    const v = ssoConnectionSchema.parse({ ...base, preset: "google", allowedDomains: "Acme.com, @acme.co.uk\nacme.com", requireSso: "on" });
    expect(v.allowedDomains).toEqual(["acme.com", "acme.co.uk"]);
    expect(v.requireSso).toBe(true);
    expect(v.enabled).toBe(false);
    expect(parseDomains(" ; ")).toEqual([]);
  });

  it("accepts https issuers, and http only on this machine", () => {
    expect(issuerProblem("https://idp.example.com/realms/acme")).toBeNull();
    expect(issuerProblem("http://127.0.0.1:4000")).toBeNull();
    expect(issuerProblem("http://localhost:4000")).toBeNull();
    expect(issuerProblem("http://idp.example.com")).toMatch(/https/);
    expect(issuerProblem("idp.example.com")).toMatch(/full URL/);
  });

  it("refuses public mailbox domains, bad domains and roles above manager", () => {
    expect(ssoConnectionSchema.safeParse({ ...base, preset: "google", allowedDomains: "gmail.com" }).success).toBe(false);
    expect(ssoConnectionSchema.safeParse({ ...base, preset: "google", allowedDomains: "not a domain!" }).success).toBe(false);
    expect(ssoConnectionSchema.safeParse({ ...base, preset: "google", defaultRole: "ADMIN" }).success).toBe(false);
    expect(ssoConnectionSchema.safeParse({ ...base, preset: "microsoft", tenantId: "" }).success).toBe(false);
  });
});
