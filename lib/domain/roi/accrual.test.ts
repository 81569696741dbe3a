import { describe, expect, it } from "vitest";
import { benefitMonthsOf } from "./accrual";

describe("accrual by month, totals and payback", () => {
  it("benefits accrue in each elapsed month after the start month, not the current one", () => {
    expect(benefitMonthsOf("2026-01-19", "2026-04-10")).toEqual(["2026-02", "2026-03"]);
    expect(benefitMonthsOf("2026-04-01", "2026-04-30")).toEqual([]);
  });
});
