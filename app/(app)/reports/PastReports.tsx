// Every report exported in the organization, newest first, with its files.
import Link from "@/app/_components/Link";
import { Fragment } from "react";
import { mediumDateTime, mediumDay } from "@/lib/domain/format";
import type { ReportListItem } from "@/lib/views/reports";
import styles from "./reports.module.css";
import { WideTable } from "@/app/_components/WideTable";

/** The API's file names for a report's downloads, and how the links name them. */
export const REPORT_DOWNLOADS = [
  { file: "report.pdf", short: "PDF", long: "Download PDF" },
  { file: "report.md", short: "Markdown", long: "Download Markdown" },
  { file: "appendix.csv", short: "CSV", long: "Download CSV appendix" },
] as const;

export const reportFileUrl = (reportId: string, file: string) => `/api/v1/reports/${reportId}/${file}`;

export function PastReports({ reports, locale, timeZone }: { reports: ReportListItem[]; locale: string; timeZone: string }) {
  if (reports.length === 0) return <p className="empty">No reports yet. Export one above: it will be listed here for everyone who manages the organization.</p>;
  return (
    <WideTable label="Past reports" className={styles.wrap}>
      <table aria-label="Past reports">
        <thead>
          <tr>
            <th scope="col">Report</th>
            <th scope="col">Quarter</th>
            <th scope="col">Scope</th>
            <th scope="col">Made by</th>
            <th scope="col">When</th>
            <th scope="col" className="num">
              Pages
            </th>
            <th scope="col">Files</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((r) => (
            <tr key={r.id} data-report-id={r.id}>
              <th scope="row" className={styles.title}>
                {r.title}
              </th>
              <td>
                {r.quarterLabel}
                {r.complete ? "" : " to date"}
                <br />
                <span className="muted">as of {mediumDay(r.asOf, locale)}</span>
              </td>
              <td>{r.scope === "program" ? r.programName : "Organization"}</td>
              <td>{r.createdBy ?? "a former member"}</td>
              <td>{mediumDateTime(r.createdAt, locale, timeZone)}</td>
              <td className="num">{r.pdfPages}</td>
              <td className={styles.links}>
                <Link href={`/reports/${r.id}`}>
                  View<span className="sr-only"> {r.title}</span>
                </Link>
                {REPORT_DOWNLOADS.map((d) => (
                  <Fragment key={d.file}>
                    <span aria-hidden="true"> · </span>
                    <a href={reportFileUrl(r.id, d.file)} download>
                      {d.short}
                      <span className="sr-only"> of {r.title}</span>
                    </a>
                  </Fragment>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </WideTable>
  );
}
