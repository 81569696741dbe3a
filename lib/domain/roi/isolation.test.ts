import { describe, expect, it } from "vitest";
import { line, series, WEEKS } from "@/tests/fixtures/roiLines";
import { addDays } from "../calendar/weeks";
import { firstProgramWeek, isolateLine, meanDifference, MIN_DID_WEEKS } from "./isolation";

describe("which weeks belong to the program", () => {
  it("counts the week holding the start date as the program's first", () => {
    expect(firstProgramWeek(WEEKS, "2026-01-19")).toBe(2);
    expect(firstProgramWeek(WEEKS, "2026-01-21")).toBe(2);
    expect(firstProgramWeek(WEEKS, "2026-03-01")).toBe(6);
  });
});

describe("isolating the program's share of a lag measure's movement", () => {
  // Eight weeks before a start on 2 March 2026 and four after. The control teams wander (20 → 23);
  // the gap between the groups is 10, 12, 10, 12, … before (mean 11) and 15, 17, 15, 17 after
  // (mean 16): DiD = 5. Pooled scatter of the gap s² = (8 × 1 + 4 × 1) / 10 = 1.2, standard
  // error √1.2 × √(1/8 + 1/4) = 0.6708, t(0.975, 10) = 2.2281: 95% interval 5 ± 1.4947.
  const weeks12 = Array.from({ length: 12 }, (_, i) => addDays("2026-01-05", 7 * i));
  const control = [20, 21, 20, 22, 21, 20, 21, 22, 23, 22, 23, 23];
  const gaps = [10, 12, 10, 12, 10, 12, 10, 12, 15, 17, 15, 17];
  const did = series(control.map((c, i) => c + gaps[i]!), control, weeks12);
  const start = "2026-03-02";

  it("control group: the participants' change minus the control teams' change, with its standard error and 95% interval", () => {
    const iso = isolateLine(line({ isolationMethod: "CONTROL_GROUP", series: did }), start);
    const m = iso.methods[0]!;
    expect(m.value).toBeCloseTo(5, 12);
    expect(m.interval!.se).toBeCloseTo(Math.sqrt(1.2) * Math.sqrt(1 / 8 + 1 / 4), 12);
    expect(m.interval!.df).toBe(10);
    expect(m.interval!.low).toBeCloseTo(5 - 1.4947, 3);
    expect(m.interval!.high).toBeCloseTo(5 + 1.4947, 3);
    expect(m.detail).toContain("over 8 weeks before and 4 after");
    expect(m.detail).toContain("= 5; standard error 0.671, 95% interval 3.505 to 6.495");
    expect(iso).toMatchObject({ usedMethod: "CONTROL_GROUP", couldBeNothing: false });
    expect(iso.improvement).toBeCloseTo(5, 12);
    expect(iso.low).toBeCloseTo(5 - 1.4947, 3);
  });

  it("reads a lower-is-better measure the right way: rising values are a worse result, never claimed", () => {
    const iso = isolateLine(line({ isolationMethod: "CONTROL_GROUP", series: did, lag: { id: "l", name: "Handle time", unit: "min", direction: "LOWER_IS_BETTER", range: { low: 0, high: null } } }), start);
    expect(iso.methods[0]!.value).toBeCloseTo(-5, 12);
    expect(iso.methods[0]!.interval!.low).toBeCloseTo(-5 - 1.4947, 3);
    expect(iso.methods[0]!.interval!.high).toBeCloseTo(-5 + 1.4947, 3);
    expect(iso.improvement).toBe(0);
    expect(iso.note).toMatch(/wrong way/);
  });

  it(`needs ${MIN_DID_WEEKS} weeks before the start in which both groups have values`, () => {
    const without = (gaps: number[]) => series(did.participant, control.map((c, i) => (gaps.includes(i) ? null : c)), weeks12);
    const five = isolateLine(line({ isolationMethod: "CONTROL_GROUP", series: without([1, 3, 5]) }), start);
    expect(five.methods[0]).toMatchObject({ value: null, interval: null });
    expect(five.methods[0]!.detail).toBe("no data: needs 6 weeks before the start and 2 after in which both groups have values (has 5 and 4; program 8/4, control 5/4).");
    expect(five.improvement).toBe(0);
    const six = isolateLine(line({ isolationMethod: "CONTROL_GROUP", series: without([3, 5]) }), start);
    expect(six.methods[0]!.interval!.df).toBe(8);
    expect(six.improvement).toBeGreaterThan(0);
  });

  it("says when an improvement could be nothing: its interval includes 0", () => {
    const noisy = series(control.map((c, i) => c + [10, 14, 9, 13, 10, 15, 8, 12, 11, 16, 9, 15][i]!), control, weeks12);
    const iso = isolateLine(line({ isolationMethod: "CONTROL_GROUP", series: noisy }), start);
    expect(iso.improvement).toBeGreaterThan(0);
    expect(iso.interval!.low).toBeLessThan(0);
    expect(iso.couldBeNothing).toBe(true);
    expect(iso.low).toBe(0);
    expect(iso.note).toMatch(/Could be nothing: its 95% interval, -[\d.]+ to [\d.]+, includes 0\./);
  });

  // Pre 10, 11, 12 (trend 10 + 1/week) projects 13 and 14 for weeks 3 and 4; observed 14 and 16.
  const trend = series([10, 11, 12, 14, 16, null]);

  it("trend line: observed post-start mean minus the pre-program trend projected over the same weeks", () => {
    const iso = isolateLine(line({ isolationMethod: "TREND_LINE", series: trend }), "2026-01-26");
    expect(iso.methods[1]!.value).toBeCloseTo(15 - 13.5, 12);
    expect(iso.methods[1]!.detail).toContain("projects 13.5; observed 15 over 2 weeks");
  });

  it("trend line needs three weekly values before the start", () => {
    const iso = isolateLine(line({ isolationMethod: "TREND_LINE", series: trend }), "2026-01-19");
    expect(iso.methods[1]).toMatchObject({ value: null });
    expect(iso.improvement).toBe(0);
  });

  it("estimate: the observed change × the share attributed × the confidence in it", () => {
    const iso = isolateLine(line({ isolationMethod: "ESTIMATE", estimateShare: 0.5, estimateConfidence: 0.8, series: trend }), "2026-01-26");
    // Observed change: (14 + 16)/2 − (10 + 11 + 12)/3 = 15 − 11 = 4; × 0.5 × 0.8 = 1.6.
    expect(iso.rawChange).toBeCloseTo(4, 12);
    expect(iso.improvement).toBeCloseTo(1.6, 12);
  });

  it("conservative (the default): the smallest credible value wins, with its method's interval", () => {
    const iso = isolateLine(line({ estimateShare: 0.5, estimateConfidence: 0.8, series: trend }), "2026-01-26");
    expect(iso.usedMethod).toBe("TREND_LINE");
    expect(iso.improvement).toBeCloseTo(1.5, 12);
    // The smallest and largest credible values are the ends of the trend line's interval.
    const ci = iso.methods[1]!.interval!;
    expect(iso.interval).toEqual(ci);
    expect(ci.low).toBeLessThan(1.5);
    expect(ci.high).toBeGreaterThan(1.5);
    expect(iso.low).toBeCloseTo(Math.max(0, ci.low), 12);
    expect(iso.high).toBeCloseTo(ci.high, 12);
    // The estimate's error: the observed change's × share 0.5 × confidence 0.8.
    const pts = (ys: number[], from: number) => ys.map((y, i) => ({ x: from + i, y }));
    expect(iso.methods[2]!.interval!.se).toBeCloseTo(0.4 * meanDifference(pts([10, 11, 12], 0), pts([14, 16], 3))!.se, 12);
  });

  it("claims nothing without data, and says so", () => {
    const iso = isolateLine(line({ series: series([null, null, 15, 16, 17, 18]) }), "2026-01-19");
    expect(iso.improvement).toBe(0);
    expect(iso.usedMethod).toBeNull();
    expect(iso.methods.every((m) => m.value === null && m.detail.startsWith("no data"))).toBe(true);
    expect(iso.note).toBe("No method has data: no benefit is claimed.");
  });
});

describe("the standard error of a change in a weekly series", () => {
  const pts = (ys: number[], from = 0) => ys.map((y, i) => ({ x: from + i, y }));

  it("is the pooled two-sample error when the weeks jump about independently", () => {
    const d = meanDifference(pts([10, 12, 10, 12, 10, 12]), pts([15, 17, 15, 17], 6))!;
    expect(d.rho).toBe(0);
    expect(d.se).toBeCloseTo(Math.sqrt((6 + 4) / 8) * Math.sqrt(1 / 6 + 1 / 4), 12);
  });

  it("is wider when a slow week tends to follow a slow week", () => {
    const before = [10, 10.5, 11, 11.5, 12, 11.5, 11, 10.5];
    const after = [15, 15.5, 16, 16.5, 16, 15.5];
    const d = meanDifference(pts(before), pts(after, 8))!;
    const ss = before.reduce((s, v) => s + (v - 11) ** 2, 0) + after.reduce((s, v) => s + (v - 15.75) ** 2, 0);
    const naive = Math.sqrt(ss / 12) * Math.sqrt(1 / 8 + 1 / 6);
    expect(d.rho).toBeGreaterThan(0.5);
    expect(d.se).toBeGreaterThan(1.5 * naive);
    expect(d.df).toBeLessThan(12);
  });
});
