import { describe, expect, it } from "vitest";
import { safeCallbackUrl, signInReturningTo } from "./callbackUrl";

describe("the page to return to after signing in", () => {
  it("keeps a path on this site, with its query and hash", () => {
    expect(safeCallbackUrl("/teams/abc/check-in?week=2026-11-16#grid")).toBe("/teams/abc/check-in?week=2026-11-16#grid");
    expect(safeCallbackUrl(["/dashboard", "/other"])).toBe("/dashboard");
  });

  it("sends anything that could leave the site to the home page", () => {
    for (const bad of ["https://evil.example/", "//evil.example", "/\\evil.example", "\\\\evil.example", "/\t/evil.example", "javascript:alert(1)", "evil", "", undefined, null]) {
      expect(safeCallbackUrl(bad)).toBe("/");
    }
  });

  it("uses the fallback it is given", () => {
    expect(safeCallbackUrl("https://evil.example", "/account")).toBe("/account");
  });

  it("sends someone signed out to a sign-in that returns to the page asked for, query included", () => {
    expect(signInReturningTo("/teams/abc?week=2026-11-16")).toBe("/sign-in?callbackUrl=%2Fteams%2Fabc%3Fweek%3D2026-11-16");
    expect(signInReturningTo("/")).toBe("/sign-in");
    expect(signInReturningTo(null)).toBe("/sign-in");
    expect(signInReturningTo("//evil.example/x")).toBe("/sign-in");
  });
});
