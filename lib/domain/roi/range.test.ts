import { describe, expect, it } from "vitest";
import { line, usd } from "@/tests/fixtures/roiLines";
import { addDays } from "../calendar/weeks";
import { createRng, studentT } from "../stats/random";
import { computeProgramRoi } from "./program";
import { improvementSampler } from "./range";
import type { LineIsolation, ProgramRoiInput } from "./types";

describe("drawing from a t distribution", () => {
  it("has the t distribution's spread: variance df/(df − 2) and 97.5% quantile 2.571 at 5 degrees of freedom", () => {
    const rng = createRng(5);
    const xs = Array.from({ length: 40_000 }, () => studentT(rng, 5)).sort((a, b) => a - b);
    const variance = xs.reduce((s, x) => s + x * x, 0) / xs.length;
    expect(variance).toBeGreaterThan(5 / 3 - 0.15);
    expect(variance).toBeLessThan(5 / 3 + 0.15);
    expect(xs[Math.floor(0.975 * xs.length)]!).toBeCloseTo(2.571, 1);
  });
});

const iso = (value: number, se: number, chosen: LineIsolation["chosen"] = "CONTROL_GROUP"): LineIsolation => ({
  chosen,
  usedMethod: "CONTROL_GROUP",
  improvement: Math.max(0, value),
  rawChange: value,
  low: 0,
  high: 0,
  interval: { se, df: 10, low: value - 2.228 * se, high: value + 2.228 * se },
  couldBeNothing: false,
  methods: [
    { method: "CONTROL_GROUP", value, interval: { se, df: 10, low: value - 2.228 * se, high: value + 2.228 * se }, detail: "" },
    { method: "TREND_LINE", value: value + 1, interval: { se, df: 10, low: 0, high: 0 }, detail: "" },
  ],
  scope: "teams",
  note: "",
});

describe("an isolated improvement's draws", () => {
  it("scatter around the estimate by its standard error, and a draw below zero claims nothing", () => {
    const rng = createRng(9);
    const draws = Array.from({ length: 20_000 }, () => improvementSampler(iso(1, 1))(rng));
    expect(Math.min(...draws)).toBe(0);
    // P(t10 < −1) = 0.1705: that share of the draws claims nothing.
    expect(draws.filter((d) => d === 0).length / draws.length).toBeCloseTo(0.17, 1);
    const sorted = draws.slice().sort((a, b) => a - b);
    expect(sorted[10_000]!).toBeCloseTo(1, 1);
  });

  it("under 'conservative', take the smaller of the methods' draws", () => {
    const rng = createRng(10);
    const draws = Array.from({ length: 20_000 }, () => improvementSampler(iso(5, 0.5, "CONSERVATIVE"))(rng));
    const mean = draws.reduce((s, d) => s + d, 0) / draws.length;
    expect(mean).toBeLessThan(5);
    expect(mean).toBeGreaterThan(4.5);
  });
});

describe("the ROI range carries each line's sampling error", () => {
  const weeks = Array.from({ length: 16 }, (_, i) => addDays("2026-01-05", 7 * i));
  const input = (noise: number): ProgramRoiInput => ({
    startDate: weeks[8]!,
    today: "2026-06-10",
    ...usd,
    rangeSeed: 3,
    draws: 4_000,
    costs: [{ id: "c", category: "DELIVERY", description: "", incurredOn: weeks[8]!, amount: 10_000, hours: null, hourlyRate: null, cohorts: 1 }],
    benefits: [
      line({
        kind: "COST_SAVING",
        parameters: { kind: "COST_SAVING", volumePerMonth: 1000, costPerUnit: 1 },
        isolationMethod: "CONTROL_GROUP",
        series: {
          weeks,
          // A gap of 10 before and 12 after, jittered by ± noise in alternate weeks.
          participant: weeks.map((_, i) => 30 + (i >= 8 ? 2 : 0) + (i % 2 ? noise : -noise)),
          control: weeks.map(() => 20),
          scope: "teams",
        },
      }),
    ],
  });

  it("is wider the noisier the weeks the improvement was measured on, around the same ROI", () => {
    const quiet = computeProgramRoi(input(0.2));
    const noisy = computeProgramRoi(input(2));
    expect(quiet.roi!.roiPercent).toBeCloseTo(noisy.roi!.roiPercent, 6);
    const width = (r: typeof quiet) => r.range!.p90 - r.range!.p10;
    expect(width(noisy)).toBeGreaterThan(3 * width(quiet));
    expect(noisy.lines[0]!.isolation.couldBeNothing).toBe(true);
    expect(noisy.range!.p10).toBeLessThan(quiet.range!.p10);
    expect(quiet.lines[0]!.isolation.couldBeNothing).toBe(false);
  });

  it("uses the interval's lower end as the smallest credible value", () => {
    const r = computeProgramRoi(input(0.2));
    const l = r.lines[0]!;
    expect(l.isolation.low).toBeCloseTo(l.isolation.interval!.low, 12);
    expect(r.range!.inputs[0]!.value.low).toBeCloseTo(l.isolation.low * 1000 * r.benefitMonths.length, 6);
    expect(l.monthlyInterval!.low).toBeCloseTo(l.isolation.interval!.low * 1000, 6);
  });
});
