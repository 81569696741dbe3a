import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { MissingSecretError, resolveAuthSecret, secretFile } from "./secret";

const PG_URL = "postgres://postgres@127.0.0.1:5432/leadlag";

describe("resolveAuthSecret", () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "leadlag-secret-"));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("generates a secret once in embedded mode, keeps it in the data dir and returns it again", () => {
    const dataDir = path.join(dir, "data");
    const e = parseEnv({ NODE_ENV: "production", LEADLAG_DATA_DIR: dataDir });
    const file = secretFile(e);
    expect(file).toBe(path.join(dataDir, "auth-secret"));
    expect(existsSync(file)).toBe(false);

    const first = resolveAuthSecret(e);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o077).toBe(0);

    // A later start (a fresh parse of the same environment) reads the same value.
    expect(resolveAuthSecret(parseEnv({ NODE_ENV: "production", LEADLAG_DATA_DIR: dataDir }))).toBe(first);
  });

  it("gives different data dirs different secrets", () => {
    const a = resolveAuthSecret(parseEnv({ LEADLAG_DATA_DIR: path.join(dir, "a") }));
    const b = resolveAuthSecret(parseEnv({ LEADLAG_DATA_DIR: path.join(dir, "b") }));
    expect(a).not.toBe(b);
  });

  it("refuses to start in production with DATABASE_URL and no secret, saying what to set", () => {
    const e = parseEnv({ NODE_ENV: "production", DATABASE_URL: PG_URL, LEADLAG_DATA_DIR: dir });
    expect(() => resolveAuthSecret(e)).toThrow(MissingSecretError);
    expect(() => resolveAuthSecret(e)).toThrow(/NEXTAUTH_SECRET is not set.*at least 32 characters.*openssl rand/);
    expect(existsSync(secretFile(e))).toBe(false);
  });

  it("generates one outside production even with DATABASE_URL", () => {
    const e = parseEnv({ NODE_ENV: "development", DATABASE_URL: PG_URL, LEADLAG_DATA_DIR: dir });
    const secret = resolveAuthSecret(e);
    expect(resolveAuthSecret(e)).toBe(secret);
  });

  it("does not create a file when asked not to", () => {
    const e = parseEnv({ LEADLAG_DATA_DIR: dir });
    expect(() => resolveAuthSecret(e, { create: false })).toThrow(MissingSecretError);
    expect(existsSync(secretFile(e))).toBe(false);
  });

  it("uses an explicit NEXTAUTH_SECRET over a generated one, in every mode", () => {
    const explicit = "s".repeat(40);
    const embedded = parseEnv({ LEADLAG_DATA_DIR: dir });
    resolveAuthSecret(embedded); // a generated one exists now
    expect(resolveAuthSecret(parseEnv({ LEADLAG_DATA_DIR: dir, NEXTAUTH_SECRET: explicit }))).toBe(explicit);
    expect(
      resolveAuthSecret(parseEnv({ NODE_ENV: "production", DATABASE_URL: PG_URL, LEADLAG_DATA_DIR: dir, NEXTAUTH_SECRET: explicit })),
    ).toBe(explicit);
  });
});
