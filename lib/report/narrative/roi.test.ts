// The ROI section states how sure each claim is: a line's 95% interval in money a month, "could be
// nothing" when it includes zero, and the projection's 80% band — each number also in the appendix.
import { describe, expect, it } from "vitest";
import { SHA, sectionText, snapshot } from "@/tests/fixtures/reportSnapshot";
import { buildNarrative } from "./narrative";

describe("the ROI section's uncertainty", () => {
  const base = snapshot();
  const program = base.programs[0]!;
  const withInterval = (low: number, high: number) =>
    snapshot({ programs: [{ ...program, lines: [{ ...program.lines[0]!, monthlyInterval: { low, high }, couldBeNothing: low <= 0 }] }] });

  it("says a line could be nothing when its interval includes zero, and records the interval's ends", () => {
    const doc = buildNarrative(withInterval(-500, 7_500), SHA);
    expect(sectionText(doc, "roi")).toContain("95% interval -$500 to $7,500 a month: could be nothing, the range includes $0.");
    expect(doc.facts.find((f) => f.metric === "95% interval low (a month)")).toMatchObject({ value: -500, display: "-$500" });
  });

  it("states a sure line's interval without the warning", () => {
    const text = sectionText(buildNarrative(withInterval(90_000, 170_000), SHA), "roi");
    expect(text).toContain("95% interval $90,000 to $170,000 a month.");
    expect(text).not.toContain("could be nothing");
  });

  it("prints the projected ROI's 80% band from the simulated totals", () => {
    // Costs $100,000; the band of cumulative benefits at the projection's end $450,000–$550,000.
    const doc = buildNarrative(base, SHA);
    expect(sectionText(doc, "roi")).toMatch(/\(80% band 350% to 450%: the 10th and 90th percentiles of simulated totals/);
    expect(doc.facts.find((f) => f.metric === "Projected ROI % in four quarters, 80% band high")).toMatchObject({ value: 450 });
  });
});
