import { describe, expect, it } from "vitest";
import { blankToUndefined, formDate, formNumber, numberFromText, optionalFormDate, optionalFormNumber } from "./formData";

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];

describe("form fields", () => {
  it("treats a blank field as missing and reads numbers from their text", () => {
    expect(blankToUndefined("  ")).toBeUndefined();
    expect(blankToUndefined(" x ")).toBe(" x ");
    expect(numberFromText(" 12.5 ")).toBe(12.5);
    expect(numberFromText("")).toBeUndefined();
    expect(numberFromText(3)).toBe(3);
    expect(numberFromText("-1.5e3")).toBe(-1500);
    for (const notDecimal of ["0x10", "0b11", "0o7", "Infinity", "1/2", "12abc", "1,5"]) expect(numberFromText(notDecimal)).toBeNaN();
  });

  it("asks for a required number or date by its label", () => {
    expect(formNumber("a target").parse("40")).toBe(40);
    expect(messages(formNumber("a target").safeParse(""))).toEqual(["Enter a target."]);
    expect(messages(formNumber("a target").safeParse("forty"))).toEqual(["Enter a target."]);
    expect(formDate("the start date").parse("2026-11-16")).toBe("2026-11-16");
    expect(messages(formDate("the start date").safeParse(" "))).toEqual(["Enter the start date."]);
    expect(messages(formDate("a week", "Choose a week.").safeParse(""))).toEqual(["Choose a week."]);
    expect(messages(formDate("a date").safeParse("16/11/2026"))).toEqual(["Enter a date as YYYY-MM-DD."]);
  });

  it("lets optional fields stay blank", () => {
    expect(optionalFormNumber("an amount").parse("")).toBeUndefined();
    expect(optionalFormNumber("an amount").parse(null)).toBeNull();
    expect(optionalFormDate().parse("")).toBeUndefined();
    expect(messages(optionalFormDate().safeParse("2026-02-30"))).toEqual(["Enter a date as YYYY-MM-DD."]);
  });

  it("takes dates of the calendar range only, with one message per date", () => {
    const RANGE = "Dates must be between 2000-01-01 and 2100-12-31.";
    expect(formDate("a date").parse("2000-01-01")).toBe("2000-01-01");
    expect(formDate("a date").parse("2100-12-31")).toBe("2100-12-31");
    expect(messages(formDate("a date").safeParse("0001-01-01"))).toEqual([RANGE]);
    expect(messages(formDate("a date").safeParse("2101-01-01"))).toEqual([RANGE]);
    expect(messages(optionalFormDate().safeParse("1999-12-31"))).toEqual([RANGE]);
    expect(messages(formDate("a date").safeParse("0000-13-45"))).toEqual(["Enter a date as YYYY-MM-DD."]);
  });
});
