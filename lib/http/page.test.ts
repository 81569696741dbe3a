import { describe, expect, it, vi } from "vitest";

// What Next's helpers throw, so each answer can be told apart.
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("404");
  },
  forbidden: () => {
    throw new Error("403");
  },
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
}));
// The page asked for, as proxy.ts hands it on (lib/auth/context.ts reads it for the way back).
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-leadlag-requested-path": "/teams/t1?week=2026-11-16" }),
  cookies: async () => ({ get: () => undefined }),
}));

import { AppError } from "@/lib/errors";
import { pageData } from "./page";

describe("pageData", () => {
  it("gives the loader's data", async () => {
    await expect(pageData(Promise.resolve({ ok: 1 }))).resolves.toEqual({ ok: 1 });
  });

  it("shows the 404 page for not found, the 403 page for forbidden, and sign-in (then back to the page) to the signed out", async () => {
    await expect(pageData(Promise.reject(new AppError("not_found", "Team not found.")))).rejects.toThrow("404");
    await expect(pageData(Promise.reject(new AppError("forbidden", "No.")))).rejects.toThrow("403");
    await expect(pageData(Promise.reject(new AppError("unauthenticated", "Sign in.")))).rejects.toThrow("redirect /sign-in?callbackUrl=%2Fteams%2Ft1%3Fweek%3D2026-11-16");
  });

  it("passes anything else on to the error page", async () => {
    const conflict = new AppError("conflict", "Taken.");
    await expect(pageData(Promise.reject(conflict))).rejects.toBe(conflict);
    const bug = new TypeError("x is undefined");
    await expect(pageData(Promise.reject(bug))).rejects.toBe(bug);
  });
});
