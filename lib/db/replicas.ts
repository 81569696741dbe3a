import "server-only";
// Read replicas with read-your-writes (docs/scaling.md, "Read replicas"). When
// DATABASE_REPLICA_URLS names replicas, the read queries of a page (lib/queries through
// lib/views) may go to one of them; everything else stays on the primary:
// - services (mutations, their transactions and the reads inside them) always use the primary;
// - a request that is not a GET/HEAD (a form post, a server action, an API write) reads from the
//   primary, so what it returns reflects what it just wrote;
// - after a write the response sets a short-lived cookie, and the same browser's reads go to the
//   primary until it expires, so the page it lands on next shows its own change even while a
//   replica lags behind.
// A second PrismaClient per replica rather than @prisma/extension-read-replicas: that extension
// routes model reads only (our aggregations are $queryRaw, which it keeps on the primary), it
// has no notion of read-your-writes, and `$extends` changes the client's type so services typed
// with Prisma.TransactionClient no longer accept it.
import { openAdapter, type PoolSettings } from "./adapter";
import { makeClient, type Db } from "./client";

/** The cookie that keeps a browser's reads on the primary just after it wrote. */
export const PRIMARY_COOKIE = "leadlag-primary-until";
/** How long after a write reads stay on the primary: comfortably above the replicas' usual lag. */
export const READ_YOUR_WRITES_MS = 10_000;

export type CookieToSet = {
  name: string;
  value: string;
  maxAge: number;
  httpOnly: true;
  sameSite: "lax";
  path: "/";
};

/** The cookie a response that wrote sets: reads stay on the primary until `now + windowMs`. */
export function primaryCookie(now: Date, windowMs: number = READ_YOUR_WRITES_MS): CookieToSet {
  return {
    name: PRIMARY_COOKIE,
    value: String(now.getTime() + windowMs),
    maxAge: Math.ceil(windowMs / 1000),
    httpOnly: true,
    sameSite: "lax",
    path: "/",
  };
}

export type ReadRequest = {
  method: string;
  /** The PRIMARY_COOKIE's value, if the browser sent one. */
  primaryUntil?: string;
  /** This request has written already (a service ran). */
  wrote?: boolean;
};

/** Must this request read from the primary (true) or may it read from a replica (false)? */
export function readsFromPrimary(request: ReadRequest, now: Date): boolean {
  const method = request.method.toUpperCase();
  if (method !== "GET" && method !== "HEAD") return true;
  if (request.wrote) return true;
  const until = Number(request.primaryUntil);
  return Number.isFinite(until) && until > now.getTime();
}

export type ReadClients = { primary: Db; replicas: readonly Db[] };

/** The client a request's reads use: the primary when it must, else the replicas in turn. */
export function readDb(clients: ReadClients, fromPrimary: boolean): Db {
  const { primary, replicas } = clients;
  if (fromPrimary || replicas.length === 0) return primary;
  const replica = replicas[turn++ % replicas.length]!;
  return replica;
}
let turn = 0;

export type OpenedReplicas = { replicas: Db[]; close(): Promise<void> };

/** One client per replica URL (none when the list is empty), pooled like the primary. */
export async function openReplicas(urls: readonly string[], pool?: Partial<PoolSettings>): Promise<OpenedReplicas> {
  const opened = await Promise.all(urls.map((url) => openAdapter({ kind: "postgres", url }, pool)));
  const replicas = opened.map((o) => makeClient(o.factory));
  return {
    replicas,
    close: async () => {
      await Promise.all(replicas.map((r) => r.$disconnect()));
      await Promise.all(opened.map((o) => o.close()));
    },
  };
}
