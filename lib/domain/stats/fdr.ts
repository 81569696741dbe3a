// Benjamini–Hochberg q-values: when a page or a report states verdicts on many lead → lag pairs at
// once, some would pass p < 0.05 by chance alone. Calling a pair only when q ≤ 0.05 keeps the
// expected share of false findings among the pairs called at or below 5%. Pure; no I/O.

/**
 * The BH-adjusted p-value (q) of each p, in the input's order: q(i) = min over j with
 * p(j) ≥ p(i) of m·p(j)/rank(j), capped at 1. A null p (nothing tested) stays null and does not
 * count towards m.
 */
export function bhQValues(ps: readonly (number | null)[]): (number | null)[] {
  const tested = ps.map((p, i) => ({ p, i })).filter((x): x is { p: number; i: number } => x.p != null && Number.isFinite(x.p));
  const m = tested.length;
  const out: (number | null)[] = ps.map(() => null);
  tested.sort((a, b) => b.p - a.p);
  let running = 1;
  tested.forEach(({ p, i }, j) => {
    const rank = m - j;
    running = Math.min(running, (m * p) / rank);
    out[i] = Math.min(1, Math.max(0, running));
  });
  return out;
}
