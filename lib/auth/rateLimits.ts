import "server-only";
// Rate limits of what an attacker repeats: guessing passwords, asking for reset emails, sending
// invitations, trying invitation links. Counters live in the database (the RateLimit table,
// through rate-limiter-flexible's RateLimiterPrisma store on our Prisma client), so every server
// on one database shares them, on PostgreSQL and on the embedded PGlite alike. Every limit is
// here, by name; the sign-in ones come from the environment (lib/env.ts).
//
// Two ways of counting:
// - failures (`check` before, `fail` after): sign-ins and invitation links. Only failures count;
//   the failure that reaches a limit locks the key for `lockSeconds`.
// - attempts (`take`): reset requests and invitations sent. Each counts; beyond the limit the
//   attempt is refused until its window ends.
// A refusal is a RateLimitedError (429 + Retry-After in the API, the message in a form).
import { RateLimiterPrisma, type RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/db/client";
import { env, type Env } from "@/lib/env";
import { RateLimitedError } from "@/lib/errors";

export type Limit = {
  /** Events allowed within the window (failures, or attempts). */
  points: number;
  windowSeconds: number;
  /** Failures only: how long a key stays locked once it reaches `points`. */
  lockSeconds?: number;
  /** The refusal's first sentence; "Try again in N minutes." follows. */
  refusal: string;
};

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const SIGN_IN = "Too many sign-in attempts.";
const INVITATION_LINKS = "Too many invitation links that do not work were opened from your network.";

/** Every limit, by name. Keys: an account is its lower-cased email, an address its IP. */
export function rateLimits(e: Env = env()) {
  const lockSeconds = e.LEADLAG_SIGN_IN_LOCK_MINUTES * MINUTE;
  return {
    /** Failed sign-ins of one account from one address in a row (a success clears them). */
    signInAccountIp: { points: e.LEADLAG_SIGN_IN_MAX_FAILURES, windowSeconds: DAY, lockSeconds, refusal: SIGN_IN },
    /** Failed sign-ins of one account from any addresses: guessing spread over many machines.
     *  Higher than the per-address limit, so someone else's failures lock an owner out only then. */
    signInAccount: { points: 3 * e.LEADLAG_SIGN_IN_MAX_FAILURES, windowSeconds: HOUR, lockSeconds, refusal: SIGN_IN },
    /** Failed sign-ins from one address, whatever the accounts: trying one password on many. */
    signInIp: { points: e.LEADLAG_SIGN_IN_MAX_FAILURES_PER_IP, windowSeconds: HOUR, lockSeconds: HOUR, refusal: SIGN_IN },
    /** Reset emails asked for one address (whether or not it has an account: the answer must not tell). */
    resetEmail: { points: 5, windowSeconds: HOUR, refusal: "Too many password reset requests for this address." },
    /** Reset emails asked from one IP address. */
    resetIp: { points: 20, windowSeconds: HOUR, refusal: "Too many password reset requests from your network." },
    /** Invitation emails one organization sends (new and sent again). */
    invitationsPerOrganization: { points: 1000, windowSeconds: HOUR, refusal: "Your organization has sent too many invitations this hour." },
    /** Invitation emails one person (or API token's creator) sends. */
    invitationsPerInviter: { points: 500, windowSeconds: HOUR, refusal: "You have sent too many invitations this hour." },
    /** Invitation links that name no invitation, opened or used from one address: token guessing. */
    invitationTokenIp: { points: 20, windowSeconds: HOUR, lockSeconds: HOUR, refusal: INVITATION_LINKS },
  } satisfies Record<string, Limit>;
}

export type LimitName = keyof ReturnType<typeof rateLimits>;
export type RateLimits = Record<LimitName, Limit>;
/** The keys one action is counted under, by limit. */
export type LimitKeys = Partial<Record<LimitName, string>>;

/** "Try again in 14 minutes." (whole minutes, rounded up; at least one). */
export function tryAgainIn(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

function refusal(limit: Limit, ms: number): RateLimitedError {
  return new RateLimitedError(`${limit.refusal} ${tryAgainIn(ms)}`, Math.max(1, Math.ceil(ms / 1000)));
}

const isRefusal = (err: unknown): err is RateLimiterRes => !(err instanceof Error);

/** The limits of one server on one database. Two instances on the same database share counts. */
export class RateLimiter {
  private readonly stores = new Map<LimitName, RateLimiterPrisma>();

  constructor(
    private readonly db: Db,
    readonly limits: RateLimits = rateLimits(),
  ) {}

  private store(name: LimitName): RateLimiterPrisma {
    let store = this.stores.get(name);
    if (!store) {
      const limit = this.limits[name];
      // tableName is the Prisma client's property for the RateLimit model.
      store = new RateLimiterPrisma({ storeClient: this.db, tableName: "rateLimit", keyPrefix: name, points: limit.points, duration: limit.windowSeconds });
      this.stores.set(name, store);
    }
    return store;
  }

  private entries(keys: LimitKeys): [LimitName, string][] {
    return Object.entries(keys).filter((e): e is [LimitName, string] => typeof e[1] === "string");
  }

  /**
   * Refuses (throws RateLimitedError) when any key is locked or used up, naming the longest wait.
   * Returns the failures counted so far by limit, so a success can clear only what is there.
   */
  async check(keys: LimitKeys): Promise<Partial<Record<LimitName, number>>> {
    const states = await Promise.all(this.entries(keys).map(async ([name, key]) => [name, await this.store(name).get(key)] as const));
    let worst: { limit: Limit; ms: number } | undefined;
    const counted: Partial<Record<LimitName, number>> = {};
    for (const [name, res] of states) {
      if (!res) continue;
      counted[name] = res.consumedPoints;
      const limit = this.limits[name];
      if (res.consumedPoints >= limit.points && res.msBeforeNext > (worst?.ms ?? 0)) worst = { limit, ms: res.msBeforeNext };
    }
    if (worst) throw refusal(worst.limit, worst.ms);
    return counted;
  }

  /** Counts a failure under each key. The failure that reaches a limit locks its key and is refused. */
  async fail(keys: LimitKeys): Promise<void> {
    let worst: { limit: Limit; ms: number } | undefined;
    await Promise.all(
      this.entries(keys).map(async ([name, key]) => {
        const limit = this.limits[name];
        const store = this.store(name);
        let res: RateLimiterRes;
        try {
          res = await store.consume(key);
        } catch (err) {
          if (!isRefusal(err)) throw err;
          res = err;
        }
        if (res.consumedPoints < limit.points) return;
        let ms = res.msBeforeNext;
        // Locked from the failure that reached the limit (not from the window's start).
        if (limit.lockSeconds && res.consumedPoints === limit.points) {
          await store.block(key, limit.lockSeconds);
          ms = limit.lockSeconds * 1000;
        }
        if (ms > (worst?.ms ?? 0)) worst = { limit, ms };
      }),
    );
    if (worst) throw refusal(worst.limit, worst.ms);
  }

  /** Counts `points` attempts under each key; refuses (throws) when any limit would be passed. */
  async take(keys: LimitKeys, points = 1): Promise<void> {
    const results = await Promise.allSettled(this.entries(keys).map(([name, key]) => this.store(name).consume(key, points)));
    let worst: { limit: Limit; ms: number } | undefined;
    results.forEach((r, i) => {
      if (r.status === "fulfilled") return;
      if (!isRefusal(r.reason)) throw r.reason;
      const limit = this.limits[this.entries(keys)[i]![0]];
      if (r.reason.msBeforeNext > (worst?.ms ?? 0)) worst = { limit, ms: r.reason.msBeforeNext };
    });
    if (worst) throw refusal(worst.limit, worst.ms);
  }

  /** Forgets the counts of these keys (a successful sign-in clears its account-and-address failures). */
  async clear(keys: LimitKeys): Promise<void> {
    await Promise.all(this.entries(keys).map(([name, key]) => this.store(name).delete(key)));
  }
}

const limiters = new WeakMap<Db, RateLimiter>();

/** This server's limiter on `db`, with the configured limits. */
export function rateLimiterFor(db: Db): RateLimiter {
  let limiter = limiters.get(db);
  if (!limiter) limiters.set(db, (limiter = new RateLimiter(db)));
  return limiter;
}

/** The key of an account: its email as stored (trimmed, lower-case). */
export const accountKey = (email: string) => email.trim().toLowerCase();
