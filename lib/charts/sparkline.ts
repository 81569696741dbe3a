// A sparkline as SVG path data: weekly values on a zero-based scale with the target drawn as a
// second line, so "above the line" reads as "hit". Pure; the component only renders it.
import { formatNumber } from "@/lib/domain/format";

export type Sparkline = {
  width: number;
  height: number;
  /** SVG path of the values; a null value breaks the line. */
  line: string;
  /** SVG path of the target in force each week, or "" when there is none. */
  targetLine: string;
  /** The last point with a value, to mark the current week. */
  last: { x: number; y: number } | null;
};

const PAD = 2;

function path(points: readonly ({ x: number; y: number } | null)[]): string {
  const parts: string[] = [];
  let pen = false;
  for (const p of points) {
    if (p) parts.push(`${pen ? "L" : "M"}${round(p.x)} ${round(p.y)}`);
    pen = p != null;
  }
  return parts.join(" ");
}

const round = (n: number) => Math.round(n * 10) / 10;

export function buildSparkline(
  values: readonly (number | null)[],
  targets: readonly (number | null)[] = [],
  size: { width: number; height: number } = { width: 120, height: 28 },
): Sparkline {
  const { width, height } = size;
  const all = [...values, ...targets].filter((v): v is number => v != null && Number.isFinite(v));
  const max = Math.max(0, ...all);
  const n = values.length;
  const x = (i: number) => (n <= 1 ? width / 2 : PAD + (i * (width - 2 * PAD)) / (n - 1));
  // Zero at the bottom; an all-zero series lies flat on it.
  const y = (v: number) => (max === 0 ? height - PAD : height - PAD - (v / max) * (height - 2 * PAD));
  const points = values.map((v, i) => (v == null ? null : { x: x(i), y: y(v) }));
  const targetPoints = targets.map((v, i) => (v == null ? null : { x: x(i), y: y(v) }));
  const last = [...points].reverse().find((p) => p != null) ?? null;
  return {
    width,
    height,
    line: path(points),
    targetLine: path(targetPoints),
    last: last ? { x: round(last.x), y: round(last.y) } : null,
  };
}

/** The numbers behind a sparkline, for screen readers and tooltips. */
export function sparklineLabel(values: readonly (number | null)[], locale = "en-US"): string {
  const shown = values.map((v) => (v == null ? "–" : formatNumber(v, locale, 1)));
  return `Last ${values.length} weeks, oldest first: ${shown.join(", ")}`;
}
