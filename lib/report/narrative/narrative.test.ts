// The whole narrative on a fixed snapshot: money, numbers and dates in the organization's locale
// and currency, every printed figure recorded as a fact for the appendix, and the same document
// from the same snapshot, word for word.
import { describe, expect, it } from "vitest";
import { buildNarrative } from "./narrative";
import { SHA, expectClean, sectionText, snapshot, summary } from "@/tests/fixtures/reportSnapshot";

describe("formatting for the organization", () => {
  it("writes money and numbers in the organization's locale and currency", () => {
    const doc = buildNarrative(snapshot({ organization: { name: "Acme GmbH", locale: "de-DE", currency: "EUR", timeZone: "Europe/Berlin", green: 1, amber: 0.8 } }), SHA);
    expect(summary(doc)).toMatch(/invested 100\.000\s€, fully loaded/);
    expect(summary(doc)).toContain("a benefit-cost ratio (BCR) of 4 : 1 and an ROI of 300%");
    expect(summary(doc)).toContain("In Q3 2026 (1. Juli 2026 – 30. Sept. 2026)");
    expect(sectionText(doc, "execution")).toContain("Coaching conversations");
    expectClean(doc);
  });

  it("records every printed ROI figure in the appendix's facts with its raw value", () => {
    const doc = buildNarrative(snapshot(), SHA);
    expect(doc.facts.find((f) => f.section === "ROI" && f.metric === "ROI %")).toMatchObject({ value: 300, display: "300%", unit: "%" });
    expect(doc.facts.find((f) => f.section === "ROI" && f.metric === "BCR")).toMatchObject({ value: 4, display: "4 : 1" });
    expect(doc.facts.find((f) => f.section === "ROI" && f.metric === "P10 ROI %")).toMatchObject({ value: 150, display: "150%" });
  });

  it("is deterministic: the same snapshot gives the same document", () => {
    expect(buildNarrative(snapshot(), SHA)).toEqual(buildNarrative(snapshot(), SHA));
    expect(buildNarrative(snapshot(), SHA).meta.fingerprint).toBe("0123456789abcdef");
  });
});
