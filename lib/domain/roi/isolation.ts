// Isolation: how much of a lag measure's movement a program may claim, by each method that has
// data — control group (difference-in-differences), the pre-program trend line, estimates ×
// confidence — and which one is claimed. Improvements are signed in the measure's good direction
// (+2 hours for a lower-is-better resolution time means two hours faster); a program never
// claims a negative improvement. Each method states its standard error and 95% interval, so a
// claim resting on a few noisy weeks says how little it may be worth.
import { conservativeImprovement, differenceInDifferences } from "./formulas";
import { formatNumber } from "../format";
import type { BenefitSpec, Interval, LineIsolation, MethodOutcome } from "./types";
import { ols, tCritical } from "../stats/ols";
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
 * 95% intervals that held 90–96% in the calibration study (isolation.calibration.test.ts).
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

/**
 * After − before means of a weekly series with the standard error of the difference, allowing
 * for serial correlation: weeks of a team's measure are rarely independent (a slow week is often
 * followed by another), and an error that treats them as independent is too small — with an
 * AR(1) correlation of 0.5 a naive 95% interval covers the truth only about 75% of the time. The
 * weeks' lag-1 autocorrelation ρ is estimated from the residuals about each period's mean (bias-
 * corrected, kept in [0, 0.95]), the variance from the residuals with the expected shrinkage of
 * that fit under ρ, and the difference's variance is computed exactly under AR(1) with that ρ.
 */
export function meanDifference(before: readonly { x: number; y: number }[], after: readonly { x: number; y: number }[]): { diff: number; se: number; df: number; rho: number } | null {
  if (!before.length || !after.length) return null;
  const df = before.length + after.length - 2;
  if (df < 1) return null;
  const mb = mean(before.map((p) => p.y));
  const ma = mean(after.map((p) => p.y));
  const periods = [before.map((p) => ({ x: p.x, e: p.y - mb })), after.map((p) => ({ x: p.x, e: p.y - ma }))];
  let ss = 0;
  let lagged = 0;
  let pairs = 0;
  for (const period of periods)
    period.forEach((p, i) => {
      ss += p.e * p.e;
      const prev = period[i - 1];
      if (prev && p.x - prev.x === 1) {
        lagged += p.e * prev.e;
        pairs++;
      }
    });
  const raw = ss > 0 && pairs > 0 ? (lagged / pairs) / (ss / (before.length + after.length)) : 0;
  const rho = Math.min(RHO_MAX, Math.max(0, raw + (RHO_BIAS * (1 + 3 * Math.max(0, raw))) / Math.max(1, pairs)));
  const all = [...before.map((p) => ({ x: p.x, w: -1 / before.length, g: 0 })), ...after.map((p) => ({ x: p.x, w: 1 / after.length, g: 1 }))];
  const sizes = [before.length, after.length];
  let quad = 0; // a'Ra, a the weights of the difference of means
  let within = 0; // Σ over periods of 1/n_p Σ_{i,j in p} ρ^|i−j|: the fit's share of the variance
  for (const i of all)
    for (const j of all) {
      const r = rho ** Math.abs(i.x - j.x);
      quad += i.w * j.w * r;
      if (i.g === j.g) within += r / sizes[i.g]!;
    }
  const variance = ss / Math.max(1e-9, all.length - within);
  // Degrees of freedom of the effective number of independent weeks, n (1 − ρ) / (1 + ρ).
  const nEff = (all.length * (1 - rho)) / (1 + rho);
  return { diff: ma - mb, se: Math.sqrt(variance * quad), df: Math.max(1, Math.min(df, nEff - 2)), rho };
}
/** The largest week-to-week correlation allowed for (nearer 1, the weeks carry no information). */
const RHO_MAX = 0.95;
/**
 * The small-sample bias of a lag-1 autocorrelation about fitted means is about −(1 + 3ρ)/n;
 * twice that correction is what held the 95% interval near its level at ρ = 0.3–0.5 in the
 * calibration study (once was not enough: 87–91% at ρ = 0.5).
 */
const RHO_BIAS = 2;

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
    const xPost = mean(post.map((p) => p.x));
    const se = fit.residualSE * Math.sqrt(1 / post.length + 1 / fit.n + (xPost - fit.meanX) ** 2 / fit.sxx);
    const interval = signed(intervalOf(observed - counterfactual, se, fit.n - 2), sign);
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
