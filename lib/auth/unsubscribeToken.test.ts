import { describe, expect, it } from "vitest";
import { readUnsubscribeToken, unsubscribeToken } from "./unsubscribeToken";

const SECRET = "unit-test-secret-0123456789abcdefghij";
const who = { organizationId: "0b7f1c2e-6a3d-4e5f-8a9b-0c1d2e3f4a5b", userId: "1c8e2d3f-7b4e-4f60-9bac-1d2e3f4a5b6c", kind: "MEMBER_REMINDER" as const };

describe("unsubscribe links", () => {
  it("say who and what, and only with our signature", () => {
    const token = unsubscribeToken(who, SECRET);
    expect(readUnsubscribeToken(token, SECRET)).toEqual(who);
    expect(readUnsubscribeToken(token, `${SECRET}-rotated`)).toBeNull();
    const [payload, sig] = token.split(".") as [string, string];
    const other = Buffer.from(`${who.organizationId}.${who.userId}.MANAGER_DIGEST`).toString("base64url");
    expect(readUnsubscribeToken(`${other}.${sig}`, SECRET)).toBeNull();
    expect(readUnsubscribeToken(`${payload}.${sig}.x`, SECRET)).toBeNull();
    expect(readUnsubscribeToken("", SECRET)).toBeNull();
    expect(readUnsubscribeToken("A".repeat(43), SECRET)).toBeNull();
  });
});
