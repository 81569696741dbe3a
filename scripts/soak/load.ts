// The soak's clients: each loops — think, then one request — until the phase ends: an API write
// (a lead entry with its own Idempotency key), a dashboard page as the signed-in manager, or an
// API read. Every answer is tallied by kind and status; a write counts as acknowledged only on a
// 2xx. A 503 with Retry-After is the server saying "not now": the client waits as told (capped)
// and goes on; it is not an error. Any other 5xx, an unexpected 4xx, a timeout or a broken
// connection is an error.
import type { SoakOrg, WriteTarget } from "./seed";

export type Kind = "write" | "page" | "read";

export type Outcome = {
  kind: Kind;
  /** 0: no answer (timeout or connection error). */
  status: number;
  retryAfter: boolean;
  ms: number;
  /** When the request was sent and answered, ms since the load began. */
  sentAt: number;
  doneAt: number;
  error?: string;
};

export type WriteBody = { userId: string; teamId: string; leadMeasureId: string; date: string; value: number; idempotencyKey: string };

export type LoadOptions = {
  baseUrl: string;
  org: SoakOrg;
  /** The signed-in manager's cookie, for the dashboard page; without it pages are read by API. */
  cookie: string | null;
  clients: number;
  durationMs: number;
  /** Each client waits a random 0..thinkMs between requests. */
  thinkMs: number;
  timeoutMs: number;
  /** Prefix of every idempotency key of this load (the rows are counted by it afterwards). */
  keyPrefix: string;
  /** Called with every outcome as it happens (the outage phase times them). */
  onOutcome?: (o: Outcome) => void;
};

export type LoadResult = {
  outcomes: Outcome[];
  /** Every write sent, by key, and whether a 2xx acknowledged it. */
  writes: Map<string, { body: WriteBody; acked: boolean }>;
  seconds: number;
};

const PAGE_MARKER = "Teams at a glance";

/** Is this answer what the soak counts as fine? */
export function isOk(o: Outcome): boolean {
  return (o.status >= 200 && o.status < 300 && !o.error) || isShed(o);
}

/** 503 with Retry-After: the server declined the request on purpose. */
export function isShed(o: Outcome): boolean {
  return o.status === 503 && o.retryAfter;
}

function pick<T>(xs: readonly T[]): T {
  return xs[Math.floor(Math.random() * xs.length)]!;
}

export async function sendWrite(baseUrl: string, token: string, body: WriteBody, timeoutMs: number): Promise<{ status: number; retryAfter: boolean; text: string }> {
  const res = await fetch(`${baseUrl}/api/v1/lead-entries`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: res.status, retryAfter: res.headers.has("retry-after"), text: await res.text() };
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const outcomes: Outcome[] = [];
  const writes = new Map<string, { body: WriteBody; acked: boolean }>();
  const t0 = performance.now();
  const end = t0 + opts.durationMs;
  const { org } = opts;
  let sequence = 0;

  const request = async (kind: Kind, fn: () => Promise<{ status: number; retryAfter: boolean; bad?: string }>) => {
    const sentAt = performance.now() - t0;
    let o: Outcome;
    try {
      const r = await fn();
      const doneAt = performance.now() - t0;
      o = { kind, status: r.status, retryAfter: r.retryAfter, ms: doneAt - sentAt, sentAt, doneAt, error: r.bad };
    } catch (e) {
      const doneAt = performance.now() - t0;
      const error = e instanceof Error ? (e.name === "TimeoutError" ? `timeout after ${opts.timeoutMs} ms` : (e.cause as Error | undefined)?.message ?? e.message) : String(e);
      o = { kind, status: 0, retryAfter: false, ms: doneAt - sentAt, sentAt, doneAt, error };
    }
    outcomes.push(o);
    opts.onOutcome?.(o);
    return o;
  };

  const write = (client: number) => {
    const target: WriteTarget = pick(org.targets);
    const body: WriteBody = {
      ...target,
      date: pick(org.days),
      value: 1 + (sequence % 3),
      idempotencyKey: `${opts.keyPrefix}-${client}-${++sequence}`,
    };
    writes.set(body.idempotencyKey, { body, acked: false });
    return request("write", async () => {
      const r = await sendWrite(opts.baseUrl, org.token, body, opts.timeoutMs);
      if (r.status >= 200 && r.status < 300) writes.get(body.idempotencyKey)!.acked = true;
      return { ...r, bad: r.status >= 400 && !(r.status === 503 && r.retryAfter) ? r.text.slice(0, 200) : undefined };
    });
  };

  const page = () =>
    request("page", async () => {
      const res = await fetch(`${opts.baseUrl}/dashboard`, { headers: { cookie: opts.cookie! }, redirect: "manual", signal: AbortSignal.timeout(opts.timeoutMs) });
      const text = await res.text();
      // A 200 that is not the dashboard (an error page, the sign-in form) is an error too.
      const bad = res.status === 200 && !text.includes(PAGE_MARKER) ? `200 without "${PAGE_MARKER}"` : res.status >= 300 && res.status !== 503 ? `${res.status} ${res.headers.get("location") ?? ""}` : undefined;
      return { status: res.status, retryAfter: res.headers.has("retry-after"), bad };
    });

  const read = () =>
    request("read", async () => {
      const res = await fetch(`${opts.baseUrl}/api/v1/lead-entries?limit=50`, {
        headers: { authorization: `Bearer ${org.token}` },
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
      const text = await res.text();
      return { status: res.status, retryAfter: res.headers.has("retry-after"), bad: res.status >= 400 && res.status !== 503 ? text.slice(0, 200) : undefined };
    });

  const client = async (id: number) => {
    // Spread the clients' first requests over the first second.
    await new Promise((r) => setTimeout(r, Math.random() * 1_000));
    while (performance.now() < end) {
      const roll = Math.random();
      // 60 % writes, 25 % dashboard pages, 15 % API reads (pages by API when not signed in).
      const o = roll < 0.6 ? await write(id) : roll < 0.85 && opts.cookie ? await page() : await read();
      let wait = Math.random() * opts.thinkMs;
      if (isShed(o)) wait = Math.max(wait, 1_000); // Retry-After is in seconds; wait at least one
      if (o.status === 0) wait = Math.max(wait, 500);
      const left = end - performance.now();
      if (left <= 0) break;
      await new Promise((r) => setTimeout(r, Math.min(wait, left)));
    }
  };
  await Promise.all(Array.from({ length: opts.clients }, (_, i) => client(i)));
  return { outcomes, writes, seconds: (performance.now() - t0) / 1000 };
}

/**
 * Writes not acknowledged, sent again with their own keys (20 at a time, each up to five times)
 * as a client that honours idempotency would: 200 means the first attempt had been stored after
 * all, 201 that it had not.
 */
export async function resendUnacknowledged(baseUrl: string, token: string, writes: LoadResult["writes"], timeoutMs: number): Promise<{ resent: number; acked: number; replays: number }> {
  const pending = [...writes.values()].filter((w) => !w.acked);
  let acked = 0;
  let replays = 0;
  const worker = async () => {
    for (let w = pending.pop(); w; w = pending.pop()) {
      for (let attempt = 0; attempt < 5 && !w.acked; attempt++) {
        try {
          const r = await sendWrite(baseUrl, token, w.body, timeoutMs);
          if (r.status >= 200 && r.status < 300) {
            w.acked = true;
            acked++;
            if (r.status === 200) replays++;
            continue;
          }
        } catch {
          // no answer: try again
        }
        await new Promise((res) => setTimeout(res, 1_000));
      }
    }
  };
  const resent = pending.length;
  await Promise.all(Array.from({ length: 20 }, worker));
  return { resent, acked, replays };
}

export type Stats = { n: number; ok: number; shed: number; errors: number; p50: number; p95: number };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function statsOf(outcomes: readonly Outcome[]): Stats {
  const ms = outcomes.filter((o) => o.status !== 0).map((o) => o.ms).sort((a, b) => a - b);
  return {
    n: outcomes.length,
    ok: outcomes.filter((o) => o.status >= 200 && o.status < 300 && !o.error).length,
    shed: outcomes.filter(isShed).length,
    errors: outcomes.filter((o) => !isOk(o)).length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
  };
}

/** The distinct errors, most frequent first: "500 ×3: …". */
export function errorSummary(outcomes: readonly Outcome[], limit = 5): string[] {
  const counts = new Map<string, number>();
  for (const o of outcomes) {
    if (isOk(o)) continue;
    const key = `${o.kind} ${o.status || "no answer"}${o.error ? `: ${o.error.replace(/\s+/g, " ").slice(0, 160)}` : ""}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([k, n]) => `${n} × ${k}`);
}
