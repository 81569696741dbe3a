// Sign-in limits on every database Leadlag runs on: failed sign-ins lock an account from an
// address after 10 in a row (even the right password is refused until the lock ends), an
// address after many failures whatever the accounts, an account after many failures whatever
// the addresses; other accounts and addresses go on; two servers on one database share the
// counts; and an unknown email costs what a known one with a wrong password costs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCredentials, verifyCredentials } from "@/lib/auth/credentials";
import { RateLimiter, rateLimits, type RateLimits } from "@/lib/auth/rateLimits";
import { openDb, type OpenedDb } from "@/lib/db/client";
import { AppError, RateLimitedError, toErrorBody } from "@/lib/errors";
import { createUser, DEFAULT_PASSWORD } from "@/lib/seed/factories";
import { appErrorOf } from "../helpers/context";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";

const WRONG = "not-the-password-1";
const LOCK = /^Too many sign-in attempts\. Try again in \d+ minutes?\.$/;
let ips = 0;
/** A fresh address per test, so tests never share a per-address count. */
const newIp = () => `203.0.113.${++ips}`;

/** The configured limits with sign-in locks of `lockSeconds`, so a test can wait one out. */
function shortLocks(lockSeconds: number, overrides: Partial<RateLimits> = {}): RateLimits {
  const limits = rateLimits();
  return {
    ...limits,
    signInAccountIp: { ...limits.signInAccountIp, lockSeconds },
    signInAccount: { ...limits.signInAccount, lockSeconds },
    signInIp: { ...limits.signInIp, lockSeconds },
    ...overrides,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2;
};

describe.each(testDbKinds())("sign-in limits [%s]", (kind) => {
  let t: TestDb;

  const person = () => createUser(t.db, {});
  /** Signs in; the lock's message when refused. */
  async function attempt(email: string, password: string, ip: string, limiter?: RateLimiter): Promise<"signed in" | "wrong" | string> {
    try {
      const user = await checkCredentials(t.db, { email, password }, ip, limiter);
      return user ? "signed in" : "wrong";
    } catch (err) {
      if (err instanceof RateLimitedError) return err.message;
      throw err;
    }
  }

  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("the configured limits: 10 failures in a row lock an account from an address for 15 minutes", async () => {
    const { email } = await person();
    const ip = newIp();
    for (let i = 1; i <= 9; i++) expect(await attempt(email, WRONG, ip)).toBe("wrong");
    expect(await attempt(email, WRONG, ip)).toBe("Too many sign-in attempts. Try again in 15 minutes.");
    // The 11th is refused with the right password too, and says how long is left.
    expect(await attempt(email, DEFAULT_PASSWORD, ip)).toMatch(/^Too many sign-in attempts\. Try again in 1[45] minutes\.$/);
  });

  it("a lock holds until it ends, then the right password signs in", async () => {
    const limiter = new RateLimiter(t.db, shortLocks(2));
    const { email } = await person();
    const ip = newIp();
    for (let i = 1; i <= 9; i++) expect(await attempt(email, WRONG, ip, limiter)).toBe("wrong");
    expect(await attempt(email, WRONG, ip, limiter)).toMatch(LOCK);
    const lockedAt = Date.now();
    expect(await attempt(email, DEFAULT_PASSWORD, ip, limiter)).toMatch(LOCK);
    await new Promise((r) => setTimeout(r, Math.max(0, 2_100 - (Date.now() - lockedAt))));
    expect(await attempt(email, DEFAULT_PASSWORD, ip, limiter)).toBe("signed in");
  });

  it("an account locked from an address: other accounts from that address, and the account elsewhere, go on", async () => {
    const [victim, colleague] = [await person(), await person()];
    const office = newIp();
    for (let i = 0; i < 10; i++) await attempt(victim.email, WRONG, office);
    expect(await attempt(victim.email, DEFAULT_PASSWORD, office)).toMatch(LOCK);
    expect(await attempt(colleague.email, WRONG, office)).toBe("wrong");
    expect(await attempt(colleague.email, DEFAULT_PASSWORD, office)).toBe("signed in");
    // The owner, from home, is not locked out by failures from the office (below the per-account limit).
    expect(await attempt(victim.email, DEFAULT_PASSWORD, newIp())).toBe("signed in");
  });

  it("a success clears the failures of that account from that address", async () => {
    const { email } = await person();
    const ip = newIp();
    for (let i = 0; i < 9; i++) expect(await attempt(email, WRONG, ip)).toBe("wrong");
    expect(await attempt(email, DEFAULT_PASSWORD, ip)).toBe("signed in");
    for (let i = 0; i < 9; i++) expect(await attempt(email, WRONG, ip)).toBe("wrong");
    expect(await attempt(email, DEFAULT_PASSWORD, ip)).toBe("signed in");
  });

  it("unknown emails are counted and locked like known ones (a lock tells nothing of an account)", async () => {
    const ip = newIp();
    const nobody = `nobody-${ips}@example.test`;
    for (let i = 1; i <= 9; i++) expect(await attempt(nobody, WRONG, ip)).toBe("wrong");
    expect(await attempt(nobody, WRONG, ip)).toBe("Too many sign-in attempts. Try again in 15 minutes.");
    // The address is the same account whatever its case and spaces.
    expect(await attempt(`  ${nobody.toUpperCase()} `, WRONG, ip)).toMatch(LOCK);
  });

  it("one address failing on many accounts is locked for every account", async () => {
    const limits = rateLimits();
    const limiter = new RateLimiter(t.db, { ...limits, signInIp: { ...limits.signInIp, points: 5 } });
    const ip = newIp();
    const people = await Promise.all([1, 2, 3, 4, 5, 6].map(() => person()));
    for (const p of people.slice(0, 4)) expect(await attempt(p.email, WRONG, ip, limiter)).toBe("wrong");
    expect(await attempt(people[4]!.email, WRONG, ip, limiter)).toBe("Too many sign-in attempts. Try again in 60 minutes.");
    expect(await attempt(people[5]!.email, DEFAULT_PASSWORD, ip, limiter)).toMatch(LOCK);
    // Another address is not affected.
    expect(await attempt(people[5]!.email, DEFAULT_PASSWORD, newIp(), limiter)).toBe("signed in");
  });

  it("the configured per-address limit is 100 failures an hour, so the end-to-end suite (all from 127.0.0.1) stays far below it", () => {
    expect(rateLimits().signInIp).toMatchObject({ points: 100, windowSeconds: 3600 });
  });

  it("one account failing from many addresses is locked everywhere", async () => {
    const limits = rateLimits();
    const limiter = new RateLimiter(t.db, { ...limits, signInAccount: { ...limits.signInAccount, points: 4 } });
    const { email } = await person();
    for (let i = 0; i < 3; i++) expect(await attempt(email, WRONG, newIp(), limiter)).toBe("wrong");
    expect(await attempt(email, WRONG, newIp(), limiter)).toMatch(LOCK);
    expect(await attempt(email, DEFAULT_PASSWORD, newIp(), limiter)).toMatch(LOCK);
  });

  it("two servers on one database share the counts", async () => {
    // A second server: its own limiter and, on PostgreSQL, its own client and connections.
    let second: OpenedDb | undefined;
    if (t.url) second = await openDb({ kind: "postgres", url: t.url });
    try {
      const one = new RateLimiter(t.db);
      const two = new RateLimiter(second?.db ?? t.db);
      const { email } = await person();
      const ip = newIp();
      const tryOn = async (limiter: RateLimiter, password: string) => {
        try {
          return (await checkCredentials(limiter === two && second ? second.db : t.db, { email, password }, ip, limiter)) ? "signed in" : "wrong";
        } catch (err) {
          return err instanceof RateLimitedError ? err.message : Promise.reject(err);
        }
      };
      for (let i = 0; i < 5; i++) expect(await tryOn(one, WRONG)).toBe("wrong");
      for (let i = 0; i < 4; i++) expect(await tryOn(two, WRONG)).toBe("wrong");
      expect(await tryOn(one, WRONG)).toMatch(LOCK);
      expect(await tryOn(two, DEFAULT_PASSWORD)).toMatch(LOCK);
      expect(await tryOn(one, DEFAULT_PASSWORD)).toMatch(LOCK);
    } finally {
      await second?.close();
    }
  });

  it("failures at the same moment are all counted", async () => {
    const limits = rateLimits();
    const limiter = new RateLimiter(t.db, { ...limits, signInIp: { ...limits.signInIp, points: 1000 } });
    const other = new RateLimiter(t.db, limiter.limits);
    const ip = newIp();
    await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? limiter : other).fail({ signInIp: ip })));
    expect(await limiter.check({ signInIp: ip })).toEqual({ signInIp: 30 });
  });

  it("a refusal is a 429 with Retry-After in the error shape", async () => {
    const { email } = await person();
    const ip = newIp();
    for (let i = 0; i < 9; i++) await attempt(email, WRONG, ip);
    const err = await appErrorOf(checkCredentials(t.db, { email, password: WRONG }, ip));
    expect(err).toBeInstanceOf(AppError);
    const { status, body, headers } = toErrorBody(err);
    expect(status).toBe(429);
    expect(headers).toEqual({ "Retry-After": "900" });
    expect(body.error).toMatchObject({ code: "rate_limited", message: "Too many sign-in attempts. Try again in 15 minutes." });
  });

  it("an unknown email takes as long as a known one with a wrong password (medians of 20 tries)", async () => {
    // The account lookup and the password check, timed alone: the limits around them (some 10
    // queries) do the same work for both and would blur a difference an attacker can average out.
    const { email } = await person();
    const sso = await t.db.user.create({ data: { email: `sso-only-${ips}@example.test`, name: "Sam Sso", passwordHash: null } });
    const time = async (who: string) => {
      const started = performance.now();
      expect(await verifyCredentials(t.db, who, WRONG)).toBeNull();
      return performance.now() - started;
    };
    // Warm-up: the dummy hash is made once per process.
    await time("warm-up@example.test");
    const known: number[] = [];
    const unknown: number[] = [];
    const ssoOnly: number[] = [];
    // Interleaved, so load on the machine falls on all alike.
    for (let i = 0; i < 20; i++) {
      known.push(await time(email));
      unknown.push(await time(`nobody-${i}-${ips}@example.test`));
      ssoOnly.push(await time(sso.email));
    }
    for (const [what, times] of [["unknown", unknown], ["SSO-only", ssoOnly]] as const) {
      const ratio = median(times) / median(known);
      const why = `${what} ${median(times).toFixed(1)} ms, known ${median(known).toFixed(1)} ms`;
      expect(ratio, why).toBeGreaterThan(0.5);
      expect(ratio, why).toBeLessThan(2);
    }
    // And through the whole check with its limits, an unknown email is answered like a wrong password.
    expect(await attempt(`nobody-else-${ips}@example.test`, WRONG, newIp())).toBe("wrong");
  });
});
