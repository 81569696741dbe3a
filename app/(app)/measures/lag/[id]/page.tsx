import * as clock from "@/lib/clock";
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { forbidden, notFound } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { canManageMeasures } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { LAG_TEMPLATES } from "@/lib/domain/templates";
import { localDay } from "@/lib/domain/calendar/weeks";
import { dayWithYear, formatMeasure } from "@/lib/domain/format";
import { LAG_STATUS_LABEL, lagGoalText, lagStatus } from "@/lib/domain/status";
import { lagMeasurePage } from "@/lib/views/measureCatalog";
import { LagMeasureForm } from "./LagMeasureForm";
import { ObservationForm } from "./ObservationForm";
import { WideTable } from "@/app/_components/WideTable";

export const metadata: Metadata = { title: "Lag measure" };

export default async function LagMeasurePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const ctx = await requirePageContext();
  if (!canManageMeasures(ctx.role)) forbidden();
  const page = await lagMeasurePage(await getDb(), ctx.organizationId, id);
  if (!page) notFound();
  const { catalog, measure, observations } = page;
  const today = localDay(clock.now(), ctx.organization.timeZone);
  const { locale } = ctx.organization;
  return (
    <>
      <div className="page-head">
        <p className="muted">
          <Link href="/measures">← Measures</Link>
        </p>
        <h1>{measure ? measure.name : "New lag measure"}</h1>
        {query.created ? (
          <p className="form-ok" role="status">
            Created. Record its observations as they come in.
          </p>
        ) : null}
      </div>
      {measure ? (
        <div className="grid" style={{ marginBottom: "1.25rem" }}>
          <section className="card" aria-labelledby="obs-title">
            <h2 id="obs-title">Results</h2>
            <p style={{ margin: "0 0 0.5rem" }}>
              <Link href={`/dashboard/lags/${measure.id}`}>Where the numbers come from →</Link>
            </p>
            <p className="muted" style={{ marginTop: 0 }}>
              Goal: {lagGoalText({ ...measure, unit: measure.unit }, locale)} ({measure.direction === "LOWER_IS_BETTER" ? "↓ lower is better" : "↑ higher is better"})
              <br />
              Owner: {measure.owner ? measure.owner.name : "nobody yet"}
            </p>
            {observations.length === 0 ? (
              <p className="empty">No results recorded yet.</p>
            ) : (
              <WideTable label="Recorded results">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Date</th>
                      <th scope="col">For</th>
                      <th scope="col" className="num">
                        Value
                      </th>
                      <th scope="col">Against the path</th>
                      <th scope="col">Source</th>
                    </tr>
                  </thead>
                  <tbody>
                    {observations.map((o) => {
                      const status = lagStatus({ ...measure, latest: { value: o.value, date: o.observedOn } });
                      return (
                        <tr key={o.id}>
                          <td>{dayWithYear(o.observedOn, locale)}</td>
                          <td>{o.teamName ?? "Organization"}</td>
                          <td className="num">{formatMeasure(o.value, measure.unit, locale)}</td>
                          <td>
                            <span className={`badge ${status}`}>{LAG_STATUS_LABEL[status]}</span>
                          </td>
                          <td className="muted">{o.source.toLowerCase()}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </WideTable>
            )}
          </section>
          <section className="card" aria-labelledby="record-title">
            <h2 id="record-title">Record a result</h2>
            <ObservationForm lagMeasureId={measure.id} unit={measure.unit} today={today} teams={catalog.teams} fixedTeamId={measure.teamId} />
          </section>
        </div>
      ) : null}
      <section className="card" aria-label="Definition">
        <LagMeasureForm
          measure={measure ?? null}
          teams={catalog.teams}
          people={catalog.people}
          leadMeasures={catalog.lead.filter((m) => !m.archived)}
          templates={measure ? [] : LAG_TEMPLATES}
          today={today}
        />
      </section>
    </>
  );
}
