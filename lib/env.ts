// Every environment variable Leadlag reads, validated by one zod schema. A bad value fails at
// start-up with a message that names the variable and says what to set.
import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "postgres:" || u.protocol === "postgresql:") && u.hostname !== "";
    } catch {
      return false;
    }
  }, "must be a PostgreSQL connection URL such as postgres://user:password@127.0.0.1:5432/leadlag (or unset it to use the embedded database)");

/** An IP address or a host name; not a URL, and no port (PORT says that). */
const listenAddress = z
  .string()
  .trim()
  .refine(
    (v) => isIP(v) !== 0 || /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(v),
    "must be an address to listen on, such as 127.0.0.1, 0.0.0.0, ::1 or localhost (no http://, no port: set PORT)",
  );

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A whole number within bounds; `unit` names what it counts in the message. */
const wholeNumber = (unit: string, min: number, max: number) =>
  z.coerce
    .number({ error: `must be a number of ${unit}` })
    .int(`must be a whole number of ${unit}`)
    .min(min, `must be at least ${min} ${unit}`)
    .max(max, `must be at most ${max} ${unit}`);

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.preprocess(emptyToUndefined, postgresUrl.optional()),
  /** Read replicas of DATABASE_URL, comma-separated, for pages' reads (docs/scaling.md). */
  DATABASE_REPLICA_URLS: z.preprocess(
    (v) => (typeof v === "string" ? v.split(",").map((u) => u.trim()).filter(Boolean) : v),
    z.array(postgresUrl).default([]),
  ),
  LEADLAG_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default(".data")),
  PORT: z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error: "must be a port number" }).int("must be a whole number").min(1).max(65535).default(3000),
  ),
  /** The address the server listens on; unset: every interface. 127.0.0.1 keeps it on loopback
   *  (behind a reverse proxy on the same machine, `npm run soak`, the browser tests). */
  HOST: z.preprocess(emptyToUndefined, listenAddress.optional()),
  /** HOST's earlier name, still read when HOST is unset. */
  LEADLAG_HOST: z.preprocess(emptyToUndefined, listenAddress.optional()),
  NEXTAUTH_SECRET: z.preprocess(
    emptyToUndefined,
    z.string().min(32, "must be at least 32 characters (generate one with: openssl rand -base64 32)").optional(),
  ),
  /** Seed the demo organization when the database has no organization yet. */
  LEADLAG_SEED_DEMO: z.preprocess(
    emptyToUndefined,
    z.enum(["true", "false"], { error: "must be true or false" }).default("true").transform((v) => v === "true"),
  ),
  NEXTAUTH_URL: z.preprocess(emptyToUndefined, z.url("must be the app's public URL, e.g. http://localhost:3000").optional()),
  /** Who may create an organization: anyone (`open`), or only invited people (`invite-only`;
   *  the very first visit to an empty instance still creates the first owner). */
  LEADLAG_SIGNUP: z.preprocess(emptyToUndefined, z.enum(["open", "invite-only"], { error: "must be open or invite-only" }).default("open")),
  /** smtp://user:pass@host:587 or smtps://…:465. Unset: emails go to the outbox (Settings → Outbox)
   *  and their links to the server log. */
  SMTP_URL: z.preprocess(
    emptyToUndefined,
    z
      .url("must be an SMTP URL such as smtp://user:password@mail.example.com:587 (or unset it to keep emails in the outbox)")
      .refine((v) => /^smtps?:$/.test(new URL(v).protocol), "must start with smtp:// or smtps://")
      .optional(),
  ),
  /** The sender of every email. */
  EMAIL_FROM: z.preprocess(emptyToUndefined, z.string().trim().min(3).default("Leadlag <no-reply@leadlag.local>")),
  // Sign-in limits (lib/auth/rateLimits.ts; README, "Sign-in limits").
  /** Failed sign-ins of one account from one address in a row before the account is locked
   *  there (and, at three times as many from any addresses, everywhere). */
  LEADLAG_SIGN_IN_MAX_FAILURES: z.preprocess(emptyToUndefined, wholeNumber("attempts", 2, 1000).default(10)),
  /** How long such a lock lasts. */
  LEADLAG_SIGN_IN_LOCK_MINUTES: z.preprocess(emptyToUndefined, wholeNumber("minutes", 1, 1440).default(15)),
  /** Failed sign-ins from one address in an hour, whatever the accounts, before it is locked for an hour. */
  LEADLAG_SIGN_IN_MAX_FAILURES_PER_IP: z.preprocess(emptyToUndefined, wholeNumber("attempts", 2, 1_000_000).default(100)),
  // Load: how much the server takes on at once, and how it says no (README, "Under load").
  /** PostgreSQL connections the server's pool opens at most. */
  LEADLAG_DB_POOL_MAX: z.preprocess(emptyToUndefined, wholeNumber("connections", 1, 1000).default(10)),
  /** How long a query waits for a free connection (or a new one to open) before a 503. */
  LEADLAG_DB_POOL_TIMEOUT_MS: z.preprocess(emptyToUndefined, wholeNumber("milliseconds", 100, 600_000).default(5_000)),
  /** PostgreSQL cancels a statement of a web request after this long (0 = never). Long jobs
   *  (imports) raise it for their own transaction. */
  LEADLAG_STATEMENT_TIMEOUT_MS: z.preprocess(emptyToUndefined, wholeNumber("milliseconds", 0, 3_600_000).default(30_000)),
  /** Pages and API requests being answered at once; more wait in a queue. Unset: half the pool
   *  (a request uses up to two connections at once), so requests never wait for a connection. */
  LEADLAG_MAX_CONCURRENT_REQUESTS: z.preprocess(emptyToUndefined, wholeNumber("requests", 1, 10_000).optional()),
  /** Requests that may wait for a turn; beyond it the server answers 503 at once. */
  LEADLAG_REQUEST_QUEUE: z.preprocess(emptyToUndefined, wholeNumber("requests", 0, 100_000).default(100)),
  /** How long a request waits in that queue before a 503. */
  LEADLAG_REQUEST_QUEUE_TIMEOUT_MS: z.preprocess(emptyToUndefined, wholeNumber("milliseconds", 0, 600_000).default(10_000)),
  // Report exports: how many run at once and for how long (README, "Report exports").
  /** Exports one organization may have under way (working or waiting) at once; another is refused with 429. */
  LEADLAG_EXPORTS_PER_ORGANIZATION: z.preprocess(emptyToUndefined, wholeNumber("exports", 1, 100).default(1)),
  /** Exports one worker process runs at once (the export job's concurrency); more wait their turn in the queue. */
  LEADLAG_EXPORTS_PER_SERVER: z.preprocess(emptyToUndefined, wholeNumber("exports", 1, 64).default(2)),
  /** How long one export may work; past it the export stops and is marked failed, nothing saved. */
  LEADLAG_EXPORT_BUDGET_MS: z.preprocess(emptyToUndefined, wholeNumber("milliseconds", 1_000, 3_600_000).default(120_000)),
  // Background jobs (lib/jobs/queue.ts; README, "Background jobs").
  /** What this process runs: the web server and the job worker (`all`), or one of them. With the
   *  embedded database only `all` works: one process owns its data directory. */
  LEADLAG_ROLE: z.preprocess(emptyToUndefined, z.enum(["all", "web", "worker"], { error: "must be all, web or worker" }).default("all")),
  /** On SIGTERM the worker stops taking jobs and gives those at work this long to finish; the rest
   *  are picked up again by another worker (or this one after its restart). */
  LEADLAG_WORKER_STOP_TIMEOUT_MS: z.preprocess(emptyToUndefined, wholeNumber("milliseconds", 0, 600_000).default(20_000)),
  /** How often the worker looks for reminders and digests that are due (a cron expression, read
   *  in UTC), or `off`: none go out on their own (an admin saving a schedule still sends what it
   *  makes due). The e2e server turns it off so that a spec decides when mail goes out. */
  LEADLAG_NOTIFICATION_TICK_CRON: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .refine((v) => v === "off" || /^\S+( \S+){4}$/.test(v), "must be a cron expression of five fields such as */5 * * * * (or off)")
      .default("*/5 * * * *"),
  ),
  /** Team webhooks (Slack, Teams) may post to private, loopback and link-local addresses: only for a
   *  chat server inside your own network. Off, such a URL is refused when saved and when posted to
   *  (after DNS, so a public name that resolves inside is refused too). */
  LEADLAG_WEBHOOKS_ALLOW_PRIVATE: z.preprocess(
    emptyToUndefined,
    z.enum(["true", "false"], { error: "must be true or false" }).default("false").transform((v) => v === "true"),
  ),
  /** Behind a reverse proxy that terminates TLS: trust its X-Forwarded-Proto (HSTS is sent when it
   *  says https) and X-Forwarded-Host (a same-origin write may name that host). Only set it when
   *  every request reaches the app through that proxy. */
  LEADLAG_TRUST_PROXY: z.preprocess(
    emptyToUndefined,
    z.enum(["true", "false"], { error: "must be true or false" }).default("false").transform((v) => v === "true"),
  ),
  /** For tests: a fixed "now" (see lib/clock.ts). */
  LEADLAG_CLOCK: z.preprocess(
    emptyToUndefined,
    z.iso
      .datetime({ offset: true, error: "must be an instant in ISO 8601 such as 2026-11-18T10:00:00Z (or unset it to use the real time)" })
      .transform((v) => new Date(v))
      .optional(),
  ),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(public readonly issues: string[]) {
    super(`Invalid environment:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "environment"} ${i.message}`));
  }
  return result.data;
}

let cached: Env | undefined;
/** The validated environment of this process. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

/** Absolute path of the embedded database's data directory and its companions. */
export function dataDir(e: Env = env()): string {
  return path.resolve(e.LEADLAG_DATA_DIR);
}

/** The address the server listens on (HOST, or its earlier name); undefined: every interface. */
export function listenHost(e: Env = env()): string | undefined {
  return e.HOST ?? e.LEADLAG_HOST;
}

/** The app's public origin, for links in emails: NEXTAUTH_URL, else http://<HOST>:PORT, where an
 *  unset or every-interface HOST reads as localhost. */
export function appOrigin(e: Env = env()): string {
  if (e.NEXTAUTH_URL) return e.NEXTAUTH_URL.replace(/\/+$/, "");
  const host = listenHost(e);
  const name = !host || host === "0.0.0.0" || host === "::" ? "localhost" : isIP(host) === 6 ? `[${host}]` : host;
  return `http://${name}:${e.PORT}`;
}

/** The public URL is https: cookies are `Secure` (and next-auth's get the `__Secure-` prefix). */
export function secureCookies(e: Env = env()): boolean {
  return appOrigin(e).startsWith("https://");
}
