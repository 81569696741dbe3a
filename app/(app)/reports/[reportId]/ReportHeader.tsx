// A report's title, period and particulars: the head of its page and of its shared view.
import type { ReportDocument } from "@/lib/report/document";
import { reportParticulars } from "@/lib/report/render/particulars";
import styles from "./report.module.css";

export function ReportHeader({ doc }: { doc: ReportDocument }) {
  return (
    <header className={styles.head}>
      <h1 id="report-title">{doc.title}</h1>
      <p className={styles.subtitle}>{doc.subtitle}</p>
      <dl className={styles.meta}>
        {reportParticulars(doc.meta).map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
