import { describe, expect, it } from "vitest";
import { createRng, mulberry32 } from "./random";

describe("seeded random", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 20 }, a);
    const seqB = Array.from({ length: 20 }, b);
    const seqC = Array.from({ length: 20 }, c);
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
    for (const x of seqA) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it("replays every helper identically", () => {
    const run = (seed: number) => {
      const r = createRng(seed);
      return [r.int(1, 6), r.float(2, 3), r.normal(10, 2), r.poisson(4), r.pick(["a", "b", "c"]), r.shuffle([1, 2, 3, 4]), r.chance(0.5)];
    };
    expect(run(7)).toEqual(run(7));
  });

  it("keeps int, float and pick in range and covers the range", () => {
    const r = createRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = r.int(3, 7);
      expect(Number.isInteger(n)).toBe(true);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
      seen.add(n);
      const f = r.float(-1, 1);
      expect(f).toBeGreaterThanOrEqual(-1);
      expect(f).toBeLessThan(1);
      expect(["x", "y"]).toContain(r.pick(["x", "y"]));
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
    expect(() => r.pick([])).toThrow();
  });

  it("shuffle is a permutation", () => {
    const r = createRng(5);
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = r.shuffle(items);
    expect([...out].sort((x, y) => x - y)).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("normal and poisson have roughly the requested mean and spread", () => {
    const r = createRng(99);
    const n = 20000;
    const normals = Array.from({ length: n }, () => r.normal(5, 2));
    const mean = normals.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(normals.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
    expect(mean).toBeCloseTo(5, 1);
    expect(sd).toBeGreaterThan(1.9);
    expect(sd).toBeLessThan(2.1);

    for (const lambda of [0.5, 3, 12, 80]) {
      const counts = Array.from({ length: n }, () => r.poisson(lambda));
      expect(counts.every((k) => Number.isInteger(k) && k >= 0)).toBe(true);
      const m = counts.reduce((s, x) => s + x, 0) / n;
      expect(Math.abs(m - lambda) / lambda).toBeLessThan(0.05);
    }
    expect(r.poisson(0)).toBe(0);
    expect(r.poisson(-1)).toBe(0);
  });
});
