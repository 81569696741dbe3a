// Dates and numbers in a CSV: what is read, and the reason given for what is not.
import { describe, expect, it } from "vitest";
import { readDate, readFreeText, readNumber, readText } from "./values";

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }) => (r.ok ? r.value : `✗ ${r.message}`);

describe("dates", () => {
  it.each([
    ["2026-11-16", "ymd", "2026-11-16"],
    [" 2026-11-16 ", "dmy", "2026-11-16"],
    ["2026-1-5", "ymd", "2026-01-05"],
    ["16/11/2026", "dmy", "2026-11-16"],
    ["16.11.2026", "dmy", "2026-11-16"],
    ["3/4/2026", "dmy", "2026-04-03"],
    ["3/4/2026", "mdy", "2026-03-04"],
    ["11-16-2026", "mdy", "2026-11-16"],
    ["2024-02-29", "ymd", "2024-02-29"],
  ] as const)("reads %j with order %s as %s", (raw, order, expected) => {
    expect(value(readDate(raw, order))).toBe(expected);
  });

  it.each([
    ["", "ymd", /Enter a date/],
    ["16/11/2026", "ymd", /YYYY-MM-DD, or choose whether .* day\/month\/year or month\/day\/year/],
    ["2026-02-30", "ymd", /not a date in the calendar/],
    ["31/04/2026", "dmy", /not a date in the calendar/],
    ["11/16/2026", "dmy", /no month 16\. Are this file's dates month\/day\/year\?/],
    ["16/11/2026", "mdy", /no month 16\. Are this file's dates day\/month\/year\?/],
    ["16/11/26", "dmy", /four digits/],
    ["2026-11-16T09:00:00Z", "ymd", /without a time/],
    ["16/11-2026", "dmy", /not a date/],
    ["next Tuesday", "dmy", /not a date/],
  ] as const)("refuses %j with order %s", (raw, order, reason) => {
    expect(value(readDate(raw, order))).toMatch(reason);
  });
});

describe("numbers", () => {
  it.each([
    ["3", "dot", 3],
    ["2.5", "dot", 2.5],
    [" -4.25 ", "dot", -4.25],
    [".5", "dot", 0.5],
    ["1,234", "dot", 1234],
    ["1,234,567.5", "dot", 1234567.5],
    ["1 234.5", "dot", 1234.5],
    ["1\u202f234", "dot", 1234],
    ["1e3", "dot", 1000],
    ["0.30000000000000004", "dot", 0.30000000000000004],
    ["2,5", "comma", 2.5],
    ["1,234", "comma", 1.234],
    ["1.234", "comma", 1234],
    ["1.234.567,5", "comma", 1234567.5],
    ["1\u00a0234,5", "comma", 1234.5],
    ["12", "comma", 12],
  ] as const)("reads %j (decimal %s) as %d", (raw, mark, expected) => {
    expect(value(readNumber(raw, mark))).toBe(expected);
  });

  it.each([
    ["", "dot", /Enter a value/],
    ["1,5", "dot", /looks like a decimal comma.*1\.234,5/],
    ["1.234,5", "dot", /looks like a decimal comma/],
    ["1,23", "dot", /decimal comma/],
    ["12,34,567", "dot", /not a number/],
    ["1.5", "comma", /decimal dot.*1,234\.5/],
    ["1,234.5", "comma", /not a number/],
    ["85%", "dot", /not a number.*without units/],
    ["$12", "dot", /not a number/],
    ["Infinity", "dot", /not a number/],
    ["1e999", "dot", /not a number/],
    ["abc", "comma", /not a number/],
  ] as const)("refuses %j (decimal %s)", (raw, mark, reason) => {
    expect(value(readNumber(raw, mark))).toMatch(reason);
  });
});

describe("text", () => {
  it("trims, and removes the apostrophe exports put before formula-like text", () => {
    expect(readText("  Tier 1  ")).toBe("Tier 1");
    expect(readText("'=SUM(A1)")).toBe("=SUM(A1)");
    expect(readText("'-3 escalations")).toBe("-3 escalations");
    expect(readText("'quoted'")).toBe("'quoted'");
  });
});

describe("the calendar range and storable text", () => {
  it("refuses dates outside 2000-01-01 to 2100-12-31, in every order", () => {
    const out = { ok: false, message: "Dates must be between 2000-01-01 and 2100-12-31." };
    expect(readDate("0001-01-01", "ymd")).toEqual(out);
    expect(readDate("1999-12-31", "ymd")).toEqual(out);
    expect(readDate("2101-01-01", "ymd")).toEqual(out);
    expect(readDate("31/12/1999", "dmy")).toEqual(out);
    expect(readDate("12/31/2101", "mdy")).toEqual(out);
    expect(readDate("2000-01-01", "ymd")).toEqual({ ok: true, value: "2000-01-01" });
    expect(readDate("31/12/2100", "dmy")).toEqual({ ok: true, value: "2100-12-31" });
  });

  it("refuses notes with NUL or other control characters, keeps tabs and line breaks", () => {
    expect(readFreeText("called\u0000back")).toMatchObject({ ok: false, message: expect.stringMatching(/control characters/) });
    expect(readFreeText("bell\u0007")).toMatchObject({ ok: false });
    expect(readFreeText(" two\nlines\tand a tab ")).toEqual({ ok: true, value: "two\nlines\tand a tab" });
    expect(readFreeText("'=SUM(A1)")).toEqual({ ok: true, value: "=SUM(A1)" });
  });
});
