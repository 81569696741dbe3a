// Timing: p50/p95 of warm samples, with fewer samples when one takes long (so a page that takes
// 15 s is still measured, in bounded time, and says how many samples it got), and the
// concurrent-users load.
import { percentile } from "../timing";

export type Stats = { n: number; p50: number; p95: number; min: number; max: number; mean: number; note?: string };

export function statsOf(samples: number[], note?: string): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    n: s.length,
    p50: r(percentile(s, 50)),
    p95: r(percentile(s, 95)),
    min: r(s[0]!),
    max: r(s[s.length - 1]!),
    mean: r(s.reduce((a, b) => a + b, 0) / s.length),
    ...(note ? { note } : {}),
  };
}

export type SampleOptions = {
  /** Samples wanted (issue #12: at least 30). */
  runs: number;
  /** Untimed calls first (caches, JIT, the planner). */
  warmups: number;
  /** When runs × (the last warm-up) would exceed this, fewer runs are taken (never below minRuns). */
  budgetMs: number;
  minRuns: number;
};

export const DEFAULT_SAMPLING: SampleOptions = { runs: 30, warmups: 2, budgetMs: 90_000, minRuns: 5 };

/** Times `fn` (which throws on a wrong answer) after warm-ups; adapts the count to the budget. */
export async function sample(fn: () => Promise<unknown>, opts: SampleOptions = DEFAULT_SAMPLING): Promise<Stats> {
  // The last warm-up is the first warm call: it sets the pace (the first may be cold).
  let last = 0;
  for (let i = 0; i < opts.warmups; i++) {
    const t = performance.now();
    await fn();
    last = performance.now() - t;
  }
  let runs = opts.runs;
  let note: string | undefined;
  if (last * runs > opts.budgetMs) {
    runs = Math.max(opts.minRuns, Math.floor(opts.budgetMs / Math.max(last, 1)));
    if (runs < opts.runs) note = `only ${runs} samples: a warm call took ${(last / 1000).toFixed(1)} s`;
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return statsOf(samples, note);
}

export type LoadResult = {
  users: number;
  seconds: number;
  requests: number;
  ok: number;
  requestsPerSecond: number;
  latency: Stats | null;
  /** Answers other than 200, by status ("timeout" and "network" for no answer). */
  errors: Record<string, number>;
  errorCount: number;
};

/**
 * `users` workers, each with its own session, request `path` back to back for `seconds`; a
 * request still running at the end is awaited (up to its own timeout). Throughput counts the good
 * answers (200 with the page) over the time until the last answer arrived.
 */
export async function load(baseUrl: string, path: string, cookies: string[], seconds: number, marker: string, timeoutMs: number): Promise<LoadResult> {
  const users = cookies.length;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let requests = 0;
  const worker = async (cookie: string) => {
    while (performance.now() < deadline) {
      requests++;
      const t = performance.now();
      try {
        const res = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
        const body = await res.text();
        if (res.status === 200 && body.includes(marker)) latencies.push(performance.now() - t);
        else {
          const key = res.status === 200 ? "200 without the page" : String(res.status);
          errors[key] = (errors[key] ?? 0) + 1;
        }
      } catch (e) {
        const key = e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError") ? "timeout" : "network";
        errors[key] = (errors[key] ?? 0) + 1;
      }
    }
  };
  await Promise.all(cookies.map(worker));
  const elapsed = (performance.now() - started) / 1000;
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
  return {
    users,
    seconds: Math.round(elapsed * 10) / 10,
    requests,
    ok: latencies.length,
    requestsPerSecond: Math.round((latencies.length / elapsed) * 10) / 10,
    latency: latencies.length ? statsOf(latencies) : null,
    errors,
    errorCount,
  };
}
