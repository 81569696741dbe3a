// The change since last quarter when a report was exported for it: the section quotes what that
// report said, then this quarter's figures with the change in points.
import { describe, expect, it } from "vitest";
import { buildNarrative } from "./narrative";
import { SHA, sectionText, snapshot } from "@/tests/fixtures/reportSnapshot";

describe("the change since last quarter", () => {
  it("cites what last quarter's report said", () => {
    const doc = buildNarrative(
      snapshot({
        previousReport: { reportId: "r", quarterLabel: "Q2 2026", createdAt: "2026-07-03T10:00:00Z", attainment: 0.6, lagsOnTrack: 0, lagsTotal: 1, roiPercent: 120, bcr: 2.2, p10: 40, p90: 200, benefits: 1, costs: 1 },
      }),
      SHA,
    );
    expect(sectionText(doc, "comparison")).toContain(
      "Last quarter (Q2 2026, report of Jul 3, 2026) we reported an ROI of 120% (P10 40% to P90 200%) and a BCR of 2.2 : 1, lead attainment of 60% and 0 of 1 lag measure on track. This quarter: an ROI of 300% (+180 points) and a BCR of 4 : 1, lead attainment of 77% (+17.5 points) and 1 of 1 lag measure on track.",
    );
  });

});
