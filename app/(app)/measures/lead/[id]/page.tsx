import * as clock from "@/lib/clock";
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { forbidden, notFound } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { canManageMeasures } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { LEAD_TEMPLATES } from "@/lib/domain/templates";
import { currentWeekStart } from "@/lib/domain/calendar/weeks";
import { leadMeasurePage } from "@/lib/views/measureCatalog";
import { LeadMeasureForm } from "./LeadMeasureForm";
import { TargetChangeForm } from "./TargetChangeForm";

export const metadata: Metadata = { title: "Lead measure" };

export default async function LeadMeasurePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const ctx = await requirePageContext();
  if (!canManageMeasures(ctx.role)) forbidden();
  const page = await leadMeasurePage(await getDb(), ctx.organizationId, id);
  if (!page) notFound();
  const { catalog, measure } = page;
  const thisWeek = currentWeekStart(clock.now(), ctx.organization.timeZone, ctx.organization.weekStartsOn);
  return (
    <>
      <div className="page-head">
        <p className="muted">
          <Link href="/measures">← Measures</Link>
        </p>
        <h1>{measure ? measure.name : "New lead measure"}</h1>
        {query.created ? (
          <p className="form-ok" role="status">
            Created. Teams can log it now.
          </p>
        ) : null}
      </div>
      <div className="grid">
        <section className="card" aria-label="Definition">
          <LeadMeasureForm measure={measure ?? null} teams={catalog.teams} people={catalog.people} templates={measure ? [] : LEAD_TEMPLATES} />
        </section>
        {measure && measure.teams.length > 0 ? (
          <section className="card side" aria-labelledby="targets-title">
            <h2 id="targets-title">Change a team&apos;s target</h2>
            <p className="muted" style={{ margin: 0 }}>
              A new target applies from the week you choose; earlier weeks keep the target they had.
            </p>
            {measure.teams.map((t) => (
              <TargetChangeForm key={t.teamId} leadMeasureId={measure.id} team={t} defaultWeek={thisWeek} />
            ))}
          </section>
        ) : null}
      </div>
    </>
  );
}
