// How the benchmarks time a call: one warm-up (caches, JIT, the planner), then each run on its own.

/** The p-th percentile of ascending samples, by rank (the ⌊p% · n⌋-th sample, 0-based). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Milliseconds of `runs` calls of `fn` after one warm-up call, in ascending order. */
export async function timeRuns(runs: number, fn: () => unknown): Promise<number[]> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b);
}

/** The median and 95th percentile of `runs` timed calls. */
export async function timeP50P95(runs: number, fn: () => unknown): Promise<{ p50: number; p95: number }> {
  const samples = await timeRuns(runs, fn);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}
