import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { canViewDashboard } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { formatMoney } from "@/lib/domain/format";

export const metadata: Metadata = { title: "ROI programs" };

export default async function ProgramsPage() {
  const ctx = await requirePageContext();
  if (!canViewDashboard(ctx.role)) forbidden();
  const db = await getDb();
  const { organizationId } = ctx;
  const { currency, locale } = ctx.organization;
  const programs = await db.program.findMany({
    where: { organizationId, archivedAt: null },
    orderBy: { startDate: "desc" },
    select: { id: true, name: true, startDate: true, endDate: true, _count: { select: { benefits: true, teams: true } } },
  });
  // Costs per program summed by the database (one grouped query, not every line).
  const costSums = await db.programCost.groupBy({ by: ["programId"], where: { organizationId }, _sum: { amount: true } });
  const costOf = new Map(costSums.map((c) => [c.programId, c._sum.amount ?? 0]));
  return (
    <>
      <div className="page-head">
        <div className="row" style={{ justifyContent: "space-between", alignItems: "center" }}>
          <h1>ROI programs</h1>
          <Link className="button" href="/programs/new">
            New program
          </Link>
        </div>
        <p className="muted">
          What a program cost, what it returned — converted from your lag measures and isolated from everything else — and when it pays back.
        </p>
      </div>
      <section className="card" aria-label="Programs">
        {programs.length === 0 ? (
          <p className="empty">No programs yet. Create one for a training or coaching initiative to measure its return.</p>
        ) : (
          <div className="table-wrap">
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
                    <td>{p.startDate.toISOString().slice(0, 10)}</td>
                    <td>{formatMoney(costOf.get(p.id) ?? 0, locale, currency)}</td>
                    <td>{p._count.benefits}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
