import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { forbidden } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { canShareReports, canViewDashboard } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { pageData } from "@/lib/http/page";
import { mediumDateTime } from "@/lib/domain/format";
import { activeReportShares, getReport } from "@/lib/views/reports";
import { REPORT_DOWNLOADS, reportFileUrl } from "../PastReports";
import { PrintButton } from "./PrintButton";
import { ReportHeader } from "./ReportHeader";
import { ShareLinks } from "./ShareLinks";
import { ReportSectionView } from "./ReportBlocks";
import styles from "./report.module.css";

export const metadata: Metadata = { title: "Quarterly report" };

type Props = { params: Promise<{ reportId: string }> };

/** A stored report, rebuilt from its snapshot: the page, and the way to its PDF, Markdown and CSV. */
export default async function ReportPage({ params }: Props) {
  const ctx = await requirePageContext();
  if (!canViewDashboard(ctx.role)) forbidden();
  const { reportId } = await params;
  const view = await pageData(getReport(await getDb(), ctx, reportId));
  const { document: doc } = view;
  const { locale, timeZone } = ctx.organization;
  const when = (instant: string) => mediumDateTime(instant, locale, timeZone);
  const shares = canShareReports(ctx.role) ? await activeReportShares(await getDb(), ctx, reportId) : null;
  return (
    <article className={styles.report} aria-labelledby="report-title">
      <ReportHeader doc={doc} />
      <div className={styles.toolbar} role="group" aria-label="Downloads and print">
        {REPORT_DOWNLOADS.map((d, i) => (
          <a key={d.file} className={i === 0 ? "button" : `button ${styles.secondary}`} href={reportFileUrl(view.item.id, d.file)} download>
            {d.long}
          </a>
        ))}
        <PrintButton />
        <Link href="/reports" className={styles.back}>
          ← Back to reports
        </Link>
      </div>
      {doc.sections.map((s) => (
        <ReportSectionView key={s.id} section={s} />
      ))}
      <footer className={styles.footer}>
        Regenerated from the snapshot taken on {doc.meta.generatedOn} · fingerprint <code>{doc.meta.fingerprint}</code> · PDF SHA-256{" "}
        <code>{view.pdfSha256}</code>
      </footer>
      {shares ? <ShareLinks reportId={view.item.id} shares={shares.map((s) => ({ id: s.id, created: when(s.createdAt), expires: when(s.expiresAt), createdBy: s.createdBy }))} /> : null}
    </article>
  );
}
