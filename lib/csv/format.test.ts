// What export writes, import reads back unchanged: any text (commas, quotes, line breaks,
// formula-like text), any number, with the byte-order mark.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CSV_BOM, csvHeader, csvLine, guardFormula } from "./format";
import { parseCsv } from "./parse";
import { readNumber, readText } from "./values";

function roundTrip(texts: string[], number: number) {
  const file = CSV_BOM + csvHeader(["a", "b"]) + csvLine([...texts.map((text) => ({ text })), { number }]);
  const parsed = parseCsv(file);
  const cells = parsed.records[0]!.cells;
  return { texts: cells.slice(0, texts.length).map(readText), number: readNumber(cells[texts.length]!, "dot") };
}

describe("CSV export format", () => {
  it("quotes only what needs quoting, and ends lines with CRLF", () => {
    expect(csvLine([{ text: "plain" }, { text: 'say "hi", then' }, { text: "two\nlines" }, { number: 2.5 }, { raw: "2026-11-16" }])).toBe(
      'plain,"say ""hi"", then","two\nlines",2.5,2026-11-16\r\n',
    );
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(guardFormula("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
    expect(guardFormula("+1 call")).toBe("'+1 call");
    expect(guardFormula("@everyone")).toBe("'@everyone");
    expect(guardFormula("Tier 1")).toBe("Tier 1");
  });

  it("reads back tricky text and numbers exactly", () => {
    const texts = ["Coached on \"refunds\", then escalations", "line one\r\nline two", "=1+2", "'=1+2", "-3 escalations", "José Ñúñez"];
    const r = roundTrip(texts, 0.1 + 0.2);
    expect(r.texts).toEqual(texts);
    expect(r.number).toEqual({ ok: true, value: 0.1 + 0.2 });
  });

  it("round-trips any trimmed text and any finite number", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc
            .tuple(fc.constantFrom("", "'", "''", "=", "'=", "''-", "+", "@", '"', ","), fc.string({ unit: "grapheme", maxLength: 40 }))
            .map(([prefix, s]) => (prefix + s).trim()),
          { minLength: 1, maxLength: 3 },
        ),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (texts, number) => {
          // A row of only empty values is an empty line, which import skips by design.
          fc.pre(texts.some((t) => t !== ""));
          const r = roundTrip(texts, number);
          expect(r.texts).toEqual(texts);
          expect(r.number).toEqual({ ok: true, value: number === 0 ? 0 : number });
        },
      ),
      { numRuns: 300 },
    );
  });
});
