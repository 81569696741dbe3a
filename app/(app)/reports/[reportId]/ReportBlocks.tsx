// A report section and its blocks as HTML. The document arrives worded and formatted; this only
// lays it out (the PDF and Markdown renderers lay out the same document).
import { chartValueFormatter } from "@/lib/report/render/chartConfig";
import { chartTable } from "@/lib/report/render/chartTable";
import type { ChartSpec, ReportBlock, ReportSection, TableColumn } from "@/lib/report/document";
import styles from "./report.module.css";
import { ReportChart } from "./ReportChart";
import { WideTable } from "@/app/_components/WideTable";

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
      return <p className={block.lead ? styles.lead : block.note ? styles.note : undefined}>{block.text}</p>;
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
          <TableView caption={block.caption} columns={block.columns} rows={block.rows} />
          {block.note ? <p className={styles.note}>{block.note}</p> : null}
        </div>
      );
    case "chart":
      return <ChartBlock chart={block.chart} id={id} />;
  }
}

/** The chart, its caption, and the same numbers as a table for those who cannot see it. */
function ChartBlock({ chart, id }: { chart: ChartSpec; id: string }) {
  return (
    <figure className={styles.chart} aria-labelledby={`${id}-caption`}>
      <ReportChart spec={chart} />
      <figcaption id={`${id}-caption`}>
        <strong>{chart.title}.</strong> {chart.description}
      </figcaption>
      <details className={styles.chartData}>
        <summary>Chart data as a table</summary>
        <TableView caption={`${chart.title}${chart.y.title ? ` (${chart.y.title})` : ""}`} {...chartTable(chart, { format: chartValueFormatter(chart), labelHeader: "Period" })} rowHeaders />
      </details>
    </figure>
  );
}

/** A table with its caption; `rowHeaders` makes each row's first cell its header (a chart's period). */
function TableView({ caption, columns, rows, rowHeaders = false }: { caption: string; columns: TableColumn[]; rows: string[][]; rowHeaders?: boolean }) {
  const num = (c: number) => (columns[c]?.align === "right" ? "num" : undefined);
  return (
    <WideTable label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={num(i)}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                rowHeaders && c === 0 ? (
                  <th key={c} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={c} className={num(c)}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </WideTable>
  );
}
