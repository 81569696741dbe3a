// Isolation: how much of a lag measure's movement a program may claim, by each method that has
// data — control group (difference-in-differences), the pre-program trend line, estimates ×
// confidence — and which one is claimed. Improvements are signed in the measure's good direction
// (+2 hours for a lower-is-better resolution time means two hours faster); a program never
// claims a negative improvement.
import { conservativeImprovement, differenceInDifferences } from "./formulas";
import { formatNumber } from "../format";
import type { BenefitSpec, LineIsolation, MeasuredMethod, MethodOutcome } from "./types";
import { ols } from "../stats/ols";
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

export const MIN_DID_WEEKS = 2;
export const MIN_TREND_WEEKS = 3;

/** The improvement by each method that has data, and the one claimed (see the file comment). */
export function isolateLine(spec: Pick<BenefitSpec, "isolationMethod" | "estimateShare" | "estimateConfidence" | "lag" | "series">, startDate: IsoDate, locale = "en-US"): LineIsolation {
  const n = (v: number) => formatNumber(v, locale, 3);
  if (!spec.lag || !spec.series) {
    return { chosen: spec.isolationMethod, usedMethod: null, improvement: 0, rawChange: null, low: 0, high: 0, methods: [], scope: "manual", note: "No lag measure: no improvement is measured." };
  }
  const sign = spec.lag.direction === "LOWER_IS_BETTER" ? -1 : 1;
  const { participant, control, weeks } = spec.series;
  const start = firstProgramWeek(weeks, startDate);
  const pre = present(participant, 0, start);
  const post = present(participant, start, participant.length);
  const rawChange = pre.length && post.length ? sign * (mean(post.map((p) => p.y)) - mean(pre.map((p) => p.y))) : null;

  // Control group: difference-in-differences of the weekly means.
  let did: MethodOutcome;
  const cPre = control ? present(control, 0, start) : [];
  const cPost = control ? present(control, start, control.length) : [];
  if (!control) did = { method: "CONTROL_GROUP", value: null, detail: "no data: the program has no control teams with values of this measure." };
  else if (Math.min(pre.length, post.length, cPre.length, cPost.length) < MIN_DID_WEEKS)
    did = {
      method: "CONTROL_GROUP",
      value: null,
      detail: `no data: needs ${MIN_DID_WEEKS} weeks before and after the start for both groups (program ${pre.length}/${post.length}, control ${cPre.length}/${cPost.length}).`,
    };
  else {
    const p = { programBefore: mean(pre.map((v) => v.y)), programAfter: mean(post.map((v) => v.y)), controlBefore: mean(cPre.map((v) => v.y)), controlAfter: mean(cPost.map((v) => v.y)) };
    const value = sign * differenceInDifferences(p);
    did = {
      method: "CONTROL_GROUP",
      value,
      detail: `program ${n(p.programBefore)} → ${n(p.programAfter)}, control ${n(p.controlBefore)} → ${n(p.controlAfter)}: (${n(p.programAfter)} − ${n(p.programBefore)}) − (${n(p.controlAfter)} − ${n(p.controlBefore)}) = ${n(differenceInDifferences(p))}${sign < 0 ? ` (lower is better: ${n(value)} better)` : ""}`,
    };
  }

  // Trend line: the pre-program OLS trend projected over the post weeks is the counterfactual.
  let trend: MethodOutcome;
  const fit = pre.length >= MIN_TREND_WEEKS ? ols(pre.map((p) => p.x), pre.map((p) => p.y)) : null;
  if (!fit || !post.length)
    trend = { method: "TREND_LINE", value: null, detail: `no data: needs ${MIN_TREND_WEEKS} weekly values before the start and one after (has ${pre.length} and ${post.length}).` };
  else {
    const observed = mean(post.map((p) => p.y));
    const counterfactual = mean(post.map((p) => fit.intercept + fit.slope * p.x));
    trend = {
      method: "TREND_LINE",
      value: sign * (observed - counterfactual),
      detail: `pre-program trend ${n(fit.intercept + fit.slope * start)} ${fit.slope >= 0 ? "+" : "−"} ${n(Math.abs(fit.slope))}/week (${pre.length} weeks) projects ${n(counterfactual)}; observed ${n(observed)} over ${post.length} weeks`,
    };
  }

  // Estimates: the raw change × the attributed share × the confidence in it.
  let estimate: MethodOutcome;
  if (spec.estimateShare == null || spec.estimateConfidence == null) estimate = { method: "ESTIMATE", value: null, detail: "no data: no share and confidence were estimated." };
  else if (rawChange == null) estimate = { method: "ESTIMATE", value: null, detail: "no data: needs values before and after the start." };
  else
    estimate = {
      method: "ESTIMATE",
      value: rawChange * spec.estimateShare * spec.estimateConfidence,
      detail: `observed change ${n(rawChange)} × share ${n(spec.estimateShare)} × confidence ${n(spec.estimateConfidence)}`,
    };

  const methods = [did, trend, estimate];
  const credible = methods.map((m) => m.value);
  const low = conservativeImprovement(credible);
  const withData = methods.filter((m) => m.value != null);
  const high = withData.length ? Math.max(0, ...withData.map((m) => m.value!)) : 0;
  let usedMethod: MeasuredMethod | null = null;
  let improvement = 0;
  let note: string;
  if (spec.isolationMethod === "CONSERVATIVE") {
    const smallest = withData.reduce<MethodOutcome | null>((b, m) => (b == null || m.value! < b.value! ? m : b), null);
    usedMethod = smallest?.method ?? null;
    improvement = low;
    note = smallest ? `The smallest credible improvement of ${withData.length} method(s) with data.` : "No method has data: no benefit is claimed.";
  } else {
    const m = methods.find((x) => x.method === spec.isolationMethod)!;
    usedMethod = m.value != null ? m.method : null;
    improvement = Math.max(0, m.value ?? 0);
    note = m.value == null ? "The chosen method has no data: no benefit is claimed." : m.value < 0 ? "The measure moved the wrong way: nothing is claimed." : "The chosen method's improvement.";
  }
  return { chosen: spec.isolationMethod, usedMethod, improvement, rawChange, low: Math.min(low, improvement), high: Math.max(high, improvement), methods, scope: spec.series.scope, note };
}

/** Share of the raw change the line claims, kept constant when the lag is projected forward. */
export function claimedShare(iso: LineIsolation): number {
  if (iso.rawChange == null || iso.rawChange <= 0) return iso.improvement > 0 ? 1 : 0;
  return Math.min(1, iso.improvement / iso.rawChange);
}
