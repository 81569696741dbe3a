import { buildSparkline, sparklineLabel } from "@/lib/charts/sparkline";
import styles from "./checkIn.module.css";

/** The last weeks as a tiny line over the target line; the numbers are its accessible name. */
export function Sparkline({ values, targets, locale }: { values: number[]; targets: (number | null)[]; locale: string }) {
  const s = buildSparkline(values, targets);
  const label = `${sparklineLabel(values, locale)}${targets.some((t) => t != null) ? ` (target ${targets.at(-1) ?? "none"})` : ""}`;
  return (
    <svg className={styles.spark} viewBox={`0 0 ${s.width} ${s.height}`} width={s.width} height={s.height} role="img" aria-label={label}>
      <title>{label}</title>
      {s.targetLine && <path d={s.targetLine} className={styles.sparkTarget} />}
      <path d={s.line} className={styles.sparkLine} />
      {s.last && <circle cx={s.last.x} cy={s.last.y} r={2.5} className={styles.sparkDot} />}
    </svg>
  );
}
