// A job's id from its name and idempotency key: a version-5 UUID (pg-boss stores ids as uuid),
// the same for the same pair on every server, different for any other pair.
import { describe, expect, it } from "vitest";
import { failureMessage, jobIdFor } from "./queue";

describe("job ids from idempotency keys", () => {
  it("is a version-5 UUID, stable for one name and key", () => {
    const id = jobIdFor("report-export", "0b9c1c1e-7a53-4a0e-9a36-0c0f3d1e8d11");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(jobIdFor("report-export", "0b9c1c1e-7a53-4a0e-9a36-0c0f3d1e8d11")).toBe(id);
  });

  it("differs for another key or another job with the same key", () => {
    const ids = new Set([jobIdFor("a", "k"), jobIdFor("a", "k2"), jobIdFor("b", "k"), jobIdFor("a\u0000k", ""), jobIdFor("a", "\u0000k")]);
    expect(ids.size).toBe(5);
  });

  it("shows a failure's message, never its stack", () => {
    expect(failureMessage({ name: "Error", message: "boom", stack: "Error: boom\n    at secret.ts:1" })).toBe("boom");
    expect(failureMessage(null)).toBe("The job failed.");
  });
});
