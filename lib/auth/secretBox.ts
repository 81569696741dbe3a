import "server-only";
// Secrets the server keeps but never shows again (an SSO connection's client secret) and small
// state it hands the browser to carry (the SSO sign-in's PKCE verifier, state and nonce; a pending
// sign-up in its confirmation link) are
// sealed with AES-256-GCM: confidential and tamper-evident. The key is derived (HKDF-SHA256)
// from the auth secret, one key per purpose, so a value sealed for one use opens for no other.
// Rotating NEXTAUTH_SECRET makes stored client secrets unreadable: admins enter them again.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { resolveAuthSecret } from "./secret";

export type SealPurpose = "sso-client-secret" | "sso-flow" | "sign-up-link" | "team-webhook";

const VERSION = "v1";

function keyFor(purpose: SealPurpose, secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "leadlag-secret-box", `leadlag:${purpose}`, 32));
}

/** `plain` sealed as `v1.<iv>.<ciphertext>.<tag>` (base64url). */
export function seal(plain: string, purpose: SealPurpose, secret = resolveAuthSecret(env())): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose, secret), iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

/** The plain text of a sealed value, or null when it was altered, sealed for another purpose or with another key. */
export function open(sealed: string, purpose: SealPurpose, secret = resolveAuthSecret(env())): string | null {
  const parts = sealed.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  try {
    const [, iv, body, tag] = parts as [string, string, string, string];
    const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose, secret), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
