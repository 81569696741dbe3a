import { afterEach, describe, expect, it, vi } from "vitest";

// lib/env caches the environment it parsed, so each case loads the modules afresh.
async function clockWith(value: string | undefined) {
  vi.resetModules();
  if (value === undefined) vi.stubEnv("LEADLAG_CLOCK", undefined);
  else vi.stubEnv("LEADLAG_CLOCK", value);
  return import("./clock");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("now", () => {
  it("is the instant in LEADLAG_CLOCK, however much real time passes", async () => {
    const { now } = await clockWith("2026-11-18T10:00:00Z");
    expect(now().toISOString()).toBe("2026-11-18T10:00:00.000Z");
    await new Promise((r) => setTimeout(r, 5));
    expect(now().toISOString()).toBe("2026-11-18T10:00:00.000Z");
  });

  it("hands out a new Date each time, so a caller changing one changes no other", async () => {
    const { now } = await clockWith("2026-11-18T10:00:00Z");
    now().setUTCFullYear(2000);
    expect(now().getUTCFullYear()).toBe(2026);
  });

  it("is the real time without LEADLAG_CLOCK", async () => {
    const { now } = await clockWith(undefined);
    const before = Date.now();
    const t = now().getTime();
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
  });
});
