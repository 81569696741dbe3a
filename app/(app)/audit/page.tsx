import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { canReadAudit } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { mediumDateTime } from "@/lib/domain/format";
import { auditTrail } from "@/lib/queries/auditTrail";

export const metadata: Metadata = { title: "Audit trail" };

const TYPES = ["LeadEntry", "LeadCell", "LeadMeasure", "LeadTarget", "LagMeasure", "LagObservation", "Commitment", "CheckIn", "ApiToken", "Organization"];

function Json({ value }: { value: unknown }) {
  if (value == null) return <span className="muted">—</span>;
  return <pre style={{ margin: 0, whiteSpace: "pre-wrap", fontSize: "0.8rem", maxWidth: "28rem" }}>{JSON.stringify(value, null, 1)}</pre>;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requirePageContext();
  if (!canReadAudit(ctx.role)) forbidden();
  const q = await searchParams;
  const before = q.before && !Number.isNaN(Date.parse(q.before)) ? new Date(q.before) : undefined;
  const entityType = q.type && TYPES.includes(q.type) ? q.type : undefined;
  const { events, next } = await auditTrail(await getDb(), { organizationId: ctx.organizationId, before, entityType });
  return (
    <>
      <div className="page-head">
        <h1>Audit trail</h1>
        <p className="muted">Every change: who, when, and the values before and after.</p>
      </div>
      <form method="get" className="row" style={{ alignItems: "end", marginBottom: "1rem" }}>
        <div className="field" style={{ maxWidth: "16rem" }}>
          <label htmlFor="type">Show</label>
          <select id="type" name="type" defaultValue={entityType ?? ""}>
            <option value="">Everything</option>
            {TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="secondary">
          Filter
        </button>
      </form>
      <section className="card">
        {events.length === 0 ? (
          <p className="empty">No changes recorded yet.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.id}>
                    <td style={{ whiteSpace: "nowrap" }}>{mediumDateTime(e.at, ctx.organization.locale, ctx.organization.timeZone)}</td>
                    <td>{e.actor}</td>
                    <td>
                      {e.action}
                      <div className="muted" style={{ fontSize: "0.8rem" }}>
                        {e.entityType}
                      </div>
                    </td>
                    <td>
                      <Json value={e.before} />
                    </td>
                    <td>
                      <Json value={e.after} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {next ? (
          <p>
            <Link href={`/audit?${new URLSearchParams({ ...(entityType ? { type: entityType } : {}), before: next })}`}>Older changes →</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
