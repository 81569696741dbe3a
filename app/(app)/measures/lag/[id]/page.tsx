import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { canManageMeasures } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { LAG_TEMPLATES } from "@/lib/domain/templates";
import { localDay } from "@/lib/domain/weeks";
import { measureCatalog } from "@/lib/queries/measureCatalog";
import { LagMeasureForm } from "./LagMeasureForm";

export const metadata: Metadata = { title: "Lag measure" };

export default async function LagMeasurePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const ctx = await requirePageContext();
  if (!canManageMeasures(ctx.role)) forbidden();
  const catalog = await measureCatalog(await getDb(), ctx.organizationId);
  const measure = id === "new" ? null : catalog.lag.find((m) => m.id === id);
  if (id !== "new" && !measure) notFound();
  const today = localDay(new Date(), ctx.organization.timeZone);
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
      <section className="card" aria-label="Definition">
        <LagMeasureForm
          measure={measure ?? null}
          teams={catalog.teams}
          leadMeasures={catalog.lead.filter((m) => !m.archived)}
          templates={measure ? [] : LAG_TEMPLATES}
          today={today}
        />
      </section>
    </>
  );
}
