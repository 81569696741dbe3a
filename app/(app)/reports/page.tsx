import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { forbidden } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { canExportReport, canViewDashboard } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { firstParam } from "@/lib/schemas/queryParams";
import { mediumDay } from "@/lib/domain/format";
import { listReports, reportOptions } from "@/lib/views/reports";
import { ExportForm } from "./ExportForm";
import { PastReports } from "./PastReports";

export const metadata: Metadata = { title: "Quarterly reports" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Managers export the quarterly ROI narrative; they and viewers find every report exported before. */
export default async function ReportsPage({ searchParams }: Props) {
  const ctx = await requirePageContext();
  if (!canViewDashboard(ctx.role)) forbidden();
  const db = await getDb();
  const [options, reports] = await Promise.all([reportOptions(db, ctx), listReports(db, ctx)]);
  // `?scope=program&programId=…` (the program page's link) preselects one of this organization's programs.
  const q = await searchParams;
  const askedProgram = options.programs.find((p) => p.id === firstParam(q, "programId"))?.id ?? null;
  const initialScope = firstParam(q, "scope") === "program" && askedProgram ? "program" : "organization";
  const asOfLabels = Object.fromEntries(options.quarters.map((qt) => [qt.id, mediumDay(qt.asOf, ctx.organization.locale)]));
  return (
    <>
      <div className="page-head">
        <h1>Quarterly ROI reports</h1>
        <p className="muted">
          The quarter&apos;s story in numbers a CFO can check: execution, results, ROI with its range, and what comes next — as a page, a PDF, Markdown and a
          CSV of every figure. A report is frozen when it is exported, so it always reads the same.
        </p>
      </div>
      {canExportReport(ctx.role) ? (
        <section className="card" aria-labelledby="export-title" style={{ marginBottom: "1.25rem" }}>
          <h2 id="export-title">Export a report</h2>
          {options.quarters.length === 0 ? (
            <p className="empty">
              Nothing to report on yet: a report needs at least one ended week with lead entries, lag results or a program. Teams log their
              lead measures on their team&apos;s page (<Link href="/">My teams</Link>).
            </p>
          ) : (
            <ExportForm options={options} asOfLabels={asOfLabels} initialScope={initialScope} initialProgramId={askedProgram} />
          )}
        </section>
      ) : null}
      <section className="card" aria-labelledby="past-title">
        <h2 id="past-title">Past reports</h2>
        <PastReports reports={reports} locale={ctx.organization.locale} timeZone={ctx.organization.timeZone} />
      </section>
    </>
  );
}
