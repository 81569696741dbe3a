import { describe, expect, it } from "vitest";
import { NOT_YET_PAID_BACK, paybackOf, paybackText } from "./payback";

const month = (m: string) => ({ "2026-07": "Jul 2026", "2026-08": "Aug 2026", "2026-09": "Sep 2026" })[m] ?? m;

describe("payback", () => {
  it("is stated only once cumulative benefits have caught up with the costs, as the month it happened", () => {
    const ledger = [
      { month: "2026-06", cumulativeCosts: 9000, cumulativeBenefits: 0 },
      { month: "2026-07", cumulativeCosts: 9000, cumulativeBenefits: 4000 },
      { month: "2026-08", cumulativeCosts: 10000, cumulativeBenefits: 8000 },
      { month: "2026-09", cumulativeCosts: 10000, cumulativeBenefits: 12000 },
    ];
    const p = paybackOf(ledger, "2026-06-15");
    expect(p).toEqual({ status: "paid", month: "2026-09", months: 3 });
    expect(paybackText(p, month)).toBe("3 months (Sep 2026)");
  });

  it("says 'not yet paid back at this rate' while the benefits counted are below the costs, however fast they come", () => {
    // Costs ÷ monthly benefit would say "2.5 months"; only two months have been counted.
    const ledger = [
      { month: "2026-07", cumulativeCosts: 10000, cumulativeBenefits: 0 },
      { month: "2026-08", cumulativeCosts: 10000, cumulativeBenefits: 4000 },
      { month: "2026-09", cumulativeCosts: 10000, cumulativeBenefits: 8000 },
    ];
    expect(paybackText(paybackOf(ledger, "2026-07-01"), month)).toBe(NOT_YET_PAID_BACK);
  });

  it("has nothing to pay back without costs", () => {
    expect(paybackText(paybackOf([{ month: "2026-07", cumulativeCosts: 0, cumulativeBenefits: 500 }], "2026-07-01"), month)).toBe("—");
    expect(paybackOf([], "2026-07-01").status).toBe("no-costs");
  });
});
