import "server-only";
// The link that confirms a sign-up carries the whole pending sign-up, sealed (AES-256-GCM, a key
// derived from the auth secret for this use alone): nothing is stored until the person proves they
// read the address's mail, so an unconfirmed sign-up leaves no row behind and a stranger cannot
// hold an address they do not own. The password travels only as its argon2 hash, and sealed.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { resolveAuthSecret } from "./secret";

export type PendingSignUp = {
  name: string;
  email: string;
  passwordHash: string;
  organizationName: string;
  timeZone: string;
  weekStartsOn: number;
  currency: string;
  locale: string;
  /** Epoch milliseconds after which the link no longer works. */
  expiresAt: number;
};

const PURPOSE = "leadlag:sign-up-link:v1";

function key(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "leadlag-sign-up", PURPOSE, 32));
}

/** `pending` as a URL-safe token: iv · ciphertext · tag, base64url, dot-separated. */
export function sealSignUp(pending: PendingSignUp, secret = resolveAuthSecret(env())): string {
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", key(secret), iv);
  c.setAAD(Buffer.from(PURPOSE));
  const body = Buffer.concat([c.update(JSON.stringify(pending), "utf8"), c.final()]);
  return `${iv.toString("base64url")}.${body.toString("base64url")}.${c.getAuthTag().toString("base64url")}`;
}

/** The pending sign-up a token carries, or null when it was altered or sealed with another key. */
export function openSignUp(token: string, secret = resolveAuthSecret(env())): PendingSignUp | null {
  const [iv, body, tag, ...rest] = token.split(".");
  if (!iv || !body || !tag || rest.length) return null;
  try {
    const d = createDecipheriv("aes-256-gcm", key(secret), Buffer.from(iv, "base64url"));
    d.setAAD(Buffer.from(PURPOSE));
    d.setAuthTag(Buffer.from(tag, "base64url"));
    const json = Buffer.concat([d.update(Buffer.from(body, "base64url")), d.final()]).toString("utf8");
    return JSON.parse(json) as PendingSignUp;
  } catch {
    return null;
  }
}
