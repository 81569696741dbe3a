import { describe, expect, it } from "vitest";
import { usd } from "@/tests/fixtures/roiLines";
import { monthlyMoney } from "./pricing";

describe("pricing an improvement per month", () => {
  it("retention: customers × points ÷ 100 × value per customer per month, with the formula", () => {
    const m = monthlyMoney({ kind: "RETENTION", customerBase: 1200, valuePerCustomer: 35 }, 2.1, "%", usd);
    expect(m.value).toBeCloseTo(882, 9);
    expect(m.formula).toBe("1,200 customers × 2.1 pts ÷ 100 × $35.00 = $882.00 / month");
  });

  it("retention from CLV inputs: CLV = 420 × 0.86 / (1 + 0.08 − 0.86) − 150 = 1,491.82, ÷ 12 per month", () => {
    const m = monthlyMoney({ kind: "RETENTION", customerBase: 2400, clvMargin: 420, clvRetention: 0.86, clvDiscountRate: 0.08, clvAcquisitionCost: 150 }, 1.25, "%", usd);
    // 2,400 × 1.25 / 100 = 30 customers × 1,491.8181… / 12 = 3,729.545…
    expect(m.value).toBeCloseTo((30 * (361.2 / 0.22 - 150)) / 12, 9);
    expect(m.formula).toContain("CLV 420 × 0.86/(1 + 0.08 − 0.86) − 150 = 1491.82; ÷ 12");
  });

  it("revenue: the change is money per month", () => {
    expect(monthlyMoney({ kind: "REVENUE" }, 500, "$", usd).value).toBe(500);
  });

  it("cost saving: 2 minutes × 5,000 contacts × $0.80 = $8,000 a month", () => {
    const m = monthlyMoney({ kind: "COST_SAVING", volumePerMonth: 5000, costPerUnit: 0.8 }, 2, "minutes", usd);
    expect(m.value).toBeCloseTo(8000, 9);
    expect(m.formula).toBe("2 minutes saved × 5,000 per month × $0.80 = $8,000.00 / month");
  });

  it("manual: the stated monthly value", () => {
    expect(monthlyMoney({ kind: "MANUAL", monthlyValue: 900 }, 0, "", usd)).toMatchObject({ value: 900 });
  });
});
