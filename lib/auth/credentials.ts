import "server-only";
// Checking an email and password at sign-in, within the rate limits (./rateLimits.ts):
// - failures count per account and address, per account, and per address, for unknown emails as
//   for known ones (so a lock tells nothing about whether an account exists); a locked key is
//   refused before any password is checked, even the right one;
// - an unknown email, an account without a password (SSO only) or a malformed address is checked
//   against a fixed dummy hash of the same cost, so it takes as long as a known email with a
//   wrong password;
// - a success clears the failures of that account from that address.
import type { Db } from "@/lib/db/client";
import { credentialsSchema } from "@/lib/schemas/auth";
import { hashPassword, verifyPassword } from "./password";
import { accountKey, rateLimiterFor, type LimitKeys, type RateLimiter } from "./rateLimits";

/** Hashed once per process with the real options, so checking against it costs what a real check costs. */
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword("not-a-real-password-0"));

export type SignedInUser = { id: string; email: string; name: string };

/**
 * The person these credentials sign in, or null (wrong password, unknown email, malformed input).
 * Throws RateLimitedError ("Too many sign-in attempts. Try again in 14 minutes.") when a limit
 * is reached.
 */
export async function checkCredentials(db: Db, raw: unknown, ip: string, limiter: RateLimiter = rateLimiterFor(db)): Promise<SignedInUser | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) {
    // Malformed (no account can have such an address): the same work and count as any failure.
    await limiter.check({ signInIp: ip });
    const password = (raw as { password?: unknown } | null)?.password;
    await verifyPassword(await dummy(), typeof password === "string" ? password : "");
    await limiter.fail({ signInIp: ip });
    return null;
  }
  const email = accountKey(parsed.data.email);
  const keys = { signInAccountIp: `${email}|${ip}`, signInAccount: email, signInIp: ip } satisfies LimitKeys;
  const counted = await limiter.check(keys);
  const user = await verifyCredentials(db, email, parsed.data.password);
  if (!user) {
    await limiter.fail(keys);
    return null;
  }
  if (counted.signInAccountIp) await limiter.clear({ signInAccountIp: keys.signInAccountIp });
  return user;
}

/**
 * The account `email` and `password` open, or null: one lookup and one argon2 check whether or
 * not the email has an account (or a password), so the time taken does not tell. The limits
 * around it do the same work for known and unknown emails.
 */
export async function verifyCredentials(db: Db, email: string, password: string): Promise<SignedInUser | null> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummy()), password);
  return user?.passwordHash && ok ? { id: user.id, email: user.email, name: user.name } : null;
}
