import * as clock from "@/lib/clock";
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { forbidden } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { canLogForOthers } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { localDay } from "@/lib/domain/calendar/weeks";
import { activeTeams } from "@/lib/queries/activeTeams";
import { ColumnDocs } from "./ColumnDocs";
import { ExportForm } from "./ExportForm";
import { ImportForm } from "./ImportForm";

export const metadata: Metadata = { title: "Import and export" };

/** Managers bring lead entries and lag results in from spreadsheets, and take them out. */
export default async function ImportPage() {
  const ctx = await requirePageContext();
  if (!canLogForOthers(ctx.role)) forbidden();
  const teams = await activeTeams(await getDb(), ctx.organizationId);
  const today = localDay(clock.now(), ctx.organization.timeZone);
  return (
    <>
      <div className="page-head">
        <h1>Import and export</h1>
        <p className="muted">Bring lead entries and lag results in from a spreadsheet, or download them as CSV.</p>
      </div>
      {teams.length === 0 ? (
        <p className="empty" style={{ marginBottom: "1.25rem" }}>
          No teams yet: imported rows name a team and a measure, so <Link href="/setup">set up your teams and measures</Link> first.
        </p>
      ) : null}
      <div className="grid">
        <section className="card" aria-labelledby="import-title">
          <h2 id="import-title">Import a CSV file</h2>
          <ImportForm locale={ctx.organization.locale} />
        </section>
        <div className="side">
          <section className="card" aria-labelledby="export-title">
            <h2 id="export-title">Export</h2>
            <ExportForm teams={teams} today={today} />
          </section>
          <section className="card" aria-labelledby="columns-title">
            <h2 id="columns-title">What the file must contain</h2>
            <ColumnDocs />
          </section>
        </div>
      </div>
    </>
  );
}
