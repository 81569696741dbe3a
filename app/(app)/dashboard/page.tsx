import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { canViewDashboard } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { buildLeadTotalsChart } from "@/lib/charts/leadTotalsChart";
import { formatWeek, lastWeekStarts, localDay, addDays } from "@/lib/domain/weeks";
import { leadTotalsByTeamWeek } from "@/lib/queries/leadTotalsByTeamWeek";
import { LeadTotalsChart } from "./LeadTotalsChart";
import { MeasurePicker } from "./MeasurePicker";

export const metadata: Metadata = { title: "Dashboard" };

export const WEEKS_SHOWN = 12;

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requirePageContext();
  if (!canViewDashboard(ctx.role)) forbidden();
  const query = await searchParams;
  const db = await getDb();
  const measures = await db.leadMeasure.findMany({
    where: { organizationId: ctx.organizationId, archivedAt: null },
    select: { id: true, name: true, unit: true },
    orderBy: { name: "asc" },
  });
  const { locale, timeZone, weekStartsOn } = ctx.organization;
  const wanted = typeof query.measure === "string" ? query.measure : undefined;
  const measure = measures.find((m) => m.id === wanted) ?? measures[0];

  if (!measure) {
    return (
      <>
        <h1>Dashboard</h1>
        <p className="empty">No lead measures yet. Define one to see how teams are doing.</p>
      </>
    );
  }

  const weeks = lastWeekStarts(localDay(new Date(), timeZone), weekStartsOn, WEEKS_SHOWN);
  const rows = await leadTotalsByTeamWeek(db, {
    organizationId: ctx.organizationId,
    leadMeasureId: measure.id,
    firstWeek: weeks[0]!,
    lastWeek: weeks[weeks.length - 1]!,
    weekStartsOn,
  });
  const data = buildLeadTotalsChart(rows);
  const weekLabels = data.weeks.map((w) => formatWeek({ start: w, end: addDays(w, 6) }, locale));
  const title = `${measure.name}: weekly totals per team, last ${WEEKS_SHOWN} weeks`;

  return (
    <>
      <div className="page-head">
        <h1>Dashboard</h1>
        <p className="muted">{ctx.organization.name} · all teams</p>
      </div>
      <section className="card" aria-labelledby="chart-title">
        <div className="row" style={{ justifyContent: "space-between", alignItems: "end", marginBottom: "1rem" }}>
          <h2 id="chart-title" style={{ margin: 0 }}>
            {title}
          </h2>
          <MeasurePicker measures={measures} selected={measure.id} />
        </div>
        {data.series.length === 0 ? (
          <p className="empty">No team tracks this measure yet.</p>
        ) : (
          <>
            <LeadTotalsChart data={data} weekLabels={weekLabels} title={title} unit={measure.unit} />
            <details>
              <summary>Show the numbers as a table</summary>
              <div className="table-wrap">
                <table>
                  <caption className="muted" style={{ textAlign: "left" }}>
                    {title} ({measure.unit || "total"}). Weekly target in brackets.
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Week</th>
                      {data.series.map((s) => (
                        <th key={s.teamId} scope="col" className="num">
                          {s.teamName} ({s.weeklyTarget.toLocaleString(locale)})
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {data.weeks.map((w, i) => (
                      <tr key={w}>
                        <th scope="row">{weekLabels[i]}</th>
                        {data.series.map((s) => (
                          <td key={s.teamId} className="num">
                            {s.totals[i]!.toLocaleString(locale, { maximumFractionDigits: 1 })}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </>
        )}
      </section>
    </>
  );
}
