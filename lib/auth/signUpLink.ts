import "server-only";
// The link that confirms a sign-up carries the whole pending sign-up, sealed (AES-256-GCM, a key
// derived from the auth secret for this use alone, lib/auth/secretBox.ts): nothing is stored until the person proves they
// read the address's mail, so an unconfirmed sign-up leaves no row behind and a stranger cannot
// hold an address they do not own. The password travels only as its argon2 hash, and sealed.
import { env } from "@/lib/env";
import { resolveAuthSecret } from "./secret";
import { open, seal } from "./secretBox";

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

/** `pending` sealed as a URL-safe token (lib/auth/secretBox.ts: a key for this use alone). */
export function sealSignUp(pending: PendingSignUp, secret = resolveAuthSecret(env())): string {
  return seal(JSON.stringify(pending), "sign-up-link", secret);
}

/** The pending sign-up a token carries, or null when it was altered or sealed with another key. */
export function openSignUp(token: string, secret = resolveAuthSecret(env())): PendingSignUp | null {
  const json = open(token, "sign-up-link", secret);
  return json === null ? null : (JSON.parse(json) as PendingSignUp);
}
