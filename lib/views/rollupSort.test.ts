import { describe, expect, it } from "vitest";
import { pageOf, pageQuery, parseSort, sortQuery, sortRollup, DEFAULT_SORT } from "./rollupSort";

const row = (teamName: string, over: { att?: number | null; t4?: number | null; exec?: number | null; held?: number; due?: number; on?: number; off?: number }) => ({
  teamName,
  thisWeek: { measures: 1, attainment: over.att ?? null, green: 0, amber: 0, red: 0 },
  trailing4: over.t4 ?? null,
  trailing13: null,
  lag: { lags: [], onTrack: over.on ?? 0, offTrack: over.off ?? 0, noData: 0 },
  checkIns4: { held: over.held ?? 0, due: over.due ?? 0 },
  execution: {
    weeks: 13,
    checkIns: { achieved: 0, due: 0, ratio: null },
    commitments: { achieved: 0, due: 0, ratio: null, unreviewed: 0 },
    leadTargets: { achieved: 0, due: 0, ratio: null },
    combined: over.exec ?? null,
  },
});

const rows = [
  row("Billing", { att: 0.9, t4: 0.5, exec: 0.7, held: 1, due: 4, on: 1, off: 1 }),
  row("alpha", { att: 0.4, t4: null, exec: 0.9, held: 4, due: 4, on: 2, off: 0 }),
  row("Escalations", { att: 1.2, t4: 0.8, exec: null, held: 0, due: 0 }),
];
const names = (r: { teamName: string }[]) => r.map((x) => x.teamName);

describe("sorting the roll-up", () => {
  it("reads the sort from the URL through an allowlist", () => {
    expect(parseSort({ sort: "trailing4", dir: "desc" })).toEqual({ column: "trailing4", dir: "desc" });
    expect(parseSort({ sort: "trailing4" })).toEqual({ column: "trailing4", dir: "asc" });
    expect(parseSort({ sort: 'name"; DROP TABLE', dir: "desc" })).toEqual(DEFAULT_SORT);
    expect(parseSort({})).toEqual(DEFAULT_SORT);
  });

  it("sorts by team name, ignoring case", () => {
    expect(names(sortRollup(rows, { column: "team", dir: "asc" }))).toEqual(["alpha", "Billing", "Escalations"]);
    expect(names(sortRollup(rows, { column: "team", dir: "desc" }))).toEqual(["Escalations", "Billing", "alpha"]);
  });

  it("sorts by a figure either way, with missing figures last", () => {
    expect(names(sortRollup(rows, { column: "thisWeek", dir: "asc" }))).toEqual(["alpha", "Billing", "Escalations"]);
    expect(names(sortRollup(rows, { column: "thisWeek", dir: "desc" }))).toEqual(["Escalations", "Billing", "alpha"]);
    expect(names(sortRollup(rows, { column: "trailing4", dir: "desc" }))).toEqual(["Escalations", "Billing", "alpha"]);
    expect(names(sortRollup(rows, { column: "trailing4", dir: "asc" }))).toEqual(["Billing", "Escalations", "alpha"]);
    expect(names(sortRollup(rows, { column: "execution", dir: "asc" }))).toEqual(["Billing", "alpha", "Escalations"]);
    expect(names(sortRollup(rows, { column: "checkIns", dir: "asc" }))).toEqual(["Billing", "alpha", "Escalations"]);
    expect(names(sortRollup(rows, { column: "lag", dir: "asc" }))).toEqual(["Billing", "alpha", "Escalations"]);
  });

  it("a header flips its own direction, starts another column ascending, and keeps the filters", () => {
    const q = { teams: "a,b", sort: "team", dir: "asc" };
    expect(sortQuery(q, { column: "team", dir: "asc" }, "team")).toBe("teams=a%2Cb&sort=team&dir=desc");
    expect(sortQuery(q, { column: "team", dir: "asc" }, "execution")).toBe("teams=a%2Cb&sort=execution&dir=asc");
    expect(sortQuery({}, { column: "execution", dir: "desc" }, "execution")).toBe("sort=execution&dir=asc");
  });
});

describe("paging the roll-up", () => {
  it("cuts 500 teams into pages of 25 and keeps a page number within them", () => {
    expect(pageOf(500, 1)).toEqual({ number: 1, pages: 20, first: 1, last: 25, total: 500 });
    expect(pageOf(500, 20)).toEqual({ number: 20, pages: 20, first: 476, last: 500, total: 500 });
    expect(pageOf(27, 2)).toEqual({ number: 2, pages: 2, first: 26, last: 27, total: 27 });
    // A stale or hand-edited link: past the end shows the last page, nonsense the first.
    expect(pageOf(27, 9).number).toBe(2);
    expect(pageOf(27, Number("x")).number).toBe(1);
    expect(pageOf(27, 0).number).toBe(1);
    expect(pageOf(27, 1.5).number).toBe(1);
    expect(pageOf(0, 3)).toEqual({ number: 1, pages: 1, first: 0, last: 0, total: 0 });
  });

  it("a page link keeps the filters and sort; a new sort goes back to the first page", () => {
    const q = { teams: "a,b", sort: "execution", dir: "asc", page: "3" };
    expect(pageQuery(q, 4)).toBe("teams=a%2Cb&sort=execution&dir=asc&page=4");
    expect(pageQuery(q, 1)).toBe("teams=a%2Cb&sort=execution&dir=asc");
    expect(sortQuery(q, { column: "execution", dir: "asc" }, "execution")).toBe("teams=a%2Cb&sort=execution&dir=desc");
  });
});
