import { describe, expect, it } from "vitest";
import { replacedRowLabel, replacedRowsOf, type ReplacedRow } from "./changes";

const row: ReplacedRow = {
  row: 2,
  person: "Sam Taylor",
  team: "Tier 1",
  teamBefore: null,
  measure: "Coaching conversations",
  date: "2026-11-03",
  before: 2,
  after: 3,
  noteChanged: false,
};

describe("a row that replaces an earlier entry, as the import preview lists it", () => {
  it("names the cell and the value before and after", () => {
    expect(replacedRowLabel(row, "en-GB")).toBe("Sam Taylor · Tier 1 · Coaching conversations · Tue 3 Nov: 2 → 3");
    expect(replacedRowLabel({ ...row, after: 2, noteChanged: true }, "en-GB")).toBe("Sam Taylor · Tier 1 · Coaching conversations · Tue 3 Nov: 2 → 2 (new note)");
  });

  it("names both teams when the entry moves to another team, so the same value does not read as no change", () => {
    expect(replacedRowLabel({ ...row, team: "Tier 2", teamBefore: "Tier 1", after: 2 }, "en-GB")).toBe(
      "Sam Taylor · Coaching conversations · Tue 3 Nov: 2 (Tier 1) → 2 (Tier 2)",
    );
    expect(replacedRowLabel({ ...row, team: "Tier 2", teamBefore: "Tier 1, Tier 2", before: 2.5, after: 1234.5 }, "de-DE")).toBe(
      "Sam Taylor · Coaching conversations · Di., 3. Nov.: 2,5 (Tier 1, Tier 2) → 1.234,5 (Tier 2)",
    );
  });

  it("writes a lag result, which has no person and may have no team, as before", () => {
    expect(replacedRowLabel({ ...row, person: null, team: null, measure: "Customer satisfaction" }, "en-GB")).toBe("Customer satisfaction · Tue 3 Nov: 2 → 3");
  });

  it("reads the rows whatever the driver hands back: JSON text, numbers as text, no teamBefore", () => {
    const { teamBefore: _omitted, ...old } = row;
    expect(replacedRowsOf(JSON.stringify([{ ...old, before: "2", after: "3" }]))).toEqual([row]);
  });
});
