// How often is a lead → lag verdict wrong? A seeded simulation of the method in leadLag.ts:
// pairs with no relation at all must be called "predictive" or "opposite" at most 5% of the time
// (plus the Monte Carlo tolerance of the simulation), and relations that are really there must be
// found. The README's "How the verdicts are calibrated" quotes these rates.
import { describe, expect, it } from "vitest";
import { analyzeLeadLag, MIN_N, type VerdictKind } from "./leadLag";
import { firstDifference, ols } from "./ols";
import { createRng, type Rng } from "./random";

/** Permutations per pair: fewer than the product's 999 so that 3,000 pairs run in seconds. */
const PERMUTATIONS = 99;
const PROCESSES = ["random walk", "AR(1) φ = 0", "AR(1) φ = 0.5", "AR(1) φ = 0.9", "trend"] as const;
type Process = (typeof PROCESSES)[number];

function series(rng: Rng, weeks: number, process: Process): number[] {
  const out: number[] = [];
  let v = 0;
  for (let t = 0; t < weeks; t++) {
    if (process === "random walk") v += rng.normal(0, 3);
    else if (process === "trend") v = 0.8 * t + rng.normal(0, 3);
    else v = { "AR(1) φ = 0": 0, "AR(1) φ = 0.5": 0.5, "AR(1) φ = 0.9": 0.9 }[process] * v + rng.normal(0, 3);
    out.push(Math.round((20 + v) * 10) / 10);
  }
  return out;
}

/** Share of the pairs for which `hit` holds, and its 3-standard-error Monte Carlo tolerance. */
function rate(kinds: VerdictKind[], hit: (k: VerdictKind) => boolean) {
  const share = kinds.filter(hit).length / kinds.length;
  return { share, tolerance: 3 * Math.sqrt((0.05 * 0.95) / kinds.length) };
}

/** A lag whose weekly change follows the lead's change k weeks earlier, with R² ≈ r2 in the weekly changes. */
function planted(rng: Rng, weeks: number, r2: number) {
  const k = rng.int(0, 8);
  const lead = series(rng, weeks, "random walk");
  const gain = Math.sqrt(r2 / ((1 - r2) * 9)); // Δlead has variance 9, the noise 1
  const lag: number[] = [];
  let level = 70;
  for (let t = 0; t < weeks; t++) {
    level += (t - k >= 1 ? gain * (lead[t - k]! - lead[t - k - 1]!) : 0) + rng.normal(0, 1);
    lag.push(level);
  }
  return { lead, lag, k, direction: "HIGHER_IS_BETTER" as const };
}

function foundShare(weeks: number, r2: number, pairs: number, seed: number): number {
  const rng = createRng(seed);
  let found = 0;
  for (let i = 0; i < pairs; i++) {
    if (analyzeLeadLag({ ...planted(rng, weeks, r2), permutations: PERMUTATIONS, seed: i }).verdict.kind === "predictive") found++;
  }
  return found / pairs;
}

/**
 * The ceiling no method can pass: an oracle told the true lag k runs one classical OLS t-test of
 * Δlag(t) on Δlead(t − k) at 5% (two-sided, as "predictive or opposite" is) and calls the pair when
 * the slope is significant with the planted sign. Anything that must also find k among 0–8 finds less.
 */
function oracleShare(weeks: number, r2: number, pairs: number, seed: number): number {
  const rng = createRng(seed);
  let found = 0;
  for (let i = 0; i < pairs; i++) {
    const { lead, lag, k } = planted(rng, weeks, r2);
    const dLead = firstDifference(lead);
    const dLag = firstDifference(lag);
    const x: number[] = [];
    const y: number[] = [];
    for (let t = k; t < weeks; t++) {
      const a = dLead[t - k];
      const b = dLag[t];
      if (a == null || b == null) continue;
      x.push(a);
      y.push(b);
    }
    const fit = ols(x, y);
    if (fit?.p != null && fit.p < 0.05 && fit.slope > 0) found++;
  }
  return found / pairs;
}

describe("calibration of the lead → lag verdicts", () => {
  it("calls fewer than 5% of 3,000 unrelated pairs predictive or opposite: random walks, AR(1), trends, gaps and late starts", () => {
    const rng = createRng(2026);
    const kinds: VerdictKind[] = [];
    let uncorrected = 0; // the rule before issue #13: the smallest p of the 9 lags below 0.05
    const byShape = new Map<string, VerdictKind[]>();
    for (let i = 0; i < 3000; i++) {
      const weeks = [26, 52][i % 2]!;
      const leadProcess = PROCESSES[i % 5]!;
      const lagProcess = PROCESSES[Math.floor(i / 5) % 5]!;
      const lead: (number | null)[] = series(rng, weeks, leadProcess);
      const lag: (number | null)[] = series(rng, weeks, lagProcess);
      const gaps = i % 3 === 0;
      const lateStart = i % 4 === 1;
      if (gaps) for (let t = 0; t < weeks; t++) if (rng.chance(0.15)) lag[t] = null; // weeks without a lag value
      if (lateStart) lead.fill(null, 0, rng.int(4, Math.floor(weeks / 3))); // weeks before the lead was tracked
      const direction = rng.chance(0.5) ? "HIGHER_IS_BETTER" : "LOWER_IS_BETTER";
      const result = analyzeLeadLag({ lead, lag, direction, permutations: PERMUTATIONS, seed: i });
      const kind = result.verdict.kind;
      kinds.push(kind);
      if (result.fits.some((f) => f.n >= MIN_N && f.p != null && f.p < 0.05)) uncorrected++;
      for (const shape of [leadProcess, lagProcess, gaps ? "gaps" : "", lateStart ? "late start" : "", `${weeks} weeks`]) {
        if (shape) byShape.set(shape, [...(byShape.get(shape) ?? []), kind]);
      }
    }
    const called = (k: VerdictKind) => k === "predictive" || k === "opposite";
    const all = rate(kinds, called);
    console.info(`null pairs called predictive or opposite: ${(100 * all.share).toFixed(2)}% of ${kinds.length} (uncorrected rule: ${((100 * uncorrected) / kinds.length).toFixed(1)}%)`);
    expect(all.share).toBeLessThanOrEqual(0.05 + all.tolerance);
    // The study can tell a miscalibrated rule: the old one fails it by far.
    expect(uncorrected / kinds.length).toBeGreaterThan(0.15);
    // No shape of data slips past the rate either (each has ≥ 600 pairs).
    for (const [shape, ks] of byShape) {
      const r = rate(ks, called);
      console.info(`  ${shape}: ${(100 * r.share).toFixed(2)}% of ${ks.length}`);
      expect(r.share, shape).toBeLessThanOrEqual(0.05 + r.tolerance);
    }
  });

  it("holds the rate near the minimum n (MIN_N = 8): 2,000 unrelated pairs of 10 to 20 weeks", () => {
    const rng = createRng(8);
    const kinds: VerdictKind[] = [];
    for (let i = 0; i < 2000; i++) {
      const weeks = 10 + (i % 11);
      const lead = series(rng, weeks, PROCESSES[i % 5]!);
      const lag = series(rng, weeks, PROCESSES[Math.floor(i / 5) % 5]!);
      kinds.push(analyzeLeadLag({ lead, lag, direction: "HIGHER_IS_BETTER", permutations: PERMUTATIONS, seed: i }).verdict.kind);
    }
    const r = rate(kinds, (k) => k === "predictive" || k === "opposite");
    console.info(`short null pairs called: ${(100 * r.share).toFixed(2)}% of ${kinds.length}`);
    expect(kinds.filter((k) => k !== "insufficient").length).toBeGreaterThan(1900);
    expect(r.share).toBeLessThanOrEqual(0.05 + r.tolerance);
  });

  it("finds most relations that are really there (R² ≈ 0.3, any lag 0–8 weeks): at least 80% with a year of weeks", () => {
    const year = foundShare(52, 0.3, 400, 7);
    const halfYear = foundShare(26, 0.3, 400, 8);
    const strongHalfYear = foundShare(26, 0.5, 400, 9);
    console.info(`planted relations found: R² 0.3, 52 weeks ${(100 * year).toFixed(1)}%; R² 0.3, 26 weeks ${(100 * halfYear).toFixed(1)}%; R² 0.5, 26 weeks ${(100 * strongHalfYear).toFixed(1)}%`);
    expect(year).toBeGreaterThanOrEqual(0.8);
    // Half a year is not enough to find a modest relation at an unknown lag among nine most of the
    // time: the honest price of testing 9 lags. A strong one is found.
    expect(halfYear).toBeGreaterThanOrEqual(0.35);
    expect(strongHalfYear).toBeGreaterThanOrEqual(0.8);
  });

  it("shows why 80% at R² 0.3 and 26 weeks is out of reach: an oracle told the true lag finds fewer", () => {
    const oracle = oracleShare(26, 0.3, 2_000, 8);
    const oracleYear = oracleShare(52, 0.3, 2_000, 7);
    console.info(`an oracle told the lag finds: R² 0.3, 26 weeks ${(100 * oracle).toFixed(1)}%; 52 weeks ${(100 * oracleYear).toFixed(1)}%`);
    // The best possible test at a 5% error rate, with the lag given, stays under the 80%…
    expect(oracle).toBeLessThan(0.8);
    // …while the simulation is sound: with a year of weeks the oracle finds nearly every relation.
    expect(oracleYear).toBeGreaterThan(0.95);
  });
});
