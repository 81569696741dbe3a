// A report section and its blocks as HTML. The document arrives worded and formatted; this only
// lays it out (the PDF and Markdown renderers lay out the same document).
import { chartValueFormatter } from "@/lib/charts/reportChart";
import type { ChartSpec, ReportBlock, ReportSection } from "@/lib/domain/report/document";
import styles from "./report.module.css";
import { ReportChart } from "./ReportChart";

export function ReportSectionView({ section }: { section: ReportSection }) {
  const titleId = `section-${section.id}-title`;
  return (
    <section id={`section-${section.id}`} aria-labelledby={titleId} className={`card ${styles.section} ${section.pageBreakBefore ? styles.breakBefore : ""}`}>
      <h2 id={titleId}>{section.title}</h2>
      {section.blocks.map((block, i) => (
        <Block key={i} block={block} id={`${section.id}-${i}`} />
      ))}
    </section>
  );
}

function Block({ block, id }: { block: ReportBlock; id: string }) {
  switch (block.kind) {
    case "paragraph":
      return <p className={block.lead ? styles.lead : undefined}>{block.text}</p>;
    case "bullets":
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    case "figures":
      return (
        <dl className={styles.figures} data-testid="report-figures">
          {block.items.map((f) => (
            <div key={f.label} className={styles.figure}>
              <dt>{f.label}</dt>
              <dd className={styles.value}>{f.value}</dd>
              {f.note ? <dd className={styles.note}>{f.note}</dd> : null}
            </div>
          ))}
        </dl>
      );
    case "table":
      return (
        <div className={styles.tableBlock}>
          <div className="table-wrap">
            <table>
              <caption>{block.caption}</caption>
              <thead>
                <tr>
                  {block.columns.map((c, i) => (
                    <th key={i} scope="col" className={c.align === "right" ? "num" : undefined}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {block.rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, c) => (
                      <td key={c} className={block.columns[c]?.align === "right" ? "num" : undefined}>
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {block.note ? <p className={styles.note}>{block.note}</p> : null}
        </div>
      );
    case "chart":
      return <ChartBlock chart={block.chart} id={id} />;
  }
}

/** The chart, its caption, and the same numbers as a table for those who cannot see it. */
function ChartBlock({ chart, id }: { chart: ChartSpec; id: string }) {
  const format = chartValueFormatter(chart);
  return (
    <figure className={styles.chart} aria-labelledby={`${id}-caption`}>
      <ReportChart spec={chart} />
      <figcaption id={`${id}-caption`}>
        <strong>{chart.title}.</strong> {chart.description}
      </figcaption>
      <details className={styles.chartData}>
        <summary>Chart data as a table</summary>
        <div className="table-wrap">
          <table>
            <caption>
              {chart.title}
              {chart.y.title ? ` (${chart.y.title})` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Period</th>
                {chart.datasets.map((d) => (
                  <th key={d.label} scope="col" className="num">
                    {d.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {chart.labels.map((label, i) => (
                <tr key={`${label}-${i}`}>
                  <th scope="row">{label}</th>
                  {chart.datasets.map((d) => (
                    <td key={d.label} className="num">
                      {d.data[i] == null ? "—" : format(d.data[i]!)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
