// A lag measure observed monthly is analysed on months (issue #13): the same calibrated method,
// with k = 0…3 months and 8 paired month-to-month changes at least. Seeded simulation of the
// monthly case: how often unrelated monthly series are called, how often a planted monthly
// relation is found, and that the verdict speaks of months.
import { describe, expect, it } from "vitest";
import { analyzeLeadLag, DEFAULT_MAX_LAG_MONTHS, judgeAcrossPairs, type VerdictKind } from "./leadLag";
import { createRng, type Rng } from "./random";

const PERMUTATIONS = 99;
const PROCESSES = ["random walk", "AR(1) φ = 0", "AR(1) φ = 0.5", "AR(1) φ = 0.9", "trend"] as const;

function series(rng: Rng, months: number, process: (typeof PROCESSES)[number]): number[] {
  const out: number[] = [];
  let v = 0;
  for (let t = 0; t < months; t++) {
    if (process === "random walk") v += rng.normal(0, 3);
    else if (process === "trend") v = 0.8 * t + rng.normal(0, 3);
    else v = { "AR(1) φ = 0": 0, "AR(1) φ = 0.5": 0.5, "AR(1) φ = 0.9": 0.9 }[process] * v + rng.normal(0, 3);
    out.push(Math.round((100 + v) * 10) / 10);
  }
  return out;
}

const monthly = { maxLagWeeks: DEFAULT_MAX_LAG_MONTHS, unit: "month" as const, permutations: PERMUTATIONS };

describe("lead → lag on monthly series", () => {
  it("calls at most 5% of 2,000 unrelated monthly pairs (12–36 months, late starts) predictive or opposite", () => {
    const rng = createRng(1313);
    const kinds: VerdictKind[] = [];
    for (let i = 0; i < 2000; i++) {
      const months = rng.int(12, 36);
      const lead: (number | null)[] = series(rng, months, PROCESSES[i % PROCESSES.length]!);
      const lag = series(rng, months, PROCESSES[(i + 2) % PROCESSES.length]!);
      // A third of the leads were tracked only from a later month: those months are missing.
      if (i % 3 === 0) lead.fill(null, 0, rng.int(1, Math.floor(months / 3)));
      kinds.push(analyzeLeadLag({ lead, lag, direction: "HIGHER_IS_BETTER", ...monthly, seed: i }).verdict.kind);
    }
    const judged = kinds.filter((k) => k !== "insufficient").length;
    const called = kinds.filter((k) => k === "predictive" || k === "opposite").length / kinds.length;
    expect(judged).toBeGreaterThan(1500);
    expect(called).toBeLessThanOrEqual(0.05 + 3 * Math.sqrt((0.05 * 0.95) / kinds.length));
  });

  // Months are few: at R² ≈ 0.3 the measured power is 53% over 24 months and 80% over 36 (it
  // grows with the paired changes, as the weekly study's does); a stronger monthly link is found
  // over two years.
  it("finds a planted monthly relation (R² ≈ 0.5, 24 months, 0–3 months later) in at least 80% of 500 pairs", () => {
    const rng = createRng(2027);
    let found = 0;
    for (let i = 0; i < 500; i++) {
      const k = rng.int(0, 3);
      const lead = series(rng, 24, "random walk");
      const gain = Math.sqrt(0.5 / (0.5 * 9)); // Δlead has variance 9, the noise 1
      const lag: number[] = [];
      let level = 86;
      for (let t = 0; t < 24; t++) {
        level += (t - k >= 1 ? gain * (lead[t - k]! - lead[t - k - 1]!) : 0) + rng.normal(0, 1);
        lag.push(level);
      }
      if (analyzeLeadLag({ lead, lag, direction: "HIGHER_IS_BETTER", ...monthly, seed: i }).verdict.kind === "predictive") found++;
    }
    expect(found / 500).toBeGreaterThanOrEqual(0.8);
  });

  it("speaks of months: the lag, the forecast check and 'not enough data'", () => {
    const rng = createRng(5);
    const lead = series(rng, 20, "random walk");
    const lag = lead.map((_, t) => (t >= 2 ? 50 + 0.5 * lead[t - 1]! + rng.normal(0, 0.2) : 50 + 0.5 * lead[0]!));
    const r = analyzeLeadLag({ lead, lag, direction: "HIGHER_IS_BETTER", ...monthly, seed: 1 });
    expect(r.unit).toBe("month");
    expect(r.fits.map((f) => f.k)).toEqual([0, 1, 2, 3]);
    expect(r.verdict.text).toMatch(/strongest 1 month later\): months with more of this activity/);
    expect(r.verdict.text).toMatch(/one-month-ahead error by \d+% \(\d+ months tested\)/);
    expect(r.verdict.text).not.toMatch(/week/);
    // Judged among other pairs, the q-based verdict keeps the months.
    const [together] = judgeAcrossPairs([r, r]);
    expect(together!.verdict.text).toMatch(/strongest 1 month later/);
    const short = analyzeLeadLag({ lead: lead.slice(0, 4), lag: lag.slice(0, 4), direction: "HIGHER_IS_BETTER", ...monthly });
    expect(short.verdict.text).toBe("Not enough data yet (n < 8): at most 3 month-to-month changes where both measures were recorded.");
  });
});
