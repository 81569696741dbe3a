import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/errors";
import { createLeadEntrySchema } from "./leadEntry";

const base = {
  teamId: "6f1c1f9e-0b7a-4c55-9d8e-2f0f3f5a9b11",
  leadMeasureId: "0c3b0f2e-7a4d-4b8e-9c1a-5d6e7f8a9b22",
  entryDate: "2026-11-20",
  value: "3",
};

function errors(input: Record<string, unknown>) {
  const r = createLeadEntrySchema.safeParse(input);
  return r.success ? {} : fieldErrorsOf(r.error);
}

describe("log a lead entry: input", () => {
  it("accepts a form submission and parses the number", () => {
    const r = createLeadEntrySchema.parse(base);
    expect(r.value).toBe(3);
    expect(r.note).toBe("");
  });

  it.each([
    ["", "Enter a number."],
    ["abc", "Enter a number."],
    ["1,000", "Enter a number."],
    ["-1", "Must be zero or more."],
    ["Infinity", "Enter a number."],
    ["20000", "Must be at most 10,000."],
  ])("rejects the value %j with %j", (value, message) => {
    expect(errors({ ...base, value }).value).toEqual([message]);
  });

  it("rejects impossible dates and missing measures field by field", () => {
    const e = errors({ ...base, entryDate: "2026-02-30", leadMeasureId: "" });
    expect(e.entryDate).toEqual(["Enter a date as YYYY-MM-DD."]);
    expect(e.leadMeasureId).toEqual(["Choose a measure."]);
  });
});
