// Ordinary least squares with an intercept and its inference from the t distribution: the
// building block of the lead → lag analysis and of the lag forecasts. Pure; no I/O.
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";

export type Ols = {
  n: number;
  slope: number;
  intercept: number;
  /** Pearson correlation; null when either series is constant. */
  r: number | null;
  r2: number | null;
  /** Standard error of the slope. */
  slopeSE: number;
  /** Two-sided p-value of slope = 0; null when it cannot be computed (constant y). */
  p: number | null;
  /** 95% confidence interval of the slope. */
  ci95: [number, number];
  /** Residual standard error s = sqrt(SSE / (n − 2)). */
  residualSE: number;
  meanX: number;
  sxx: number;
};

/**
 * P(T > t) for Student's t with `df` degrees of freedom. The upper tail is read from the lower
 * one by symmetry (stdlib evaluates the lower tail from the incomplete beta function directly),
 * so a tiny tail keeps its digits: 1 − cdf(t) would cancel to exactly 0 beyond t ≈ 8.
 */
export function tSurvival(t: number, df: number): number {
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  return tCdf(-t, df);
}

/** Two-sided p-value of a t statistic with `df` degrees of freedom. */
export function twoSidedP(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  return Math.min(1, 2 * tSurvival(Math.abs(t), df));
}

/** The t quantile for a two-sided interval of the given confidence (e.g. 0.95). */
export function tCritical(confidence: number, df: number): number {
  return tQuantile(1 - (1 - confidence) / 2, df);
}

/**
 * Fits y = intercept + slope·x. Null when it cannot be fitted: fewer than 3 points (no degrees
 * of freedom left for the error) or a constant x.
 */
export function ols(x: readonly number[], y: readonly number[]): Ols | null {
  const n = x.length;
  if (n !== y.length) throw new Error("x and y must have the same length");
  if (n < 3) return null;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i]!;
    sy += y[i]!;
  }
  const meanX = sx / n;
  const meanY = sy / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - meanX;
    const dy = y[i]! - meanY;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  // Relative to the data's scale, so a series that is constant up to rounding counts as constant.
  if (sxx <= 1e-12 * Math.max(1, meanX * meanX) * n) return null;
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  const sse = Math.max(0, syy - slope * sxy);
  const df = n - 2;
  const residualSE = Math.sqrt(sse / df);
  const slopeSE = residualSE / Math.sqrt(sxx);
  const constantY = syy <= 1e-12 * Math.max(1, meanY * meanY) * n;
  const r = constantY ? null : Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  let p: number | null;
  if (constantY) p = null;
  else if (slopeSE === 0) p = 0; // a perfect fit
  else p = twoSidedP(slope / slopeSE, df);
  const half = slopeSE === 0 ? 0 : tCritical(0.95, df) * slopeSE;
  return { n, slope, intercept, r, r2: r == null ? null : r * r, slopeSE, p, ci95: [slope - half, slope + half], residualSE, meanX, sxx };
}

/** Δ of a series with gaps: an element is null when it or its predecessor is missing. */
export function firstDifference(series: readonly (number | null)[]): (number | null)[] {
  return series.map((v, i) => {
    const prev = i > 0 ? series[i - 1] : null;
    return v == null || prev == null ? null : v - prev;
  });
}
