import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { canReadAudit } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AUDIT_KINDS, describeAuditEvent, isAuditKind } from "@/lib/domain/auditText";
import { mediumDateTime } from "@/lib/domain/format";
import { auditTrail } from "@/lib/queries/auditTrail";
import { WideTable } from "@/app/_components/WideTable";

export const metadata: Metadata = { title: "Audit trail" };

function Json({ value }: { value: unknown }) {
  if (value == null) return <span className="muted">—</span>;
  return <pre style={{ margin: 0, whiteSpace: "pre-wrap", fontSize: "0.8rem", maxWidth: "28rem" }}>{JSON.stringify(value, null, 1)}</pre>;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requirePageContext();
  if (!canReadAudit(ctx.role)) forbidden();
  const q = await searchParams;
  const before = q.before && !Number.isNaN(Date.parse(q.before)) ? new Date(q.before) : undefined;
  const kind = isAuditKind(q.kind) ? q.kind : undefined;
  // `?type=<entity type>` narrows to one kind of record (links from elsewhere).
  const entityType = !kind && q.type && /^[A-Za-z]{1,40}$/.test(q.type) ? q.type : undefined;
  const { events, next } = await auditTrail(await getDb(), {
    organizationId: ctx.organizationId,
    before,
    entityTypes: kind ? AUDIT_KINDS[kind].entityTypes : entityType ? [entityType] : undefined,
  });
  return (
    <>
      <div className="page-head">
        <h1>Audit trail</h1>
        <p className="muted">Every change: who, when, and the values before and after.</p>
      </div>
      <form method="get" className="row" style={{ alignItems: "end", marginBottom: "1rem" }}>
        <div className="field" style={{ maxWidth: "20rem" }}>
          <label htmlFor="kind">Show</label>
          <select id="kind" name="kind" defaultValue={kind ?? ""}>
            <option value="">Everything</option>
            {Object.entries(AUDIT_KINDS).map(([value, k]) => (
              <option key={value} value={value}>
                {k.label}
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
          <WideTable label="Audit trail">
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
                {events.map((e) => {
                  const sentence = describeAuditEvent(e);
                  return (
                    <tr key={e.id} data-testid="audit-event">
                      <td style={{ whiteSpace: "nowrap" }}>{mediumDateTime(e.at, ctx.organization.locale, ctx.organization.timeZone)}</td>
                      <td>{e.actor}</td>
                      <td>
                        {sentence ?? e.action}
                        <div className="muted" style={{ fontSize: "0.8rem" }}>
                          {sentence ? e.action : e.entityType}
                        </div>
                      </td>
                      <td>
                        <Json value={e.before} />
                      </td>
                      <td>
                        <Json value={e.after} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </WideTable>
        )}
        {next ? (
          <p>
            <Link href={`/audit?${new URLSearchParams({ ...(kind ? { kind } : {}), ...(entityType ? { type: entityType } : {}), before: next })}`}>Older changes →</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
