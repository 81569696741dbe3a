// The results on fixed lag measures: rising and falling, higher- and lower-is-better, on and off
// their path, and a measure without values, each worded in the measure's own direction.
import { describe, expect, it } from "vitest";
import { buildNarrative } from "./narrative";
import type { LagSnapshot } from "../snapshot/types";
import { SHA, expectClean, lag, sectionText, snapshot, weeks } from "@/tests/fixtures/reportSnapshot";

describe("the results, in the measure's own direction", () => {
  const results = (l: Partial<LagSnapshot>) => sectionText(buildNarrative(snapshot({ lags: [lag(l)] }), SHA), "results");

  it("a rising higher-is-better measure above its path is an improvement, on track", () => {
    expect(results({})).toContain("Over the quarter it rose by 3 points, from 79% to 82% on Sep 27, 2026: an improvement. That is on track: at or above the path value of 80.5%.");
  });

  it("a falling higher-is-better measure is a setback, and off track below its path", () => {
    expect(results({ atEnd: { value: 77, date: "2026-09-27" } })).toContain("it fell by 2 points, from 79% to 77% on Sep 27, 2026: a setback. That is off track: 3.5 points below the path value of 80.5%.");
  });

  it("a falling lower-is-better measure is an improvement, and on track below its path", () => {
    const text = results({
      name: "Resolution time",
      unit: "hours",
      direction: "LOWER_IS_BETTER",
      baseline: { value: 26, date: "2026-06-01" },
      target: { value: 18, date: "2027-06-01" },
      atStart: { value: 25, date: "2026-06-28" },
      atEnd: { value: 21.5, date: "2026-09-27" },
      pathAtEnd: 24,
    });
    expect(text).toContain("Resolution time, lower is better, aims to go from 26 hours to 18 hours by Jun 1, 2027.");
    expect(text).toContain("it fell by 3.5 hours, from 25 hours to 21.5 hours on Sep 27, 2026: an improvement. That is on track: at or below the path value of 24 hours.");
  });

  it("a rising lower-is-better measure is a setback, off track above its path", () => {
    const text = results({
      name: "Churn",
      unit: "%",
      direction: "LOWER_IS_BETTER",
      baseline: { value: 5, date: "2026-06-01" },
      target: { value: 3, date: "2027-06-01" },
      atStart: { value: 5, date: "2026-06-28" },
      atEnd: { value: 6, date: "2026-09-27" },
      pathAtEnd: 4.4,
    });
    expect(text).toContain("it rose by 1 point, from 5% to 6% on Sep 27, 2026: a setback. That is off track: 1.6 points above the path value of 4.4%.");
  });

  it("a measure without values says so instead of guessing, and the document stays clean", () => {
    const doc = buildNarrative(snapshot({ lags: [lag({ atStart: null, atEnd: null, previousEnd: null, history: weeks.map((w) => ({ weekStart: w, value: null })), forecast: null, forecastNote: "not enough weeks for a range yet: 0 of 8." })] }), SHA);
    expect(sectionText(doc, "results")).toContain("No value was recorded by Sep 30, 2026, so no status can be given.");
    expect(sectionText(doc, "results")).toContain("No data yet");
    expectClean(doc);
  });

  it("names who answers for each goal, in the sentence and the table, and says so when nobody is named", () => {
    const named = results({ owner: "Maya Patel" });
    expect(named).toContain("CSAT, higher is better, aims to go from 78% to 88% by Jun 1, 2027; Maya Patel answers for it.");
    expect(named).toMatch(/Owner[\s\S]*Maya Patel/);
    expect(results({ owner: null })).toContain("by Jun 1, 2027; nobody is named to answer for it.");
    // A snapshot made before lag measures had owners reads as it did.
    expect(results({})).toContain("by Jun 1, 2027. Over the quarter");
  });

  it("the lag chart says how the forecast was made and how often its range held, or why there is none", () => {
    expect(results({ forecastMethod: "random walk with drift; the 80% range held in 9 of 11 past weeks" })).toContain(
      "(80% range 82% to 84%). Forecast by a random walk with drift; the 80% range held in 9 of 11 past weeks.",
    );
    expect(results({ forecast: null, forecastNote: "not enough weeks for a range yet: 5 of 8." })).toContain("No forecast: not enough weeks for a range yet: 5 of 8.");
  });
});
