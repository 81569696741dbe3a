// The lead → lag section says what the tests found in words that claim no more than the
// statistics: predictive in the data so far, never proved; raw and adjusted p side by side.
import { describe, expect, it } from "vitest";
import { buildNarrative } from "./narrative";
import type { DriverFinding } from "../snapshot/types";
import { SHA, expectClean, lag, sectionText, snapshot } from "@/tests/fixtures/reportSnapshot";

const finding = (over: Partial<DriverFinding>): DriverFinding => ({
  leadMeasureId: "m1",
  leadName: "Coaching conversations",
  lagMeasureId: "l1",
  lagName: "CSAT",
  kind: "none",
  text: "No evidence.",
  k: 2,
  n: 40,
  p: 0.03,
  pFamily: 0.21,
  q: 0.21,
  errorReduction: -0.02,
  slope: 0.1,
  ci95: [-0.1, 0.3],
  weeks: 52,
  ...over,
});

describe("the lead → lag findings", () => {
  it("calls a pair predictive in the data so far, never proved, and prints p for the lag, for all lags and q for all pairs", () => {
    const doc = buildNarrative(
      snapshot({
        lags: [lag({})],
        drivers: [
          finding({ kind: "predictive", text: "Predictive in the data so far.", p: 0.0001, pFamily: 0.002, q: 0.004, errorReduction: 0.123 }),
          finding({ leadName: "Recognitions", leadMeasureId: "m2" }),
        ],
      }),
      SHA,
    );
    const text = sectionText(doc, "predictive");
    expect(text).toContain("Of 2 declared lead → lag pairs, 1 is predictive in the data so far and 1 show no evidence.");
    expect(text).toContain("a pair is called only when q is at most 0.05");
    expect(text).not.toMatch(/prove[dn]? /i);
    const table = doc.sections.find((s) => s.id === "predictive")!.blocks.find((b) => b.kind === "table") as { rows: string[][] };
    expect(table.rows[0]!.slice(2)).toEqual(["Predictive so far", "2", "40", "< 0.001", "0.002", "0.004", "12%"]);
    expect(table.rows[1]!.slice(5)).toEqual(["0.03", "0.21", "0.21", "-2%"]);
    // No evidence is not evidence of no effect: the recommendation says "so far".
    expect(sectionText(doc, "next")).toContain("Reconsider Recognitions as a driver of CSAT: so far there is no evidence that its changes are followed by changes in the result.");
    expectClean(doc);
  });

  it("says a lag measure observed monthly was tested month by month, and prints its lag in months", () => {
    const doc = buildNarrative(
      snapshot({
        lags: [lag({})],
        drivers: [
          finding({}),
          finding({ lagName: "Customer retention", lagMeasureId: "l2", unit: "month", k: 1, n: 21, text: "Predictive in the data so far (strongest 1 month later)." }),
        ],
      }),
      SHA,
    );
    const text = sectionText(doc, "predictive");
    expect(text).toContain("Each test of a weekly lag measure regresses its week-to-week change");
    expect(text).toContain("Customer retention is observed monthly, so its pairs are tested month by month instead");
    const table = doc.sections.find((s) => s.id === "predictive")!.blocks.find((b) => b.kind === "table") as { columns: { label: string }[]; rows: string[][] };
    expect(table.columns[3]!.label).toBe("Later (weeks unless stated)");
    expect(table.rows.map((r) => r[3])).toEqual(["2", "1 month"]);
  });

  it("prints a dash for the adjusted p-values of a snapshot taken before they existed", () => {
    const old = finding({});
    delete old.pFamily;
    delete old.q;
    delete old.errorReduction;
    const doc = buildNarrative(snapshot({ lags: [lag({})], drivers: [old] }), SHA);
    const table = doc.sections.find((s) => s.id === "predictive")!.blocks.find((b) => b.kind === "table") as { rows: string[][] };
    expect(table.rows[0]!.slice(6)).toEqual(["—", "—", "—"]);
  });
});
