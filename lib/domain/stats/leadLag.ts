// Does a lead measure predict its lag measure? Method (issue #13, calibrated by calibration.test.ts):
// 1. first-difference both weekly series (a missing week, e.g. before a measure was tracked,
//    leaves a gap, never a zero) and, for each lag k = 0…maxLagWeeks, regress Δlag(t) on
//    Δlead(t−k) by OLS over the weeks where both exist, with Newey–West (HAC) standard errors;
// 2. the strongest lag is the one with the largest |t|, and its family-wise p-value across all
//    the lags tried comes from a permutation test of max |t|: the lead's changes are circularly
//    shifted and moved in blocks (seeded, so the same data always gives the same p), which keeps
//    their short-range autocorrelation and breaks any link with the lag;
// 3. "predictive" also needs the lead to predict: in a rolling-origin one-step-ahead test, the
//    regression on the lagged lead must beat the no-lead forecast (the lag's mean change).
// Across a set of pairs, verdictOf takes the Benjamini–Hochberg q-value instead of the pair's p.
// The wording never claims more than that: an association in the data so far, never a cause.
// The series' unit is a week, or a month (a quarter) for a lag measure observed monthly
// (quarterly): nothing in the method assumes weeks — n counts paired changes of the series' unit,
// the blocks of the permutation and the forecast origins are in that unit — only the words do.
import { bhQValues } from "./fdr";
import { hacSlope } from "./hac";
import { firstDifference, ols } from "./ols";
import { createRng } from "./random";

export type Direction = "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
/** The time step of the series analysed: a lag measure's own cadence. */
export type SeriesUnit = "week" | "month" | "quarter";

/**
 * Paired weekly changes a lag needs before it is judged. Kept at 8 because the calibration study
 * (calibration.test.ts) shows the error rate holds right down to it: the permutation p does not
 * lean on large-sample theory, and unrelated series of 10–20 weeks are called predictive or
 * opposite in about 3% of cases. A higher floor would not make verdicts safer, only say "not
 * enough data" where the data can already (rarely) show a strong relation; with so few weeks the
 * forecast check (which needs 3 forecasts, so 9 pairs) is what keeps weak patterns from being called.
 */
export const MIN_N = 8;
export const DEFAULT_MAX_LAG_WEEKS = 8;
/**
 * Lags tried on a monthly series: 0…3 months. The weekly default (8 weeks) spans two months, and
 * the demo's effects follow in 3–6 weeks; 3 months covers that with room. Every further lag costs
 * a month of pairs and widens the family the p is corrected across: with a year of months, k = 3
 * already leaves 8 paired changes, the least a verdict needs.
 */
export const DEFAULT_MAX_LAG_MONTHS = 3;
/** Lags tried on a quarterly series: this quarter and the next. */
export const DEFAULT_MAX_LAG_QUARTERS = 1;
/** Permutations of the family-wise test: p is never below 1 / (permutations + 1). */
export const DEFAULT_PERMUTATIONS = 999;
/** The verdicts' error rate: family-wise within a pair, false discovery rate across pairs. */
export const ALPHA = 0.05;
const DEFAULT_SEED = 13;

export type LagFit = {
  k: number;
  n: number;
  r: number | null;
  slope: number | null;
  /** Classical OLS standard error, p-value (this lag alone, before any correction) and interval. */
  slopeSE: number | null;
  p: number | null;
  ci95: [number, number] | null;
  r2: number | null;
  /** Newey–West (HAC) standard error, p-value and 95% interval of the slope. */
  hac: { se: number; p: number; ci95: [number, number]; maxLags: number } | null;
};

export type ForecastCheck = {
  /** One-week-ahead forecasts made, each from the weeks before it only. */
  origins: number;
  /** 1 − RMSE(with the lead) / RMSE(without): 0.12 = the error is 12% smaller. */
  errorReduction: number;
};

/** What the verdict rests on: the strongest lag and its tests. */
export type Evidence = {
  k: number;
  n: number;
  slope: number;
  /** The strongest lag's own p-value, as if it were the only lag tried. */
  pRaw: number;
  /** Family-wise p across every lag tried (permutation test of max |t|). */
  pFamily: number;
  permutations: number;
  lagsTested: number;
  forecast: ForecastCheck | null;
};

export type VerdictKind = "predictive" | "opposite" | "weak" | "none" | "insufficient";
export type Verdict = { kind: VerdictKind; text: string };

export type LeadLagResult = {
  fits: LagFit[];
  best: LagFit | null;
  evidence: Evidence | null;
  verdict: Verdict;
  /** +1 when more of the lead should raise the lag (higher is better), −1 when it should lower it. */
  expectedSign: 1 | -1;
  /** The series' time step. */
  unit: SeriesUnit;
};

/** The weeks t where Δlag(t) and Δlead(t−k) both exist, in time order. */
function pairsAt(dLead: readonly (number | null)[], dLag: readonly (number | null)[], k: number) {
  const leadAt: number[] = [];
  const y: number[] = [];
  for (let t = k; t < dLag.length; t++) {
    if (dLead[t - k] != null && dLag[t] != null) {
      leadAt.push(t - k);
      y.push(dLag[t]!);
    }
  }
  return { leadAt, y };
}

function fitAt(dLead: readonly (number | null)[], dLag: readonly (number | null)[], k: number): LagFit {
  const { leadAt, y } = pairsAt(dLead, dLag, k);
  const x = leadAt.map((i) => dLead[i]!);
  const fit = ols(x, y);
  if (!fit) return { k, n: x.length, r: null, slope: null, slopeSE: null, p: null, ci95: null, r2: null, hac: null };
  const hac = hacSlope(x, y);
  return { k, n: fit.n, r: fit.r, slope: fit.slope, slopeSE: fit.slopeSE, p: fit.p, ci95: fit.ci95, r2: fit.r2, hac };
}

/** A lag's pairs prepared for fast |t| under many rearrangements of the lead's changes. */
type Plan = { leadAt: Int32Array; yc: Float64Array; syy: number };

function planOf(dLead: readonly (number | null)[], dLag: readonly (number | null)[], k: number): Plan {
  const { leadAt, y } = pairsAt(dLead, dLag, k);
  const meanY = y.reduce((s, v) => s + v, 0) / y.length;
  const yc = Float64Array.from(y, (v) => v - meanY);
  return { leadAt: Int32Array.from(leadAt), yc, syy: yc.reduce((s, v) => s + v * v, 0) };
}

/** max over the lags of |t| of the slope, with the lead's changes `x` (indexed by week). */
function maxAbsT(x: Float64Array, plans: readonly Plan[]): number {
  let best = 0;
  for (const { leadAt, yc, syy } of plans) {
    const n = leadAt.length;
    let sx = 0;
    let sxx = 0;
    let sxy = 0;
    for (let i = 0; i < n; i++) {
      const v = x[leadAt[i]!]!;
      sx += v;
      sxx += v * v;
      sxy += v * yc[i]!;
    }
    sxx -= (sx * sx) / n;
    if (!(sxx > 1e-12)) continue;
    const r2 = (sxy * sxy) / (sxx * syy);
    const t2 = r2 >= 1 - 1e-15 ? Infinity : (r2 * (n - 2)) / (1 - r2);
    if (t2 > best) best = t2;
  }
  return Math.sqrt(best);
}

/**
 * Family-wise p of the largest |t| across the lags: the share of rearranged lead series whose
 * largest |t| is at least as large. A rearrangement rotates the lead's observed changes by a
 * random offset, cuts them into blocks of ⌈m^(1/3)⌉ weeks and shuffles the blocks; gaps stay
 * where they are, so every lag keeps its n.
 */
function permutationP(dLead: readonly (number | null)[], plans: readonly Plan[], observed: number, permutations: number, seed: number): number {
  const at = dLead.flatMap((v, i) => (v == null ? [] : [i]));
  const values = at.map((i) => dLead[i]!);
  const m = values.length;
  const block = Math.max(1, Math.ceil(Math.cbrt(m)));
  const blocks = Math.ceil(m / block);
  const order = Array.from({ length: blocks }, (_, b) => b);
  const x = new Float64Array(dLead.length);
  const rng = createRng(seed);
  let asLarge = 0;
  for (let s = 0; s < permutations; s++) {
    const offset = rng.int(0, m - 1);
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let w = 0;
    for (const b of order) {
      for (let i = b * block; i < Math.min(m, (b + 1) * block); i++) x[at[w++]!] = values[(i + offset) % m]!;
    }
    // A tolerance so that ties with the observed arrangement count as "as large".
    if (maxAbsT(x, plans) >= observed * (1 - 1e-12)) asLarge++;
  }
  return (asLarge + 1) / (permutations + 1);
}

/** The first forecast is made from this many pairs (the calibration study found later starts lose power). */
const FORECAST_FIRST_ORIGIN = MIN_N - 2;

/**
 * Rolling-origin one-step-ahead check of the strongest lag: from the seventh pair on, each
 * week's change is forecast from the weeks before it only — once by the regression on the lagged
 * lead, once without the lead (the mean change so far) — and the root mean squared errors compared.
 */
export function forecastCheck(x: readonly number[], y: readonly number[]): ForecastCheck | null {
  const n = x.length;
  const first = FORECAST_FIRST_ORIGIN;
  if (n - first < 3) return null;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < first; i++) {
    sx += x[i]!;
    sy += y[i]!;
    sxx += x[i]! * x[i]!;
    sxy += x[i]! * y[i]!;
  }
  let withLead = 0;
  let without = 0;
  for (let i = first; i < n; i++) {
    const meanX = sx / i;
    const meanY = sy / i;
    const vx = sxx - i * meanX * meanX;
    const slope = vx > 1e-12 ? (sxy - i * meanX * meanY) / vx : 0;
    withLead += (y[i]! - (meanY + slope * (x[i]! - meanX))) ** 2;
    without += (y[i]! - meanY) ** 2;
    sx += x[i]!;
    sy += y[i]!;
    sxx += x[i]! * x[i]!;
    sxy += x[i]! * y[i]!;
  }
  if (!(without > 0)) return null;
  return { origins: n - first, errorReduction: 1 - Math.sqrt(withLead / without) };
}

/** Three decimals rounded as the report's tables round them (Intl, not toFixed: 0.1525 → 0.153 in both). */
const three = (x: number) => x.toLocaleString("en-US", { minimumFractionDigits: 3, maximumFractionDigits: 3 });
const fmtP = (p: number) => (p < 0.001 ? "p < 0.001" : `p = ${three(p)}`);
const units = (n: number, unit: SeriesUnit) => `${n} ${unit}${n === 1 ? "" : "s"}`;
const when = (k: number, unit: SeriesUnit) => (k === 0 ? `in the same ${unit}` : `${units(k, unit)} later`);
const pct = (x: number) => `${Math.round(Math.abs(x) * 100)}%`;

/**
 * The verdict on one pair from its evidence. Alone, the pair is judged by its family-wise p;
 * among `across.pairs` pairs shown together, by its Benjamini–Hochberg q-value.
 */
export function verdictOf(e: Evidence, expectedSign: 1 | -1, across?: { q: number; pairs: number }, unit: SeriesUnit = "week"): Verdict {
  const level = across ? across.q : e.pFamily;
  const lags = e.lagsTested === 1 ? "" : ` across the ${e.lagsTested} lags tested`;
  const among = across ? `, q = ${across.q < 0.001 ? "< 0.001" : three(across.q)} across ${across.pairs} pair${across.pairs === 1 ? "" : "s"}` : "";
  const detail = `${fmtP(e.pFamily)}${lags}${among}, n = ${e.n}, strongest ${when(e.k, unit)}`;
  const gain = e.forecast && e.forecast.errorReduction > 0 ? e.forecast : null;
  const forecastWords = e.forecast
    ? e.k === 0
      ? `knowing the same ${unit}'s activity ${gain ? `cuts the error in the ${unit}'s change by ${pct(gain.errorReduction)}` : `did not reduce the error in the ${unit}'s change`} (${units(e.forecast.origins, unit)} tested)`
      : `${gain ? `using it cuts the one-${unit}-ahead error by ${pct(gain.errorReduction)}` : `using it did not reduce the one-${unit}-ahead error`} (${units(e.forecast.origins, unit)} tested)`
    : `too few ${unit}s to test it as a forecast`;
  const rightWay = Math.sign(e.slope) === expectedSign;
  if (level <= ALPHA && gain && rightWay) {
    return { kind: "predictive", text: `Predictive in the data so far (${detail}): ${unit}s with more of this activity were followed by better results${e.k === 0 ? ` in the same ${unit}` : ""}, and ${forecastWords}. An association, not proof of cause.` };
  }
  if (level <= ALPHA && gain) {
    return { kind: "opposite", text: `Related, but in the unwanted direction (${detail}): more of this activity went with worse results. Look for a confounder before acting.` };
  }
  if (level <= ALPHA) {
    return { kind: "weak", text: `Weak evidence (${detail}): a pattern beyond chance, but ${forecastWords}, so it does not predict yet.` };
  }
  if (level < 0.1) return { kind: "weak", text: `Weak evidence (${detail}): a hint of a relationship that more ${unit}s of data could confirm or rule out.` };
  return { kind: "none", text: `No evidence (${detail}): changes in this activity have not been followed by changes in the result so far.` };
}

/**
 * @param lead totals of the lead measure per week (or month, see `unit`), oldest first (null: before it was tracked)
 * @param lag means of the lag measure per week (month), aligned with `lead` (null: none observed)
 * @param unit the series' time step; lags, n and the words are in it (default: week)
 */
export function analyzeLeadLag(input: {
  lead: readonly (number | null)[];
  lag: readonly (number | null)[];
  direction: Direction;
  /** The longest lag tried, in `unit`s. */
  maxLagWeeks?: number;
  permutations?: number;
  seed?: number;
  unit?: SeriesUnit;
}): LeadLagResult {
  const unit = input.unit ?? "week";
  const maxLag = Math.max(0, Math.floor(input.maxLagWeeks ?? DEFAULT_MAX_LAG_WEEKS));
  const permutations = Math.max(1, Math.floor(input.permutations ?? DEFAULT_PERMUTATIONS));
  const dLead = firstDifference(input.lead);
  const dLag = firstDifference(input.lag);
  const fits = Array.from({ length: maxLag + 1 }, (_, k) => fitAt(dLead, dLag, k));
  const expectedSign: 1 | -1 = input.direction === "LOWER_IS_BETTER" ? -1 : 1;
  const eligible = fits.filter((f) => f.n >= MIN_N && f.p != null && f.slopeSE != null);
  const absT = (f: LagFit) => (f.slopeSE! > 0 ? Math.abs(f.slope! / f.slopeSE!) : Infinity);
  const best = eligible.reduce<LagFit | null>((b, f) => (b == null || absT(f) > absT(b) ? f : b), null);

  if (!best) {
    const maxN = Math.max(0, ...fits.map((f) => f.n));
    const text =
      maxN >= MIN_N
        ? `Nothing to learn from yet: over ${units(maxN, unit)} one of the two measures did not change from ${unit} to ${unit}.`
        : `Not enough data yet (n < ${MIN_N}): at most ${maxN} ${unit}-to-${unit} change${maxN === 1 ? "" : "s"} where both measures were recorded.`;
    return { fits, best: null, evidence: null, expectedSign, unit, verdict: { kind: "insufficient", text } };
  }
  const plans = eligible.map((f) => planOf(dLead, dLag, f.k));
  const observed = new Float64Array(dLead.length);
  dLead.forEach((v, i) => (observed[i] = v ?? 0));
  const pFamily = permutationP(dLead, plans, maxAbsT(observed, plans), permutations, input.seed ?? DEFAULT_SEED);
  const { leadAt, y } = pairsAt(dLead, dLag, best.k);
  const evidence: Evidence = {
    k: best.k,
    n: best.n,
    slope: best.slope!,
    pRaw: best.p!,
    pFamily,
    permutations,
    lagsTested: eligible.length,
    forecast: forecastCheck(leadAt.map((i) => dLead[i]!), y),
  };
  return { fits, best, evidence, expectedSign, unit, verdict: verdictOf(evidence, expectedSign, undefined, unit) };
}

/**
 * The verdicts on a set of pairs shown together (a report, a page of pairs): each pair's
 * family-wise p becomes a Benjamini–Hochberg q-value across the pairs that could be tested, and
 * the verdict is judged on q. Pairs without evidence keep their verdict and have no q.
 */
export function judgeAcrossPairs(
  pairs: readonly (Pick<LeadLagResult, "evidence" | "expectedSign" | "verdict"> & { unit?: SeriesUnit })[],
): { q: number | null; verdict: Verdict }[] {
  const qs = bhQValues(pairs.map((p) => p.evidence?.pFamily ?? null));
  const tested = qs.filter((q) => q != null).length;
  return pairs.map((p, i) => {
    const q = qs[i] ?? null;
    if (!p.evidence || q == null) return { q: null, verdict: p.verdict };
    return { q, verdict: verdictOf(p.evidence, p.expectedSign, { q, pairs: tested }, p.unit) };
  });
}
