import { describe, expect, it } from "vitest";
import type { MemberWeekRow } from "@/lib/queries/memberWeeklyTotals";
import { memberSummaryCsv, summarizeMembers } from "./memberSummary";

const T = { green: 1, amber: 0.8 };
const W1 = "2026-11-02";
const W2 = "2026-11-09";
const W3 = "2026-11-16";

function row(p: Partial<MemberWeekRow> & Pick<MemberWeekRow, "weekStart" | "total">): MemberWeekRow {
  return {
    userId: "u-sam",
    personName: "Sam",
    onTeam: true,
    leadMeasureId: "m-coach",
    measureName: "Coaching conversations",
    unit: "conversations",
    target: 3,
    ...p,
  };
}

describe("the person × measure summary of a team's range", () => {
  it("adds up the range, judges attainment on finished weeks and counts weeks on target", () => {
    const s = summarizeMembers(
      [row({ weekStart: W1, total: 3 }), row({ weekStart: W2, total: 1 }), row({ weekStart: W3, total: 1 })],
      { thresholds: T, ongoingWeek: W3 },
    );
    expect(s.weeks).toEqual([W1, W2, W3]);
    const c = s.people[0]!.cells[0]!;
    expect(c.total).toBe(5); // this week so far included
    expect(c.judgedTotal).toBe(4);
    expect(c.judgedTarget).toBe(6); // 3 + 3: the week under way is not judged
    expect(c.attainment).toBeCloseTo(4 / 6);
    expect(c.status).toBe("red"); // 67% is below amber (80%)
    expect(c.weeksOnTarget).toBe(1);
    expect(c.weeksWithTarget).toBe(2);
    expect(c.weekly).toEqual([3, 1, 1]);
  });

  it("says 'no target' when the team sets no per-person target, and ignores untargeted weeks in attainment", () => {
    const none = summarizeMembers([row({ weekStart: W1, total: 4, target: null })], { thresholds: T });
    expect(none.people[0]!.cells[0]).toMatchObject({ total: 4, attainment: null, status: "none", weeksWithTarget: 0 });
    // A target set from week 2 on: week 1's 9 does not inflate attainment.
    const later = summarizeMembers([row({ weekStart: W1, total: 9, target: null }), row({ weekStart: W2, total: 3 })], { thresholds: T });
    expect(later.people[0]!.cells[0]).toMatchObject({ total: 12, judgedTotal: 3, judgedTarget: 3, attainment: 1, status: "green" });
  });

  it("lays out every person against every measure, measures by name, keeping the query's order of people", () => {
    const s = summarizeMembers(
      [
        row({ weekStart: W1, total: 2, leadMeasureId: "m-rec", measureName: "Recognitions given", target: 2 }),
        row({ weekStart: W1, total: 3 }),
        row({ weekStart: W1, total: 1, userId: "u-ex", personName: "Ex", onTeam: false }),
        row({ weekStart: W1, total: 0, userId: "u-ex", personName: "Ex", onTeam: false, leadMeasureId: "m-rec", measureName: "Recognitions given", target: 2 }),
      ],
      { thresholds: T },
    );
    expect(s.measures.map((m) => m.name)).toEqual(["Coaching conversations", "Recognitions given"]);
    expect(s.people.map((p) => [p.name, p.onTeam, p.cells.map((c) => c.status)])).toEqual([
      ["Sam", true, ["green", "green"]],
      ["Ex", false, ["red", "red"]],
    ]);
  });

  it("writes a CSV row per person and measure with the weekly numbers, rounded the way people type them", () => {
    const s = summarizeMembers(
      [row({ weekStart: W1, total: 0.1 + 0.2, unit: "hours", target: 1.5 }), row({ weekStart: W2, total: 1.5, unit: "hours", target: 1.5 })],
      { thresholds: T },
    );
    const csv = memberSummaryCsv(s);
    expect(csv.header).toEqual([
      "Person",
      "Measure",
      "Unit",
      "Total",
      "Target (finished weeks)",
      "Attainment %",
      "Weeks on target",
      "Weeks with a target",
      `Week of ${W1}`,
      `Week of ${W2}`,
    ]);
    expect(csv.rows).toEqual([["Sam", "Coaching conversations", "hours", 1.8, 3, 60, 1, 2, 0.3, 1.5]]);
  });
});
