import "server-only";
// The key that signs session tokens. Set NEXTAUTH_SECRET in production. With the embedded
// database (a local, zero-config install) a random secret is generated once and kept beside
// the data, so sessions survive restarts; with a real Postgres in production a missing secret
// is a start-up error.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir, type Env } from "@/lib/env";

export class MissingSecretError extends Error {
  constructor() {
    super(
      "NEXTAUTH_SECRET is not set. In production with DATABASE_URL, set it to a random value of at least 32 characters, e.g. NEXTAUTH_SECRET=$(openssl rand -base64 32).",
    );
    this.name = "MissingSecretError";
  }
}

export function secretFile(e: Env): string {
  return path.join(dataDir(e), "auth-secret");
}

/** Returns the signing secret, generating the embedded-mode one if needed. */
export function resolveAuthSecret(e: Env, opts: { create: boolean } = { create: true }): string {
  if (e.NEXTAUTH_SECRET) return e.NEXTAUTH_SECRET;
  const mayGenerate = !e.DATABASE_URL || e.NODE_ENV !== "production";
  if (!mayGenerate) throw new MissingSecretError();
  const file = secretFile(e);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  if (!opts.create) throw new MissingSecretError();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}
