// The secrets behind emailed links and API tokens: 32 random bytes, of which only the SHA-256 is
// stored. A fast hash is enough: there is nothing to brute-force in 256 random bits. Invitations,
// password resets and API tokens all mint and look up their secrets here.
import { createHash, randomBytes } from "node:crypto";

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** 32 random bytes, base64url. */
export function randomLinkSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** A new link token and the hash to store. */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomLinkSecret();
  return { token, tokenHash: hashLinkToken(token) };
}
