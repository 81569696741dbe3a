// The recommendations follow from the data: teams below target, thin check-ins, off-track lag
// measures and drivers without enough weeks to test.
import { describe, expect, it } from "vitest";
import { buildNarrative } from "./narrative";
import { SHA, expectClean, lag, sectionText, snapshot, team } from "@/tests/fixtures/reportSnapshot";

describe("the recommendations", () => {
  it("recommends from the data: weak teams, thin check-ins, off-track lags, untested drivers", () => {
    const doc = buildNarrative(
      snapshot({
        teams: [team("Tier 1", 0.95), { ...team("Tier 2", 0.6), checkIns: { held: 1, due: 4 } }],
        lags: [lag({ atEnd: { value: 77, date: "2026-09-27" } })],
        drivers: [{ leadMeasureId: "m1", leadName: "Coaching conversations", lagMeasureId: "l1", lagName: "CSAT", kind: "insufficient", text: "Not enough data yet", k: null, n: 3, p: null, slope: null, ci95: null, weeks: 52 }],
      }),
      SHA,
    );
    const next = sectionText(doc, "next");
    expect(next).toContain("Raise lead execution in Tier 2 (60%): below 80% of target.");
    expect(next).toContain("Hold the weekly check-in in Tier 2 (1 of 4)");
    expect(next).toContain("Close the gap on CSAT: 3.5 points behind its path; it needs 83% by Dec 31, 2026 to be back on it.");
    expect(next).toContain("Keep logging weekly: Coaching conversations → CSAT needs more weeks of data");
    expectClean(doc);
  });

});
