import { describe, expect, it } from "vitest";
import { executionScore, formatShare, leadCounts, PARTIAL_CREDIT, scoreWindow, type CadenceWeek } from "./execution";
import { DEFAULT_THRESHOLDS, type Thresholds } from "./status";

const none = { done: 0, partial: 0, notDone: 0, open: 0 };

/** A week with each lead measure's total and target, as the check-in and the dashboard read them. */
type Week = Omit<CadenceWeek, "leads"> & { leads: { total: number; target: number | null }[] };

function week(over: Partial<Week> = {}): Week {
  return { weekStart: "2026-11-02", ended: true, checkInHeld: false, commitments: none, leads: [], ...over };
}

/** The score of weeks whose measures are counted at the given thresholds. */
function scoreOf(weeks: Week[], thresholds: Thresholds) {
  return executionScore(weeks.map((w) => ({ ...w, leads: leadCounts(w.leads, thresholds) })));
}

describe("execution score", () => {
  it("combines check-ins held, commitments kept and lead targets hit, each shown on its own", () => {
    const score = scoreOf(
      [
        week({
          weekStart: "2026-11-02",
          checkInHeld: true,
          commitments: { done: 2, partial: 1, notDone: 1, open: 0 },
          leads: [
            { total: 10, target: 10 },
            { total: 4, target: 10 },
          ],
        }),
        week({
          weekStart: "2026-11-09",
          checkInHeld: false,
          commitments: { done: 1, partial: 0, notDone: 0, open: 0 },
          leads: [
            { total: 12, target: 10 },
            { total: 9, target: 10 },
          ],
        }),
      ],
      DEFAULT_THRESHOLDS,
    );
    expect(score.checkIns).toEqual({ achieved: 1, due: 2, ratio: 0.5 });
    // 2 done + 1 partial (half) + 1 done = 3.5 of 5.
    expect(score.commitments).toEqual({ achieved: 3.5, due: 5, ratio: 0.7, unreviewed: 0 });
    // Hit: 10/10 and 12/10; 4/10 and 9/10 (amber) are not hits.
    expect(score.leadTargets).toEqual({ achieved: 2, due: 4, ratio: 0.5 });
    expect(score.combined).toBeCloseTo((0.5 + 0.7 + 0.5) / 3, 12);
  });

  it("counts a partly done commitment as half", () => {
    expect(PARTIAL_CREDIT).toBe(0.5);
    const score = scoreOf([week({ commitments: { done: 0, partial: 2, notDone: 0, open: 0 } })], DEFAULT_THRESHOLDS);
    expect(score.commitments.ratio).toBe(0.5);
  });

  it("shows a part with nothing due as n/a, not zero, and leaves it out of the combined score", () => {
    const score = scoreOf([week({ checkInHeld: true })], DEFAULT_THRESHOLDS);
    expect(score.commitments.ratio).toBeNull();
    expect(score.leadTargets.ratio).toBeNull();
    expect(score.combined).toBe(1);
    expect(formatShare(score.commitments.ratio)).toBe("n/a");
    expect(formatShare(2 / 3)).toBe("67%");
  });

  it("has no combined score without any data", () => {
    expect(scoreOf([], DEFAULT_THRESHOLDS).combined).toBeNull();
  });

  it("counts a commitment nobody reviewed after its week as not kept", () => {
    const score = scoreOf([week({ commitments: { done: 1, partial: 0, notDone: 0, open: 1 } })], DEFAULT_THRESHOLDS);
    expect(score.commitments).toEqual({ achieved: 1, due: 2, ratio: 0.5, unreviewed: 1 });
  });

  it("does not hold the unfinished week against the team, but credits what it already achieved", () => {
    const ended = week({ weekStart: "2026-11-09", checkInHeld: true, leads: [{ total: 10, target: 10 }] });
    const current = week({
      weekStart: "2026-11-16",
      ended: false,
      checkInHeld: false,
      commitments: { done: 0, partial: 0, notDone: 0, open: 3 },
      leads: [
        { total: 2, target: 10 },
        { total: 0, target: 10 },
      ],
    });
    const before = scoreOf([ended, current], DEFAULT_THRESHOLDS);
    expect(before.checkIns).toEqual({ achieved: 1, due: 1, ratio: 1 });
    expect(before.commitments.ratio).toBeNull();
    expect(before.leadTargets).toEqual({ achieved: 1, due: 1, ratio: 1 });

    const held = scoreOf(
      [ended, { ...current, checkInHeld: true, leads: [{ total: 10, target: 10 }, { total: 0, target: 10 }] }],
      DEFAULT_THRESHOLDS,
    );
    expect(held.checkIns).toEqual({ achieved: 2, due: 2, ratio: 1 });
    expect(held.leadTargets).toEqual({ achieved: 2, due: 2, ratio: 1 });
  });

  it("uses the organization's green threshold for lead targets", () => {
    const w = [week({ leads: [{ total: 9, target: 10 }] })];
    expect(scoreOf(w, DEFAULT_THRESHOLDS).leadTargets.ratio).toBe(0);
    expect(scoreOf(w, { green: 0.9, amber: 0.5 }).leadTargets.ratio).toBe(1);
  });

  it("ignores a lead measure without a target that week", () => {
    const score = scoreOf([week({ leads: [{ total: 5, target: null }, { total: 5, target: 0 }] })], DEFAULT_THRESHOLDS);
    expect(score.leadTargets).toEqual({ achieved: 0, due: 0, ratio: null });
  });
});

describe("score window", () => {
  it("covers 13 weeks ending with the check-in's week", () => {
    expect(scoreWindow("2026-11-16", "2020-01-06")).toEqual({ firstWeek: "2026-08-24", lastWeek: "2026-11-16" });
  });
  it("starts no earlier than the team's first week", () => {
    expect(scoreWindow("2026-11-16", "2026-11-02")).toEqual({ firstWeek: "2026-11-02", lastWeek: "2026-11-16" });
    expect(scoreWindow("2026-11-16", "2026-12-07")).toEqual({ firstWeek: "2026-11-16", lastWeek: "2026-11-16" });
  });
});
