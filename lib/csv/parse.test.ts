// Nasty files, as spreadsheets and other tools write them: each one is read the way a person
// looking at it in a spreadsheet would expect, or refused with the row and the reason.
import { describe, expect, it } from "vitest";
import { CsvFileError, decodeCsv, detectDelimiter, parseCsv } from "./parse";

const utf8 = (s: string) => new TextEncoder().encode(s);
const rows = (text: string) => parseCsv(text).records.map((r) => [r.row, r.cells]);

describe("reading CSV bytes as text", () => {
  it("reads UTF-8 with or without a byte-order mark, keeping accents", () => {
    expect(decodeCsv(utf8("\uFEFFemail\njosé@example.test\n"))).toBe("email\njosé@example.test\n");
    expect(decodeCsv(utf8("email\njosé@example.test\n"))).toBe("email\njosé@example.test\n");
  });

  it("refuses Latin-1 and UTF-16 files with what to do instead", () => {
    expect(() => decodeCsv(new Uint8Array([0x6a, 0x6f, 0x73, 0xe9, 0x0a]))).toThrow(/not UTF-8.*CSV UTF-8/);
    expect(() => decodeCsv(new Uint8Array([0xff, 0xfe, 0x65, 0x00]))).toThrow(CsvFileError);
    expect(() => decodeCsv(new Uint8Array([0xff, 0xfe, 0x65, 0x00]))).toThrow(/UTF-16/);
  });
});

describe("parsing CSV text", () => {
  it("strips a byte-order mark from the first header", () => {
    expect(parseCsv("\uFEFFemail,value\na@x.test,1\n").header).toEqual(["email", "value"]);
  });

  it("reads quoted fields with separators, doubled quotes and line breaks inside as one row", () => {
    const text = 'note,value\r\n"Coached on ""refunds"", then escalations",2\r\n"two\nlines",3\r\n';
    expect(rows(text)).toEqual([
      [2, ['Coached on "refunds", then escalations', "2"]],
      [3, ["two\nlines", "3"]],
    ]);
  });

  it("numbers rows as a spreadsheet does: a multi-line value is one row, empty lines count", () => {
    const text = 'email,note\n"a@x.test","line one\nline two"\n\n   \n,\nb@x.test,ok\n';
    expect(rows(text)).toEqual([
      [2, ["a@x.test", "line one\nline two"]],
      [6, ["b@x.test", "ok"]],
    ]);
  });

  it("skips empty lines before the header and counts them", () => {
    const parsed = parseCsv("\n\nemail,value\na@x.test,1");
    expect(parsed.headerRow).toBe(3);
    expect(parsed.header).toEqual(["email", "value"]);
    expect(parsed.records).toEqual([{ row: 4, cells: ["a@x.test", "1"] }]);
  });

  it("takes the separator from the header line: semicolons, tabs, pipes; commas on a tie", () => {
    expect(detectDelimiter("email;team;value\na;b;1,5\n")).toBe(";");
    expect(detectDelimiter("email\tteam\n")).toBe("\t");
    expect(detectDelimiter("email|team\n")).toBe("|");
    expect(detectDelimiter('"a;b",c\n')).toBe(",");
    expect(detectDelimiter("email\n")).toBe(",");
    expect(rows("email;value\na@x.test;1,5\n")).toEqual([[2, ["a@x.test", "1,5"]]]);
  });

  it("reports a stray quote on its row and does not guess what follows", () => {
    const parsed = parseCsv('email,note\na@x.test,fine\nb@x.test,"bad"quote,x\nc@x.test,"ok"\n');
    expect(parsed.problems).toEqual([{ row: 3, column: null, message: expect.stringMatching(/double quote .* must be doubled/) }]);
    expect(parsed.records.map((r) => r.row)).toEqual([2]);
  });

  it("keeps a quote inside an unquoted value as it is", () => {
    expect(rows('name,value\nthe "A" team,1\n')).toEqual([[2, ['the "A" team', "1"]]]);
  });

  it("reports a quote that is never closed", () => {
    const parsed = parseCsv('email,note\na@x.test,"never closed\nb@x.test,2\n');
    expect(parsed.problems).toEqual([{ row: 2, column: null, message: expect.stringMatching(/never closed/) }]);
    expect(parsed.records).toEqual([]);
  });

  it("says so when the file is empty or only blank lines", () => {
    expect(parseCsv("").problems).toEqual([{ row: null, column: null, message: "The file is empty." }]);
    expect(parseCsv("\r\n\r\n,,\r\n").problems).toEqual([{ row: null, column: null, message: "The file is empty." }]);
  });
});
