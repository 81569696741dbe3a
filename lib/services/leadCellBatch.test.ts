// How setLeadCells numbers the cells it writes: each cell once (the last write wins), oldest day
// first, people, measures and teams as positions in small arrays, days counted from the first.
import { describe, expect, it } from "vitest";
import { batchOf } from "./leadCellBatch";

const ANA = "00000000-0000-4000-8000-0000000000b1";
const BEN = "00000000-0000-4000-8000-0000000000b2";
const COACHING = "00000000-0000-4000-8000-0000000000c1";
const CALLS = "00000000-0000-4000-8000-0000000000c2";
const TEAM = "00000000-0000-4000-8000-0000000000a1";
const NIGHTS = "00000000-0000-4000-8000-0000000000a2";

const cell = (userId: string, leadMeasureId: string, entryDate: string, value: number | null, teamId = TEAM) => ({
  userId,
  teamId,
  leadMeasureId,
  entryDate,
  value,
});

describe("numbering cells for a bulk write", () => {
  it("keeps each cell once, its last write, oldest day first and in first-seen order within a day", () => {
    const cells = [
      cell(ANA, COACHING, "2026-11-17", 1),
      cell(BEN, CALLS, "2026-11-16", 2, NIGHTS),
      cell(ANA, COACHING, "2026-11-16", 3),
      cell(ANA, COACHING, "2026-11-17", null),
      cell(BEN, COACHING, "2026-02-28", 4),
      cell(BEN, CALLS, "2026-11-16", 5, NIGHTS),
    ];
    const b = batchOf(cells);
    expect(b.cells).toEqual([cells[4], cells[5], cells[2], cells[3]]);
    expect(b.users).toEqual([ANA, BEN]);
    expect(b.measures).toEqual([COACHING, CALLS]);
    expect(b.firstDay).toBe("2026-02-28");
    // 1-based positions, as PostgreSQL arrays count; days after 2026-02-28 (261 to 2026-11-16).
    expect([...b.user]).toEqual([2, 2, 1, 1]);
    expect([...b.measure]).toEqual([1, 2, 1, 1]);
    expect(b.cells.map((c, k) => b.teams[b.team[k]! - 1])).toEqual([TEAM, NIGHTS, TEAM, TEAM]);
    expect([...b.day]).toEqual([0, 261, 261, 262]);
  });

  it("counts days across years and month ends", () => {
    const b = batchOf([cell(ANA, COACHING, "2025-12-31", 1), cell(ANA, COACHING, "2024-02-29", 1), cell(ANA, COACHING, "2026-03-01", 1)]);
    expect(b.firstDay).toBe("2024-02-29");
    expect([...b.day]).toEqual([0, 671, 731]);
  });

  it("has nothing to write for no cells", () => {
    const b = batchOf([]);
    expect(b.cells).toEqual([]);
    expect(b.day.length).toBe(0);
  });
});
