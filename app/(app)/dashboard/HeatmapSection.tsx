// The attainment heatmap with its legend, its choice of measure (kept in the URL) and its
// table alternative.
import Link from "@/app/_components/Link";
import type { HeatmapChartData } from "@/lib/charts/heatmap";
import { AttainmentHeatmap } from "./AttainmentHeatmap";
import styles from "./dashboard.module.css";
import { WideTable } from "@/app/_components/WideTable";

type Props = {
  chart: HeatmapChartData;
  title: string;
  /** What the cells mean, one sentence (also read out by screen readers). */
  explanation: string;
  modes: { label: string; href: string; current: boolean }[];
  emptyText: string | null;
};

export function HeatmapSection({ chart, title, explanation, modes, emptyText }: Props) {
  const counts = { green: 0, amber: 0, red: 0, none: 0 };
  for (const row of chart.rows) for (const c of row.cells) counts[c.status]++;
  const summary = `${counts.green} team-weeks on target, ${counts.amber} close, ${counts.red} behind, ${counts.none} without a target.`;
  return (
    <section className="card" aria-labelledby="heatmap-title">
      <div className={styles.sectionHead}>
        <h2 id="heatmap-title">{title}</h2>
        <ul className={styles.toggle} aria-label="Heatmap measures">
          {modes.map((m) => (
            <li key={m.label}>
              <Link href={m.href} scroll={false} aria-current={m.current ? "true" : undefined}>
                {m.label}
              </Link>
            </li>
          ))}
        </ul>
      </div>
      {emptyText ? (
        <p className="empty">{emptyText}</p>
      ) : (
        <>
          <p className="muted" style={{ marginTop: 0 }}>
            {explanation}
          </p>
          <ul className={styles.legend} aria-label="Colours">
            {chart.legend.map((l) => (
              <li key={l.status}>
                <span className={styles.swatch} style={{ background: l.fill }} aria-hidden="true" />
                {l.label}
              </li>
            ))}
          </ul>
          <AttainmentHeatmap data={chart} title={title} summary={summary} />
          <details>
            <summary>Show the heatmap as a table</summary>
            <WideTable label="Heatmap">
              <table className={styles.heatTable} data-testid="heatmap-table">
                <caption className="muted" style={{ textAlign: "left" }}>
                  {title}: share of target per week.
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Team</th>
                    {chart.xLabels.map((w, i) => (
                      <th key={chart.weeks[i]} scope="col" className="num">
                        {w}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {chart.rows.map((r) => (
                    <tr key={r.teamId}>
                      <th scope="row">{r.teamName}</th>
                      {r.cells.map((c, i) => (
                        <td key={chart.weeks[i]} className={`num ${styles[`cell_${c.status}`]}`}>
                          {c.text}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </WideTable>
          </details>
        </>
      )}
    </section>
  );
}
