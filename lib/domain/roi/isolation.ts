// Isolation: how much of a lag measure's movement a program may claim, by each method that has
// data — control group (difference-in-differences), the pre-program trend line, estimates ×
// confidence — and which one is claimed. Improvements are signed in the measure's good direction
// (+2 hours for a lower-is-better resolution time means two hours faster); a program never
// claims a negative improvement. Each method states its standard error and 95% interval, so a
// claim resting on a few noisy weeks says how little it may be worth.
import { conservativeImprovement, differenceInDifferences } from "./formulas";
import { formatNumber } from "../format";
import type { BenefitSpec, Interval, LineIsolation, MethodOutcome } from "./types";
import { ols, tCritical, type Ols } from "../stats/ols";
import { addDays, type IsoDate } from "../calendar/weeks";

export const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
/** The values present in `values[from..to)`, with their index as x. */
export const present = (values: readonly (number | null)[], from: number, to: number) => {
  const out: { x: number; y: number }[] = [];
  for (let i = from; i < to; i++) if (values[i] != null && Number.isFinite(values[i])) out.push({ x: i, y: values[i]! });
  return out;
};

/** Index of the first week on or after the start date's week (weeks are week starts, ascending). */
export function firstProgramWeek(weeks: readonly IsoDate[], startDate: IsoDate): number {
  // The week holding the start date already belongs to the program.
  const i = weeks.findIndex((w) => addDays(w, 7) > startDate);
  return i < 0 ? weeks.length : i;
}

/**
 * Weeks before the start in which both groups have values that the control-group method needs
 * (change it here; the page, the report and the tests follow). Why 6: the claim and its interval
 * rest on the baseline gap between the groups and on its week-to-week scatter and correlation,
 * all estimated from these weeks. With 2 of them, one odd week decides the baseline, the
 * correlation cannot be estimated at all (one pair of neighbours) and the interval, though it
 * still covers the truth, is too wide to mean anything (the demo's biggest line: −£500 to +£7,500
 * a month). Six weeks give five neighbour pairs, a baseline that one week moves by a sixth, and
 * 95% intervals that held 93.6–96.4% in the calibration study (isolation.calibration.test.ts).
 */
export const MIN_DID_WEEKS = 6;
/** Weeks after the start (both groups) the control-group method needs. */
export const MIN_DID_POST_WEEKS = 2;
export const MIN_TREND_WEEKS = 3;
/** The confidence of the intervals stated for each isolated improvement. */
export const INTERVAL_CONFIDENCE = 0.95;

/** An estimate's standard error, degrees of freedom and 95% interval, in the estimate's units. */
export function intervalOf(estimate: number, se: number, df: number): Interval | null {
  if (!(df >= 1) || !Number.isFinite(se)) return null;
  const half = tCritical(INTERVAL_CONFIDENCE, df) * se;
  return { se, df, low: estimate - half, high: estimate + half };
}

type Point = { x: number; y: number };

/** The largest week-to-week correlation allowed for (nearer 1, the weeks carry no information). */
const RHO_MAX = 0.95;
/**
 * The small-sample bias of a lag-1 autocorrelation about fitted means is about −(1 + 3ρ)/n;
 * twice that correction is what held the 95% interval near its level at ρ = 0.3–0.5 in the
 * calibration study (once was not enough: 87–91% at ρ = 0.5).
 */
const RHO_BIAS = 2;

/**
 * The standard error of a linear estimate a·y of weekly values, allowing for serial correlation:
 * weeks of a team's measure are rarely independent (a slow week is often followed by another), and
 * an error that treats them as independent is too small — with an AR(1) correlation of 0.5 a naive
 * 95% interval covered the truth 75–82% of the time in the calibration study. `residual` is the
 * fit's residual-maker M (e = M·y, `params` parameters fitted), `segment` groups the weeks whose
 * residuals share a fit. The lag-1 autocorrelation ρ is estimated from neighbouring weeks'
 * residuals (bias-corrected, kept in [0, 0.95]), the variance from the residuals with the
 * shrinkage the fit causes under ρ (e'e / tr(M·R)), and Var(a·y) = σ² a'Ra exactly under AR(1).
 */
function serialSE(points: readonly Point[], segment: readonly number[], a: readonly number[], residual: readonly (readonly number[])[], params: number): { se: number; df: number; rho: number } {
  const n = points.length;
  const e = residual.map((row) => row.reduce((s, m, j) => s + m * points[j]!.y, 0));
  let ss = 0;
  let lagged = 0;
  let pairs = 0;
  for (let i = 0; i < n; i++) {
    ss += e[i]! ** 2;
    if (i > 0 && segment[i] === segment[i - 1] && points[i]!.x - points[i - 1]!.x === 1) {
      lagged += e[i]! * e[i - 1]!;
      pairs++;
    }
  }
  // No neighbouring weeks (a monthly measure read weekly): nothing to estimate ρ from, and a
  // correlation between weeks a month apart is small; the weeks are taken as independent.
  const raw = ss > 0 && pairs > 0 ? lagged / pairs / (ss / n) : 0;
  const rho = pairs ? Math.min(RHO_MAX, Math.max(0, raw + (RHO_BIAS * (1 + 3 * Math.max(0, raw))) / pairs)) : 0;
  let quad = 0;
  let trace = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const r = rho ** Math.abs(points[i]!.x - points[j]!.x);
      quad += a[i]! * a[j]! * r;
      trace += residual[i]![j]! * r;
    }
  const variance = ss / Math.max(1e-9, trace);
  // Degrees of freedom of the effective number of independent weeks, n (1 − ρ) / (1 + ρ).
  const nEff = (n * (1 - rho)) / (1 + rho);
  return { se: Math.sqrt(Math.max(0, variance * quad)), df: Math.max(1, Math.min(n - params, nEff - params)), rho };
}

/** After − before means of a weekly series with the standard error of the difference (serialSE). */
export function meanDifference(before: readonly Point[], after: readonly Point[]): { diff: number; se: number; df: number; rho: number } | null {
  const n = before.length + after.length;
  if (!before.length || !after.length || n - 2 < 1) return null;
  const points = [...before, ...after];
  const segment = points.map((_, i) => (i < before.length ? 0 : 1));
  const size = [before.length, after.length];
  // Residuals about each period's mean; the estimate weighs the after weeks +1/n₁, the before −1/n₀.
  const residual = points.map((_, i) => points.map((_, j) => (i === j ? 1 : 0) - (segment[i] === segment[j] ? 1 / size[segment[i]!]! : 0)));
  const a = segment.map((g) => (g ? 1 / after.length : -1 / before.length));
  return { diff: mean(after.map((p) => p.y)) - mean(before.map((p) => p.y)), ...serialSE(points, segment, a, residual, 2) };
}

/** I − H for a straight line fitted to these weeks (or their mean, with fewer than 3). */
function lineResidualMaker(xs: readonly number[]): number[][] {
  const n = xs.length;
  const mx = mean(xs);
  const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  const line = n >= 3 && sxx > 0;
  return xs.map((xi, i) => xs.map((xj, j) => (i === j ? 1 : 0) - 1 / n - (line ? ((xi - mx) * (xj - mx)) / sxx : 0)));
}

/**
 * Observed post-start mean minus the pre-start OLS trend projected over the same weeks, with its
 * standard error (serialSE). The scatter and correlation are read from each period's residuals
 * about its own straight line, so an error in the projected slope (which tilts every post week
 * alike) is not mistaken for week-to-week correlation.
 */
export function trendDeparture(pre: readonly Point[], post: readonly Point[], fit: Ols): { diff: number; se: number; df: number; rho: number } {
  const m = pre.length;
  const q = post.length;
  // The weight of pre week j in the trend's mean over the post weeks.
  const projected = pre.map((pj) => mean(post.map((pk) => 1 / m + ((pk.x - fit.meanX) * (pj.x - fit.meanX)) / fit.sxx)));
  const points = [...pre, ...post];
  const segment = points.map((_, i) => (i < m ? 0 : 1));
  const mPre = lineResidualMaker(pre.map((p) => p.x));
  const mPost = lineResidualMaker(post.map((p) => p.x));
  const residual = points.map((_, i) => points.map((_, j) => (segment[i] !== segment[j] ? 0 : i < m ? mPre[i]![j]! : mPost[i - m]![j - m]!)));
  const a = [...projected.map((w) => -w), ...post.map(() => 1 / q)];
  const diff = mean(post.map((p) => p.y)) - mean(post.map((p) => fit.intercept + fit.slope * p.x));
  return { diff, ...serialSE(points, segment, a, residual, q >= 3 ? 4 : 3) };
}

/** Signs an interval into the good direction (a lower-is-better measure swaps and negates its ends) and scales it. */
const signed = (i: Interval | null, sign: number, k = 1): Interval | null =>
  i && { se: i.se * Math.abs(k), df: i.df, low: Math.min(sign * k * i.low, sign * k * i.high), high: Math.max(sign * k * i.low, sign * k * i.high) };

/** The improvement by each method that has data, and the one claimed (see the file comment). */
export function isolateLine(spec: Pick<BenefitSpec, "isolationMethod" | "estimateShare" | "estimateConfidence" | "lag" | "series">, startDate: IsoDate, locale = "en-US"): LineIsolation {
  const n = (v: number) => formatNumber(v, locale, 3);
  const ci = (i: Interval | null) => (i ? `; standard error ${n(i.se)}, 95% interval ${n(i.low)} to ${n(i.high)}` : "");
  if (!spec.lag || !spec.series) {
    return { chosen: spec.isolationMethod, usedMethod: null, improvement: 0, rawChange: null, low: 0, high: 0, interval: null, couldBeNothing: false, methods: [], scope: "manual", note: "No lag measure: no improvement is measured." };
  }
  const sign = spec.lag.direction === "LOWER_IS_BETTER" ? -1 : 1;
  const { participant, control, weeks } = spec.series;
  const start = firstProgramWeek(weeks, startDate);
  const pre = present(participant, 0, start);
  const post = present(participant, start, participant.length);
  const change = meanDifference(pre, post);
  const rawChange = pre.length && post.length ? sign * (mean(post.map((p) => p.y)) - mean(pre.map((p) => p.y))) : null;

  // Control group: difference-in-differences on the weeks both groups have values, i.e. the
  // change in the weekly gap between them (shocks common to both groups cancel in the gap); its
  // standard error comes from the week-to-week scatter of that gap.
  let did: MethodOutcome;
  const paired = (from: number, to: number) => present(participant, from, to).filter((p) => control?.[p.x] != null && Number.isFinite(control[p.x]));
  const bPre = paired(0, start);
  const bPost = paired(start, participant.length);
  if (!control) did = { method: "CONTROL_GROUP", value: null, interval: null, detail: "no data: the program has no control teams with values of this measure." };
  else if (bPre.length < MIN_DID_WEEKS || bPost.length < MIN_DID_POST_WEEKS) {
    const cPre = present(control, 0, start).length;
    const cPost = present(control, start, control.length).length;
    did = {
      method: "CONTROL_GROUP",
      value: null,
      interval: null,
      detail: `no data: needs ${MIN_DID_WEEKS} weeks before the start and ${MIN_DID_POST_WEEKS} after in which both groups have values (has ${bPre.length} and ${bPost.length}; program ${pre.length}/${post.length}, control ${cPre}/${cPost}).`,
    };
  } else {
    const at = (ps: { x: number; y: number }[], series: readonly (number | null)[]) => mean(ps.map((p) => series[p.x]!));
    const p = { programBefore: at(bPre, participant), programAfter: at(bPost, participant), controlBefore: at(bPre, control), controlAfter: at(bPost, control) };
    const gap = (ps: { x: number; y: number }[]) => ps.map((q) => ({ x: q.x, y: q.y - control[q.x]! }));
    const d = meanDifference(gap(bPre), gap(bPost))!;
    const value = sign * differenceInDifferences(p);
    const interval = signed(intervalOf(d.diff, d.se, d.df), sign);
    did = {
      method: "CONTROL_GROUP",
      value,
      interval,
      detail: `program ${n(p.programBefore)} → ${n(p.programAfter)}, control ${n(p.controlBefore)} → ${n(p.controlAfter)} over ${bPre.length} weeks before and ${bPost.length} after: (${n(p.programAfter)} − ${n(p.programBefore)}) − (${n(p.controlAfter)} − ${n(p.controlBefore)}) = ${n(differenceInDifferences(p))}${sign < 0 ? ` (lower is better: ${n(value)} better)` : ""}${ci(interval)}`,
    };
  }

  // Trend line: the pre-program OLS trend projected over the post weeks is the counterfactual;
  // its error is the post weeks' scatter plus the uncertainty of the projected trend.
  let trend: MethodOutcome;
  const fit = pre.length >= MIN_TREND_WEEKS ? ols(pre.map((p) => p.x), pre.map((p) => p.y)) : null;
  if (!fit || !post.length)
    trend = { method: "TREND_LINE", value: null, interval: null, detail: `no data: needs ${MIN_TREND_WEEKS} weekly values before the start and one after (has ${pre.length} and ${post.length}).` };
  else {
    const observed = mean(post.map((p) => p.y));
    const counterfactual = mean(post.map((p) => fit.intercept + fit.slope * p.x));
    const d = trendDeparture(pre, post, fit);
    const interval = signed(intervalOf(d.diff, d.se, d.df), sign);
    trend = {
      method: "TREND_LINE",
      value: sign * (observed - counterfactual),
      interval,
      detail: `pre-program trend ${n(fit.intercept + fit.slope * start)} ${fit.slope >= 0 ? "+" : "−"} ${n(Math.abs(fit.slope))}/week (${pre.length} weeks) projects ${n(counterfactual)}; observed ${n(observed)} over ${post.length} weeks${ci(interval)}`,
    };
  }

  // Estimates: the raw change × the attributed share × the confidence in it.
  let estimate: MethodOutcome;
  if (spec.estimateShare == null || spec.estimateConfidence == null) estimate = { method: "ESTIMATE", value: null, interval: null, detail: "no data: no share and confidence were estimated." };
  else if (rawChange == null) estimate = { method: "ESTIMATE", value: null, interval: null, detail: "no data: needs values before and after the start." };
  else {
    const k = spec.estimateShare * spec.estimateConfidence;
    const interval = change ? signed(intervalOf(change.diff, change.se, change.df), sign, k) : null;
    estimate = {
      method: "ESTIMATE",
      value: rawChange * k,
      interval,
      detail: `observed change ${n(rawChange)} × share ${n(spec.estimateShare)} × confidence ${n(spec.estimateConfidence)}${ci(interval)}`,
    };
  }

  const methods = [did, trend, estimate];
  const withData = methods.filter((m) => m.value != null);
  let used: MethodOutcome | null = null;
  let improvement = 0;
  let note: string;
  if (spec.isolationMethod === "CONSERVATIVE") {
    used = withData.reduce<MethodOutcome | null>((b, m) => (b == null || m.value! < b.value! ? m : b), null);
    improvement = conservativeImprovement(methods.map((m) => m.value));
    note = used ? `The smallest credible improvement of ${withData.length} method(s) with data.` : "No method has data: no benefit is claimed.";
  } else {
    const m = methods.find((x) => x.method === spec.isolationMethod)!;
    used = m.value != null ? m : null;
    improvement = Math.max(0, m.value ?? 0);
    note = m.value == null ? "The chosen method has no data: no benefit is claimed." : m.value < 0 ? "The measure moved the wrong way: nothing is claimed." : "The chosen method's improvement.";
  }
  // The smallest and largest credible improvements are the ends of the claimed method's interval.
  const interval = used?.interval ?? null;
  const couldBeNothing = interval != null && interval.low <= 0;
  if (couldBeNothing && improvement > 0) note += ` Could be nothing: its 95% interval, ${n(interval.low)} to ${n(interval.high)}, includes 0.`;
  return {
    chosen: spec.isolationMethod,
    usedMethod: used?.method ?? null,
    improvement,
    rawChange,
    low: interval ? Math.min(improvement, Math.max(0, interval.low)) : improvement,
    high: interval ? Math.max(improvement, interval.high) : improvement,
    interval,
    couldBeNothing,
    methods,
    scope: spec.series.scope,
    note,
  };
}

/** Share of the raw change the line claims, kept constant when the lag is projected forward. */
export function claimedShare(iso: Pick<LineIsolation, "rawChange" | "improvement">, improvement = iso.improvement): number {
  if (iso.rawChange == null || iso.rawChange <= 0) return improvement > 0 ? 1 : 0;
  return Math.min(1, improvement / iso.rawChange);
}
