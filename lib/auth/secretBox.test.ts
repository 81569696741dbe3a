import { describe, expect, it } from "vitest";
import { open, seal } from "./secretBox";

const KEY = "unit-test-secret-0123456789abcdef0123";

describe("secretBox", () => {
  it("opens what it sealed, and the sealed text does not contain the secret", () => {
    const sealed = seal("client-secret-value", "sso-client-secret", KEY);
    expect(sealed).not.toContain("client-secret-value");
    expect(sealed).toMatch(/^v1\./);
    expect(open(sealed, "sso-client-secret", KEY)).toBe("client-secret-value");
  });

  it("seals the same text differently each time", () => {
    expect(seal("x", "sso-flow", KEY)).not.toBe(seal("x", "sso-flow", KEY));
  });

  it("opens nothing that was altered, sealed for another purpose or with another key", () => {
    const sealed = seal("client-secret-value", "sso-client-secret", KEY);
    const [v, iv, body, tag] = sealed.split(".") as [string, string, string, string];
    const flipped = (body.startsWith("A") ? "B" : "A") + body.slice(1);
    expect(open([v, iv, flipped, tag].join("."), "sso-client-secret", KEY)).toBeNull();
    expect(open(sealed, "sso-flow", KEY)).toBeNull();
    expect(open(sealed, "sso-client-secret", `${KEY}-rotated`)).toBeNull();
    expect(open("not sealed at all", "sso-client-secret", KEY)).toBeNull();
  });
});
