// A small seeded pseudo-random number generator (mulberry32) with the few distributions the demo
// data, the ROI range and the projection's simulated paths need. The same seed always yields the
// same sequence, so the demo is reproducible.

/** mulberry32: a fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform float in [min, max). */
  float(min: number, max: number): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** Normally distributed value (Box–Muller). */
  normal(mean?: number, sd?: number): number;
  /** Non-negative integer count with mean lambda (Poisson; normal approximation for large lambda). */
  poisson(lambda: number): number;
};

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  let spare: number | null = null;

  const rng: Rng = {
    next,
    float: (min, max) => min + (max - min) * next(),
    int(min, max) {
      const lo = Math.ceil(Math.min(min, max));
      const hi = Math.floor(Math.max(min, max));
      return lo + Math.floor(next() * (hi - lo + 1));
    },
    chance: (p) => next() < p,
    pick(items) {
      if (items.length === 0) throw new Error("pick() from an empty array");
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    shuffle(items) {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    normal(mean = 0, sd = 1) {
      if (spare !== null) {
        const z = spare;
        spare = null;
        return mean + sd * z;
      }
      // Box–Muller: 1 - next() is in (0, 1], so the log is finite.
      const u = 1 - next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return mean + sd * r * Math.cos(2 * Math.PI * v);
    },
    poisson(lambda) {
      if (!(lambda > 0)) return 0;
      if (lambda > 30) return Math.max(0, Math.round(rng.normal(lambda, Math.sqrt(lambda))));
      // Knuth's multiplication method.
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
  };
  return rng;
}

/** A gamma(shape, 1) draw (Marsaglia–Tsang; shape < 1 by the U^(1/shape) boost). */
function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * Math.pow(1 - rng.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = rng.normal();
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    const u = 1 - rng.next();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** A χ² draw with `df` degrees of freedom (df may be fractional). */
export function chiSquare(rng: Rng, df: number): number {
  return 2 * gamma(rng, df / 2);
}

/** A Student t draw with `df` degrees of freedom (df may be fractional). */
export function studentT(rng: Rng, df: number): number {
  return rng.normal() / Math.sqrt(chiSquare(rng, df) / df);
}
