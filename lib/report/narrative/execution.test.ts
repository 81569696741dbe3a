// The execution section at scale: hundreds of teams are summarised per lead measure, while the
// appendix's facts keep every team's numbers.
import { describe, expect, it } from "vitest";
import { buildNarrative } from "./narrative";
import { SHA, expectClean, snapshot, team } from "@/tests/fixtures/reportSnapshot";

describe("the execution section", () => {
  it("summarises hundreds of teams per measure instead of one row per team and measure", () => {
    const many = Array.from({ length: 300 }, (_, i) => team(`Team ${String(i).padStart(3, "0")}`, 0.5 + (i % 10) / 20));
    const doc = buildNarrative(snapshot({ teams: many, nextQuarterTargets: many.map((t) => ({ team: t.name, leadName: "Coaching conversations", unit: "", weeklyTarget: 10 })) }), SHA);
    const execution = doc.sections.find((s) => s.id === "execution")!;
    const tables = execution.blocks.filter((b) => b.kind === "table");
    expect(tables[1]).toMatchObject({ caption: "Lead measures against their targets, all 300 teams" });
    expect(tables[1]!.kind === "table" && tables[1]!.rows).toHaveLength(1);
    expect(doc.facts.filter((f) => f.metric === "Done" && f.section === "Execution")).toHaveLength(300);
    expectClean(doc);
  });
});
