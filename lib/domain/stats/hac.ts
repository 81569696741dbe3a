// Newey–West (HAC) standard error of an OLS slope: weekly changes of business measures are
// autocorrelated, and the classical standard error then understates the uncertainty. Bartlett
// weights, the Newey–West lag rule and the small-sample factor n / (n − 2), as statsmodels'
// `fit(cov_type="HAC", cov_kwds={"maxlags": L, "use_correction": True}, use_t=True)`.
import { tCritical, twoSidedP } from "./ols";

export type HacSlope = {
  /** Newey–West standard error of the slope. */
  se: number;
  /** 95% interval of the slope from the t distribution with n − 2 degrees of freedom. */
  ci95: [number, number];
  /** Two-sided p-value of slope = 0 with the HAC standard error. */
  p: number;
  /** Autocovariance lags in the Bartlett kernel. */
  maxLags: number;
};

/** The Newey–West (1994) rule of thumb: ⌊4 (n / 100)^(2/9)⌋. */
export function neweyWestLags(n: number): number {
  return Math.floor(4 * Math.pow(n / 100, 2 / 9));
}

/**
 * HAC inference for the slope of y = a + b·x (points in time order). With x centred the
 * slope's variance is the long-run variance of v_t = (x_t − x̄)·e_t divided by Sxx².
 * Null when the slope cannot be fitted (fewer than 3 points, constant x).
 */
export function hacSlope(x: readonly number[], y: readonly number[], maxLags = neweyWestLags(x.length)): HacSlope | null {
  const n = x.length;
  if (n !== y.length) throw new Error("x and y must have the same length");
  if (n < 3) return null;
  const meanX = x.reduce((s, v) => s + v, 0) / n;
  const meanY = y.reduce((s, v) => s + v, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i]! - meanX) ** 2;
    sxy += (x[i]! - meanX) * (y[i]! - meanY);
  }
  if (sxx <= 1e-12 * Math.max(1, meanX * meanX) * n) return null;
  const slope = sxy / sxx;
  const v = x.map((xi, i) => (xi - meanX) * (y[i]! - meanY - slope * (xi - meanX)));
  const L = Math.max(0, Math.min(n - 1, Math.floor(maxLags)));
  let s = 0;
  for (let t = 0; t < n; t++) s += v[t]! * v[t]!;
  for (let l = 1; l <= L; l++) {
    let g = 0;
    for (let t = l; t < n; t++) g += v[t]! * v[t - l]!;
    s += 2 * (1 - l / (L + 1)) * g;
  }
  const variance = (Math.max(0, s) / (sxx * sxx)) * (n / (n - 2));
  const se = Math.sqrt(variance);
  const half = tCritical(0.95, n - 2) * se;
  const p = se === 0 ? (slope === 0 ? 1 : 0) : twoSidedP(slope / se, n - 2);
  return { se, ci95: [slope - half, slope + half], p, maxLags: L };
}
