import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attributedValue,
  conservativeImprovement,
  customerLifetimeValue,
  differenceInDifferences,
  evaluateRoi,
  roiRange,
  sampleTriangular,
  scenario,
  trainingBudgetPerPerson,
  type UncertainBenefit,
} from "./formulas";

describe("the source articles' worked examples, labelled correctly", () => {
  it("$400k of benefits on $100k of costs is BCR 4.0 and ROI 300% (the article called it 400%)", () => {
    const r = evaluateRoi({
      costs: [{ category: "customer service", amount: 100_000 }],
      benefits: [
        { name: "Upsells and cross-sells", value: 250_000 },
        { name: "Recovered carts", value: 50_000 },
        { name: "Customer lifetime value", value: 100_000 },
      ],
    });
    expect(r).toMatchObject({ benefits: 400_000, costs: 100_000, netBenefit: 300_000, bcr: 4, roiPercent: 300, paybackMonths: 3 });
  });

  it("($50k − $10k) / $10k: ROI 400%, BCR 5", () => {
    const r = evaluateRoi({ costs: [{ category: "design and development", amount: 10_000 }], benefits: [{ name: "Sales uplift", value: 50_000 }] });
    expect(r.roiPercent).toBeCloseTo(400, 12);
    expect(r.bcr).toBeCloseTo(5, 12);
  });

  it("($30k − $11k) / $11k = 1.73: ROI 172.7%, BCR 2.73, with both cost lines loaded", () => {
    const r = evaluateRoi({
      costs: [
        { category: "delivery", amount: 8_000 },
        { category: "technology", amount: 3_000 },
      ],
      benefits: [{ name: "Sales increase", value: 30_000 }],
    });
    expect(r.costs).toBe(11_000);
    expect(r.roiPercent).toBeCloseTo(172.727272727, 6);
    expect(r.bcr).toBeCloseTo(2.727272727, 6);
    expect(r.roiPercent / 100 + 1).toBeCloseTo(r.bcr, 12);
  });

  it("$100 spent for $150 back is a 50% ROI", () => {
    expect(evaluateRoi({ costs: [{ category: "service", amount: 100 }], benefits: [{ name: "earned", value: 150 }] }).roiPercent).toBeCloseTo(50, 12);
  });

  it("budgets training at the inflation rate × salary (1.75% of $48,000 = $840)", () => {
    expect(trainingBudgetPerPerson(0.0175, 48_000)).toBeCloseTo(840, 9);
  });
});

describe("attributing benefits", () => {
  it("counts value × margin × isolation × confidence × (1 + adjustment)", () => {
    // 120,000 × 0.4 × 0.5 × 0.8 × (1 − 0.097) = 17,337.6
    expect(attributedValue({ name: "Retention", value: 120_000, margin: 0.4, isolation: 0.5, confidence: 0.8, adjustment: -0.097 })).toBeCloseTo(17_337.6, 6);
  });

  it("pays back in months of benefits: $60k costs, $120k a year → 6 months; no benefit → never", () => {
    expect(evaluateRoi({ costs: [{ category: "x", amount: 60_000 }], benefits: [{ name: "y", value: 120_000 }] }).paybackMonths).toBeCloseTo(6, 12);
    expect(evaluateRoi({ costs: [{ category: "x", amount: 60_000 }], benefits: [] }).paybackMonths).toBeNull();
    // Exactly even at the end of the window counts as paid back, in its last month.
    expect(evaluateRoi({ costs: [{ category: "x", amount: 60_000 }], benefits: [{ name: "y", value: 60_000 }], months: 3 }).paybackMonths).toBeCloseTo(3, 12);
  });

  it("states no payback when benefits have not overtaken costs within the months counted (a negative ROI never comes with one)", () => {
    // $30k over 3 months against $60k: it would take 6 months at this rate, past the 3 counted.
    const behind = evaluateRoi({ costs: [{ category: "x", amount: 60_000 }], benefits: [{ name: "y", value: 30_000 }], months: 3 });
    expect(behind.roiPercent).toBe(-50);
    expect(behind.paybackMonths).toBeNull();
    // The report's case from issue #16: ROI −47.3% came with "Payback 5.7 months".
    const report = evaluateRoi({ costs: [{ category: "x", amount: 100_000 }], benefits: [{ name: "y", value: 52_700 }], months: 3 });
    expect(report.roiPercent).toBeCloseTo(-47.3, 10);
    expect(report.paybackMonths).toBeNull();
  });

  it("refuses to divide by zero costs", () => {
    expect(() => evaluateRoi({ costs: [], benefits: [{ name: "y", value: 1 }] })).toThrow(/costs/);
  });

  const line = fc.record({
    name: fc.constant("b"),
    value: fc.double({ min: 0, max: 1e7, noNaN: true }),
    margin: fc.double({ min: 0, max: 1, noNaN: true }),
    isolation: fc.double({ min: 0, max: 1, noNaN: true }),
    confidence: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  const cost = fc.double({ min: 1, max: 1e7, noNaN: true });

  it("ROI rises with benefits and falls with costs; BCR = ROI/100 + 1", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 5 }), cost, fc.double({ min: 1, max: 1e6, noNaN: true }), (benefits, c, extra) => {
        const base = evaluateRoi({ costs: [{ category: "c", amount: c }], benefits });
        const more = evaluateRoi({ costs: [{ category: "c", amount: c }], benefits: [...benefits, { name: "more", value: extra }] });
        const dearer = evaluateRoi({ costs: [{ category: "c", amount: c + extra }], benefits });
        expect(more.roiPercent).toBeGreaterThan(base.roiPercent);
        expect(dearer.roiPercent).toBeLessThanOrEqual(base.roiPercent);
        expect(base.bcr).toBeCloseTo(base.roiPercent / 100 + 1, 9);
      }),
    );
  });

  it("isolation and confidence never increase a benefit", () => {
    fc.assert(
      fc.property(line, (l) => {
        expect(attributedValue(l)).toBeLessThanOrEqual(attributedValue({ ...l, isolation: 1, confidence: 1 }) + 1e-9);
      }),
    );
  });
});

describe("customer lifetime value", () => {
  it("is margin × r / (1 + i − r) − acquisition cost", () => {
    // $200 margin, 80% retention, 10% discount: 200 × 0.8 / 0.3 = 533.33; minus $50 acquisition.
    expect(customerLifetimeValue({ margin: 200, retention: 0.8, discountRate: 0.1, acquisitionCost: 50 })).toBeCloseTo(483.333333, 5);
    expect(() => customerLifetimeValue({ margin: 200, retention: 1, discountRate: 0.1 })).toThrow();
  });
});

describe("isolation", () => {
  it("credits the program with its teams' change minus the control teams' change", () => {
    // CSAT 78 → 84 in program teams, 79 → 81 in control teams: 6 − 2 = 4 points.
    expect(differenceInDifferences({ programBefore: 78, programAfter: 84, controlBefore: 79, controlAfter: 81 })).toBe(4);
  });

  it("takes the smallest credible improvement, claims nothing without data, and never a negative", () => {
    expect(conservativeImprovement([4, 2.5, null])).toBe(2.5);
    expect(conservativeImprovement([null, undefined])).toBe(0);
    expect(conservativeImprovement([3, -1])).toBe(0);
  });
});

describe("the ROI range", () => {
  const costs = [{ category: "delivery", amount: 50_000 }];
  const benefits: UncertainBenefit[] = [
    {
      name: "Retention",
      value: { low: 60_000, mode: 90_000, high: 120_000 },
      margin: { low: 0.3, mode: 0.4, high: 0.5 },
      isolation: { low: 0.4, mode: 0.6, high: 0.8 },
      confidence: { low: 0.6, mode: 0.8, high: 0.9 },
    },
    {
      name: "Handling time",
      value: { low: 20_000, mode: 30_000, high: 35_000 },
      margin: { low: 1, mode: 1, high: 1 },
      isolation: { low: 0.5, mode: 0.7, high: 0.9 },
      confidence: { low: 0.7, mode: 0.8, high: 0.9 },
    },
  ];

  it("gives P10 ≤ P50 ≤ P90 between the conservative and optimistic cases, the same for the same seed", () => {
    const a = roiRange(costs, benefits, { seed: 42 });
    const b = roiRange(costs, benefits, { seed: 42 });
    expect(a).toEqual(b);
    expect(a.p10).toBeLessThanOrEqual(a.p50);
    expect(a.p50).toBeLessThanOrEqual(a.p90);
    const low = scenario(costs, benefits, "low").roiPercent;
    const high = scenario(costs, benefits, "high").roiPercent;
    expect(low).toBeLessThan(a.p10);
    expect(a.p90).toBeLessThan(high);
    expect(roiRange(costs, benefits, { seed: 43 })).not.toEqual(a);
  });

  it("keeps the conservative case at or below the expected one", () => {
    expect(scenario(costs, benefits, "low").roiPercent).toBeLessThanOrEqual(scenario(costs, benefits, "mode").roiPercent);
  });

  it("collapses to one value when nothing is uncertain", () => {
    const fixed = (v: number) => ({ low: v, mode: v, high: v });
    const r = roiRange(costs, [{ name: "x", value: fixed(100_000), margin: fixed(1), isolation: fixed(1), confidence: fixed(1) }], { seed: 1, draws: 500 });
    expect(r).toMatchObject({ p10: 100, p50: 100, p90: 100 });
  });

  it("samples a triangular distribution within its bounds, at its mode in the middle", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (u) => {
        const v = sampleTriangular({ low: 2, mode: 5, high: 6 }, u);
        expect(v >= 2 && v <= 6).toBe(true);
      }),
    );
    expect(sampleTriangular({ low: 0, mode: 0.5, high: 1 }, 0.5)).toBeCloseTo(0.5, 12);
  });
});
