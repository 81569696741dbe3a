// The ROI section states how sure each claim is: a line's 95% interval in money a month, "could be
// nothing" when it includes zero, and the projection's 80% band — each number also in the appendix.
import { describe, expect, it } from "vitest";
import { SHA, sectionText, snapshot } from "@/tests/fixtures/reportSnapshot";
import { parseCsv } from "@/lib/csv/parse";
import { renderAppendixCsv } from "../render/appendix";
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

  it("says how each line was projected, and lists its note's numbers in the appendix", () => {
    const doc = buildNarrative(base, SHA);
    expect(sectionText(doc, "roi")).toContain(
      "Retention, projected: Follows Retention's linear trend month by month (chosen by backtest, as its forecast is: the 80% range held in 9 of 12 past months; 17 months with values)",
    );
    const { header, records } = parseCsv(renderAppendixCsv(doc));
    const listed = records.filter((r) => r.cells[header.indexOf("item")] === "Retention, projected").map((r) => r.cells[header.indexOf("display")]!.replace(/^'/, ""));
    expect(listed).toEqual(expect.arrayContaining(["80%", "9", "12", "17", "+0.19", "85.982", "86%", "2.794"]));
  });

  const paybackOf = (doc: ReturnType<typeof buildNarrative>) => {
    const figures = doc.sections.find((x) => x.id === "roi")!.blocks.find((b) => b.kind === "figures");
    return figures?.kind === "figures" ? figures.items.find((f) => f.label === "Payback")?.value : undefined;
  };

  it("shows payback only when cumulative benefits caught up with the costs within the months counted", () => {
    expect(paybackOf(buildNarrative(base, SHA))).toBe("1 month (Jul 2026)");
    // A loss so far: costs ÷ monthly benefit would still say "5.7 months" beside an ROI of −47%.
    const behind = { ...program, totals: { costs: 100_000, benefits: 52_700, netBenefit: -47_300 }, roiPercent: -47.3, paybackMonths: 5.7, breakEvenMonth: null, months: [{ month: "2026-07", cumulativeCosts: 100_000, cumulativeBenefits: 17_600 }, { month: "2026-09", cumulativeCosts: 100_000, cumulativeBenefits: 52_700 }] };
    const doc = buildNarrative(snapshot({ programs: [behind] }), SHA);
    expect(paybackOf(doc)).toBe("Not yet paid back at this rate");
    expect(JSON.stringify(doc)).not.toContain("5.7 months");
  });

  it("says which full months the report counted, and that the program's page counts to today", () => {
    expect(sectionText(buildNarrative(base, SHA), "roi")).toContain(
      "this report is as of Sep 30, 2026 and counts benefits for full months only — 3 full months (Jul 2026 – Sep 2026). The program's page counts to today",
    );
  });
});
