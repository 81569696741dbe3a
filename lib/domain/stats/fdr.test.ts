import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bhQValues } from "./fdr";

describe("Benjamini–Hochberg q-values across the pairs shown", () => {
  it("matches statsmodels' multipletests(p, method='fdr_bh') (R's p.adjust 'BH')", () => {
    expect(bhQValues([0.01, 0.02, 0.03, 0.04, 0.05]).map((q) => q!.toFixed(6))).toEqual(Array(5).fill("0.050000"));
    const q = bhQValues([0.041, 0.001, 0.205, 0.008, 0.039, 0.042, 0.06, 0.074]);
    expect(q.map((v) => Number(v!.toFixed(6)))).toEqual([0.0672, 0.008, 0.205, 0.032, 0.0672, 0.0672, 0.08, 0.084571]);
  });

  it("leaves untested pairs out of the count and null", () => {
    expect(bhQValues([0.01, null, 0.04])).toEqual([0.02, null, 0.04]);
    expect(bhQValues([])).toEqual([]);
  });

  it("never makes a pair look stronger than its own p, keeps the order of the p-values, and stays ≤ 1", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 50 }), (ps) => {
        const q = bhQValues(ps) as number[];
        ps.forEach((p, i) => {
          expect(q[i]!).toBeGreaterThanOrEqual(p - 1e-15);
          expect(q[i]!).toBeLessThanOrEqual(1);
          ps.forEach((p2, j) => {
            if (p < p2) expect(q[i]!).toBeLessThanOrEqual(q[j]! + 1e-15);
          });
        });
      }),
    );
  });
});
