import { describe, expect, it } from "vitest";
import { line, series, WEEKS } from "@/tests/fixtures/roiLines";
import { firstProgramWeek, isolateLine } from "./isolation";

describe("which weeks belong to the program", () => {
  it("counts the week holding the start date as the program's first", () => {
    expect(firstProgramWeek(WEEKS, "2026-01-19")).toBe(2);
    expect(firstProgramWeek(WEEKS, "2026-01-21")).toBe(2);
    expect(firstProgramWeek(WEEKS, "2026-03-01")).toBe(6);
  });
});

describe("isolating the program's share of a lag measure's movement", () => {
  // Program 11 → 16 (pre 10, 12; post 15, 17, 16); control 20 → 22: DiD = 5 − 2 = 3.
  const did = series([10, 12, 15, 17, null, 16], [20, 20, 21, 23, null, 22]);

  it("control group: the participants' change minus the control teams' change", () => {
    const iso = isolateLine(line({ isolationMethod: "CONTROL_GROUP", series: did }), "2026-01-19");
    expect(iso.methods[0]!.value).toBeCloseTo(3, 12);
    expect(iso.methods[0]!.detail).toContain("(16 − 11) − (22 − 20) = 3");
    expect(iso).toMatchObject({ usedMethod: "CONTROL_GROUP", rawChange: 5 });
    expect(iso.improvement).toBeCloseTo(3, 12);
  });

  it("reads a lower-is-better measure the right way: rising values are a worse result, never claimed", () => {
    const iso = isolateLine(line({ isolationMethod: "CONTROL_GROUP", series: did, lag: { id: "l", name: "Handle time", unit: "min", direction: "LOWER_IS_BETTER" } }), "2026-01-19");
    expect(iso.methods[0]!.value).toBeCloseTo(-3, 12);
    expect(iso.improvement).toBe(0);
    expect(iso.note).toMatch(/wrong way/);
  });

  it("needs two weeks on each side for both groups", () => {
    const iso = isolateLine(line({ isolationMethod: "CONTROL_GROUP", series: series([10, 12, 15, 17, null, 16], [null, 20, 21, 23, null, 22]) }), "2026-01-19");
    expect(iso.methods[0]).toMatchObject({ value: null });
    expect(iso.methods[0]!.detail).toMatch(/^no data: needs 2 weeks .*control 1\/3/);
    expect(iso.improvement).toBe(0);
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

  it("conservative (the default): the smallest credible value wins, and the range keeps the largest", () => {
    const iso = isolateLine(line({ estimateShare: 0.5, estimateConfidence: 0.8, series: trend }), "2026-01-26");
    expect(iso.usedMethod).toBe("TREND_LINE");
    expect(iso.improvement).toBeCloseTo(1.5, 12);
    expect(iso.low).toBeCloseTo(1.5, 12);
    expect(iso.high).toBeCloseTo(1.6, 12);
  });

  it("claims nothing without data, and says so", () => {
    const iso = isolateLine(line({ series: series([null, null, 15, 16, 17, 18]) }), "2026-01-19");
    expect(iso.improvement).toBe(0);
    expect(iso.usedMethod).toBeNull();
    expect(iso.methods.every((m) => m.value === null && m.detail.startsWith("no data"))).toBe(true);
    expect(iso.note).toBe("No method has data: no benefit is claimed.");
  });
});
