import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/lib/db";
import { pageData } from "@/lib/http/page";
import { sharedReport } from "@/lib/views/reports";
import { ReportSectionView } from "@/app/(app)/reports/[reportId]/ReportBlocks";
import { ReportHeader } from "@/app/(app)/reports/[reportId]/ReportHeader";
import styles from "@/app/(app)/reports/[reportId]/report.module.css";

// The token is in the address: never send it on as a Referer, and keep the page out of search engines.
export const metadata: Metadata = { title: "Shared report", referrer: "no-referrer", robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

/** A report opened by its share link, read-only and without an account; a revoked or expired link is a 404 with nothing of the report. */
export default async function SharedReportPage({ params }: Props) {
  const { token } = await params;
  const view = await pageData(sharedReport(await getDb(), token));
  if (!view) notFound();
  const doc = view.document;
  return (
    <main id="main">
      <article className={styles.report} aria-labelledby="report-title">
        <ReportHeader doc={doc} />
        <div className={styles.toolbar} role="group" aria-label="Download">
          <a className="button" href={`/shared/reports/${token}/report.pdf`} download>
            Download PDF
          </a>
          <p className="muted" style={{ margin: 0 }}>
            Shared read-only by {doc.meta.organization}; this link works until {view.expires}.
          </p>
        </div>
        {doc.sections.map((s) => (
          <ReportSectionView key={s.id} section={s} />
        ))}
        <footer className={styles.footer}>
          Regenerated from the snapshot taken on {doc.meta.generatedOn} · fingerprint <code>{doc.meta.fingerprint}</code>
        </footer>
      </article>
    </main>
  );
}
