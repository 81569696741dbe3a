// Does a lead measure predict its lag measure? Method (issue: manager dashboard):
// first-difference both weekly series, then for each lag k = 0…maxLagWeeks regress
// Δlag(t) on Δlead(t−k) by OLS over the weeks where both exist. The best k has the smallest
// p-value among those with n ≥ 8. The wording never claims more than the statistics show:
// an association in past data, never a cause.
import { firstDifference, ols } from "./ols";

export type Direction = "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";

export const MIN_N = 8;
export const DEFAULT_MAX_LAG_WEEKS = 8;

export type LagFit = {
  k: number;
  n: number;
  r: number | null;
  slope: number | null;
  slopeSE: number | null;
  p: number | null;
  ci95: [number, number] | null;
  r2: number | null;
};

export type VerdictKind = "predictive" | "opposite" | "weak" | "none" | "insufficient";

export type LeadLagResult = {
  fits: LagFit[];
  best: LagFit | null;
  verdict: { kind: VerdictKind; text: string };
  /** +1 when more of the lead should raise the lag (higher is better), −1 when it should lower it. */
  expectedSign: 1 | -1;
};

function fitAt(dLead: readonly (number | null)[], dLag: readonly (number | null)[], k: number): LagFit {
  const x: number[] = [];
  const y: number[] = [];
  for (let t = k; t < dLag.length; t++) {
    const a = dLead[t - k];
    const b = dLag[t];
    if (a != null && b != null) {
      x.push(a);
      y.push(b);
    }
  }
  const fit = ols(x, y);
  if (!fit) return { k, n: x.length, r: null, slope: null, slopeSE: null, p: null, ci95: null, r2: null };
  return { k, n: fit.n, r: fit.r, slope: fit.slope, slopeSE: fit.slopeSE, p: fit.p, ci95: fit.ci95, r2: fit.r2 };
}

const fmtP = (p: number) => (p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(3)}`);
const weeks = (k: number) => (k === 0 ? "the same week" : `${k} week${k === 1 ? "" : "s"} later`);

/**
 * @param lead weekly totals of the lead measure, oldest first (a week without entries is 0)
 * @param lag weekly means of the lag measure, aligned with `lead` (a week without an observation is null)
 */
export function analyzeLeadLag(input: {
  lead: readonly (number | null)[];
  lag: readonly (number | null)[];
  direction: Direction;
  maxLagWeeks?: number;
}): LeadLagResult {
  const maxLag = Math.max(0, Math.floor(input.maxLagWeeks ?? DEFAULT_MAX_LAG_WEEKS));
  const dLead = firstDifference(input.lead);
  const dLag = firstDifference(input.lag);
  const fits = Array.from({ length: maxLag + 1 }, (_, k) => fitAt(dLead, dLag, k));
  const expectedSign: 1 | -1 = input.direction === "LOWER_IS_BETTER" ? -1 : 1;
  const eligible = fits.filter((f) => f.n >= MIN_N && f.p != null);
  const best = eligible.reduce<LagFit | null>((b, f) => (b == null || f.p! < b.p! ? f : b), null);
  const tested = `${fits.length} lag${fits.length === 1 ? "" : "s"} tested`;

  if (!best) {
    const maxN = Math.max(0, ...fits.map((f) => f.n));
    const text =
      maxN >= MIN_N
        ? `Nothing to learn from yet: over ${maxN} weeks one of the two measures did not change from week to week.`
        : `Not enough data yet (n < ${MIN_N}): at most ${maxN} week-to-week change${maxN === 1 ? "" : "s"} where both measures were recorded.`;
    return { fits, best: null, expectedSign, verdict: { kind: "insufficient", text } };
  }
  const p = best.p!;
  const detail = `${fmtP(p)}, n = ${best.n}, strongest at ${weeks(best.k)}; ${tested}`;
  const rightWay = Math.sign(best.slope ?? 0) === expectedSign;
  let verdict: LeadLagResult["verdict"];
  if (p < 0.05 && rightWay) {
    verdict = { kind: "predictive", text: `Predictive (${detail}): weeks with more of this activity were followed by better results. This is an association, not proof of cause.` };
  } else if (p < 0.05) {
    verdict = { kind: "opposite", text: `Related, but in the unwanted direction (${detail}): more of this activity went with worse results. Look for a confounder before acting.` };
  } else if (p < 0.1) {
    verdict = { kind: "weak", text: `Weak evidence (${detail}): a hint of a relationship that more weeks of data could confirm or rule out.` };
  } else {
    verdict = { kind: "none", text: `No evidence (${detail}): changes in this activity have not been followed by changes in the result so far.` };
  }
  return { fits, best, expectedSign, verdict };
}
