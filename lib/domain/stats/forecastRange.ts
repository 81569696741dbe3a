// Where a lag measure's values can lie, and the scales its forecast may be modelled on so that the
// forecast and its bands stay there: a share of a bounded range on the logit scale; a
// non-negative quantity on the log scale or as it is, cut at zero; anything else as it is.
// Pure; no I/O.

/** LagMeasure.kind in prisma/schema.prisma. */
export type LagKindName = "PERCENTAGE" | "SCORE" | "CURRENCY" | "COUNT" | "DURATION";

/** The values a measure can take; null: no bound on that side. */
export type MeasureRange = { low: number | null; high: number | null };

export const UNBOUNDED: MeasureRange = { low: null, high: null };

const NPS = /\bNPS\b|net promoter/i;

/**
 * The range of a lag measure from how it describes itself: a Net Promoter Score runs from −100
 * to 100 (by its definition: % promoters − % detractors); a percentage from 0 to 100; times,
 * counts and money are never negative. Other scores (effort, engagement) use scales the measure
 * does not state, so they get no bounds.
 */
export function measureRange(m: { kind: LagKindName; unit: string; name: string; description?: string }): MeasureRange {
  if ([m.name, m.unit, m.description ?? ""].some((s) => NPS.test(s))) return { low: -100, high: 100 };
  if (m.kind === "PERCENTAGE" || m.unit.trim() === "%") return { low: 0, high: 100 };
  if (m.kind === "DURATION" || m.kind === "COUNT" || m.kind === "CURRENCY") return { low: 0, high: null };
  return UNBOUNDED;
}

export type ScaleName = "logit" | "log" | "linear";

/** A monotone map of the measure onto the real line (`to`) and back into its range (`from`). */
export type Scale = { name: ScaleName; range: MeasureRange; to(y: number): number; from(z: number): number };

/**
 * Values exactly on a bound (a week with 100% CSAT, a week with no churn) have no logit or log:
 * they are moved inward before the transform, by this share of the range (bounded) or of the
 * values' median distance from the bound (one bound). Small enough not to move ordinary values,
 * large enough that a value on the bound is not an extreme outlier on the modelling scale.
 */
export const BOUND_MARGIN = 0.005;
export const LOG_OFFSET = 0.01;

const clamp = (x: number, lo: number | null, hi: number | null) => Math.min(hi ?? Infinity, Math.max(lo ?? -Infinity, x));

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const LINEAR: Scale = { name: "linear", range: UNBOUNDED, to: (y) => y, from: (z) => z };

/**
 * The scales a forecast may choose from (by backtest, in forecast.ts). A non-negative measure gets
 * two: the log scale assumes change in proportion (a time falling 2% a week), which times and money
 * often follow but not always — a resolution time falling by half an hour a week is a straight
 * line, not a curve — so the values as they are, cut at the bound, compete with it. Cutting a band
 * at a bound the values cannot cross does not change how often it holds them. A share of a
 * bounded range gets the logit scale only: it bends only near the bounds, where bending is needed.
 */
export function scalesFor(range: MeasureRange, values: readonly number[]): Scale[] {
  const scale = scaleFor(range, values);
  if (scale.name !== "log") return [scale];
  return [scale, { name: "linear", range, to: (y) => y, from: (z) => clamp(z, range.low, range.high) }];
}

/**
 * The modelling scale for a measure's observed values. Values outside the measure's stated range
 * (a percentage above 100, a negative amount) mean the range does not describe this measure: it
 * is then modelled as it is, unbounded, rather than forced into a range its own data contradicts.
 */
export function scaleFor(range: MeasureRange, values: readonly number[]): Scale {
  const { low, high } = range;
  if (values.some((v) => (low != null && v < low) || (high != null && v > high))) return LINEAR;
  if (low != null && high != null) {
    const c = BOUND_MARGIN * (high - low);
    const width = high - low + 2 * c;
    return {
      name: "logit",
      range,
      to: (y) => {
        const p = (y - low + c) / width;
        return Math.log(p / (1 - p));
      },
      // The margin lets the inverse reach slightly past a bound far out in a tail: clamp it.
      from: (z) => clamp(low - c + width / (1 + Math.exp(-z)), low, high),
    };
  }
  if (low != null || high != null) {
    // One bound: distances from it are positive; model their log.
    const sign = low != null ? 1 : -1;
    const edge = (low ?? high)!;
    const distances = values.map((v) => sign * (v - edge));
    const typical = values.length ? median(distances) || Math.max(0, ...distances) : 0;
    const c = LOG_OFFSET * (typical || 1);
    return {
      name: "log",
      range,
      to: (y) => Math.log(sign * (y - edge) + c),
      from: (z) => clamp(edge + sign * (Math.exp(z) - c), low, high),
    };
  }
  return LINEAR;
}
