// How often the forecast's 80% range holds the next week, on simulated series of the kinds lag
// measures take: a percentage near its ceiling, a percentage falling toward zero, a trending time,
// a wandering NPS. Each series is forecast from every other origin between MIN_FORECAST_N and 26
// weeks, as the trends page would have shown it then. Seeded; a few seconds.
//
// Measured with seeds 2026 and 1–4 (400 series × 10 origins each): the 80% range held the next
// week in 77.6–79.0% of forecasts near a bound, 79.0–80.1% for the trend, and 74.6–76.2% for the
// random walk — under 80% because the model is chosen on a short backtest, and a random walk taken
// for a trend in 8–12 weeks gets the trend's narrower band. Four weeks ahead: 80–85%, and 71–73%
// for the random walk. (A trend with noise of constant size rather than in proportion, not
// simulated here, measured 75.5%.)
// The stated tolerance is 6 points either side of 80%, one week ahead.
import { describe, expect, it } from "vitest";
import { forecastLag, MIN_FORECAST_N } from "./forecast";
import type { MeasureRange } from "./forecastRange";
import { createRng, type Rng } from "./random";

const SEED = 2026;
const SERIES = 400;
const HORIZON = 13;
const TOLERANCE = 0.06;

/** A weekly survey share: `respondents` answers, each "yes" with probability p(week). */
const surveyShare = (rng: Rng, respondents: number, p: number) => {
  let yes = 0;
  for (let i = 0; i < respondents; i++) if (rng.next() < p) yes++;
  return (100 * yes) / respondents;
};

type Kind = { name: string; range: MeasureRange; series(rng: Rng, weeks: number): number[] };

const KINDS: Kind[] = [
  {
    name: "CSAT near 100% (40 answers a week, 96% satisfied)",
    range: { low: 0, high: 100 },
    series: (rng, weeks) => Array.from({ length: weeks }, () => surveyShare(rng, 40, 0.96)),
  },
  {
    name: "churn falling toward 0% (400 customers, 2% → 0.9%)",
    range: { low: 0, high: 100 },
    series: (rng, weeks) => Array.from({ length: weeks }, (_, i) => surveyShare(rng, 400, 0.02 - 0.0003 * i)),
  },
  {
    name: "resolution time trending down (26 h, −1.2% a week, ±4%)",
    range: { low: 0, high: null },
    series: (rng, weeks) => Array.from({ length: weeks }, (_, i) => 26 * Math.exp(-0.012 * i + rng.normal(0, 0.04))),
  },
  {
    name: "NPS as a random walk (steps of ±3 points, drift +0.3)",
    range: { low: -100, high: 100 },
    series: (rng, weeks) => {
      let nps = 20;
      return Array.from({ length: weeks }, () => (nps += rng.normal(0.3, 3)));
    },
  },
];

describe("forecast calibration", () => {
  for (const kind of KINDS) {
    it(`holds the next week in about 80% of its 80% ranges, and never leaves the measure's range: ${kind.name}`, () => {
      const rng = createRng(SEED);
      const { low, high } = kind.range;
      let forecasts = 0;
      let held = 0;
      let outside = 0;
      for (let s = 0; s < SERIES; s++) {
        const values = kind.series(rng, 26 + HORIZON);
        for (let n = MIN_FORECAST_N; n <= 26; n += 2) {
          const f = forecastLag(values.slice(0, n), HORIZON, kind.range);
          if (f.kind !== "forecast") throw new Error(`no forecast from ${n} weeks`);
          const next = f.points[0]!;
          const actual = values[n]!;
          forecasts++;
          if (actual >= next.lo80 && actual <= next.hi80) held++;
          for (const p of f.points) for (const v of [p.lo95, p.lo80, p.mean, p.hi80, p.hi95]) if ((low != null && v < low) || (high != null && v > high)) outside++;
        }
      }
      expect(forecasts).toBe(SERIES * 10);
      expect(Math.abs(held / forecasts - 0.8)).toBeLessThanOrEqual(TOLERANCE);
      expect(outside).toBe(0);
    });
  }
});
