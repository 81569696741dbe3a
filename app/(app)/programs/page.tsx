import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { forbidden } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { canManageMeasures, canViewDashboard } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { dayWithYear, formatMoney } from "@/lib/domain/format";
import { programList } from "@/lib/views/programList";
import { WideTable } from "@/app/_components/WideTable";

export const metadata: Metadata = { title: "ROI programs" };

export default async function ProgramsPage() {
  const ctx = await requirePageContext();
  if (!canViewDashboard(ctx.role)) forbidden();
  const { currency, locale } = ctx.organization;
  const programs = await programList(await getDb(), ctx.organizationId);
  return (
    <>
      <div className="page-head">
        <div className="row" style={{ justifyContent: "space-between", alignItems: "center" }}>
          <h1>ROI programs</h1>
          {canManageMeasures(ctx.role) ? (
            <Link className="button" href="/programs/new">
              New program
            </Link>
          ) : null}
        </div>
        <p className="muted">
          What a program cost, what it returned — converted from your lag measures and isolated from everything else — and when it pays back.
        </p>
      </div>
      <section className="card" aria-label="Programs">
        {programs.length === 0 ? (
          <p className="empty">No programs yet. Create one for a training or coaching initiative to measure its return.</p>
        ) : (
          <WideTable label="Programs">
            <table>
              <thead>
                <tr>
                  <th scope="col">Program</th>
                  <th scope="col">Started</th>
                  <th scope="col">Fully-loaded costs</th>
                  <th scope="col">Benefit lines</th>
                </tr>
              </thead>
              <tbody>
                {programs.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link href={`/programs/${p.id}`}>{p.name}</Link>
                    </td>
                    <td>{dayWithYear(p.startDate, locale)}</td>
                    <td>{formatMoney(p.costs, locale, currency)}</td>
                    <td>{p.benefitLines}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </WideTable>
        )}
      </section>
    </>
  );
}
