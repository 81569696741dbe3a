// The executive summary on fixed snapshots: the investment, the result, the ROI range and the
// confidence statement — low, moderate or high as the evidence allows — and no claim without it.
import { describe, expect, it } from "vitest";
import { buildNarrative } from "./narrative";
import { SHA, expectClean, lag, program, sectionText, snapshot, summary } from "@/tests/fixtures/reportSnapshot";

describe("the executive summary", () => {
  it("states the investment, the result, the ROI range and how sure we are, with BCR and ROI labelled apart", () => {
    const doc = buildNarrative(snapshot(), SHA);
    expect(summary(doc)).toBe(
      "In Q3 2026 (Jul 1, 2026 – Sep 30, 2026), Acme had invested $100,000, fully loaded, in Service training. " +
        "Acme's teams reached 77% of their lead-measure targets, and 1 of 1 lag measure is on track: CSAT improved from 79% to 82%. " +
        "The benefits attributed to Service training so far come to $400,000: a benefit-cost ratio (BCR) of 4 : 1 and an ROI of 300%, with a likely range of 150% to 420% (P10 to P90). " +
        "Confidence is high: every priced benefit is isolated by a control group or the pre-program trend, and even the pessimistic case (P10) is a gain of 150%.",
    );
    expectClean(doc);
  });

  it("says confidence is low when the pessimistic case is a loss, and moderate when estimates carry part of it", () => {
    expect(summary(buildNarrative(snapshot({ programs: [program({ range: { p10: -20, p50: 40, p90: 90, draws: 100, seed: 1 } })] }), SHA))).toMatch(
      /Confidence is low: the pessimistic case \(P10\) is a loss at an ROI of -20%/,
    );
    const manual = { ...program().lines[0]!, name: "Referrals", kind: "MANUAL", usedMethod: null, attributed: 1_000 };
    expect(summary(buildNarrative(snapshot({ programs: [program({ lines: [...program().lines, manual] })] }), SHA))).toMatch(
      /Confidence is moderate: .* 1 of 2 priced benefits rests on estimates or manual values/,
    );
  });

  it("claims nothing without a program, and nothing when no line could be isolated", () => {
    const none = buildNarrative(snapshot({ programs: [] }), SHA);
    expect(summary(none)).toMatch(/has no ROI program recorded, so this report covers execution and results only/);
    expect(sectionText(none, "roi")).toMatch(/No ROI program had started/);
    expectClean(none);
    const nothing = program({ lines: [{ ...program().lines[0]!, attributed: 0, usedMethod: null }], totals: { costs: 100_000, benefits: 0, netBenefit: -100_000 }, bcr: 0, roiPercent: -100 });
    expect(summary(buildNarrative(snapshot({ programs: [nothing] }), SHA))).toMatch(/Nothing is claimed yet: no benefit line has the data/);
  });

  it("names the programs the benefits are attributed to, never 'it', when there are two", () => {
    const two = snapshot({ programs: [program(), program({ programId: "p2", name: "Coaching pilot" })] });
    const text = summary(buildNarrative(two, SHA));
    expect(text).toContain("in Service training and Coaching pilot.");
    expect(text).toContain("The benefits attributed to Service training and Coaching pilot so far come to $800,000");
    expect(text).not.toMatch(/\bit\b so far/);
  });

  it("says which rule and which day the lag on-track count uses, and why the live pages may differ", () => {
    const doc = buildNarrative(snapshot({ lags: [lag({})] }), SHA);
    const figures = doc.sections[0]!.blocks.find((b) => b.kind === "figures")!;
    const onTrack = figures.kind === "figures" ? figures.items.find((f) => f.label === "Lag measures on track") : undefined;
    expect(onTrack?.note).toBe("as of Sep 30, 2026, by the dashboard's rule: the latest value at or better than the straight path from baseline to target");
    expect(sectionText(doc, "summary")).toContain("Why these numbers may differ from the live pages: they are as of Sep 30, 2026, benefits count for full months only");
    expect(sectionText(doc, "results")).toContain("The dashboard applies the same rule to today's latest value");
  });
});
