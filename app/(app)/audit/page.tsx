import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { canExportAudit, canReadAudit } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { auditFilterSchema, type AuditFilterInput } from "@/lib/schemas/audit";
import { auditPageView } from "@/lib/views/auditTrail";
import { PageLinks } from "../dashboard/teams/_drilldown/PageLinks";
import { AuditFilters } from "./AuditFilters";
import { AuditTable } from "./AuditTable";

export const metadata: Metadata = { title: "Audit trail" };

/** The URL's filters; a malformed one is dropped (and said so) rather than failing the page. */
function filtersOf(query: Record<string, string | string[] | undefined>): { filters: AuditFilterInput; problems: string[] } {
  const raw = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = auditFilterSchema.safeParse(raw);
  if (parsed.success) return { filters: parsed.data, problems: [] };
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  const kept = auditFilterSchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k))));
  return { filters: kept.success ? kept.data : {}, problems: parsed.error.issues.map((i) => i.message) };
}

/** The filters as a query string (no cursor): the page's links and the CSV download keep them. */
function queryOf(f: AuditFilterInput): string {
  const entries = Object.entries({ person: f.person, kind: f.kind, type: f.type, from: f.from, to: f.to }).filter((e): e is [string, string] => Boolean(e[1]));
  return new URLSearchParams(entries).toString();
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  if (!canReadAudit(ctx.role)) forbidden();
  const { filters, problems } = filtersOf(await searchParams);
  const view = await auditPageView(await getDb(), ctx, filters);
  const query = queryOf(filters);
  const filtered = query !== "";
  return (
    <>
      <div className="page-head">
        <h1>Audit trail</h1>
        <p className="muted">Every change: who made it, when, and what it was.</p>
      </div>
      <AuditFilters filters={filters} people={view.people} problems={problems} csvHref={canExportAudit(ctx.role) ? `/api/v1/exports/audit.csv${query ? `?${query}` : ""}` : null} />
      <section className="card" aria-labelledby="audit-title">
        <h2 id="audit-title" className="sr-only">
          Changes
        </h2>
        {view.entries.length === 0 ? (
          <p className="empty">{filtered ? "No changes match these filters." : "No changes recorded yet."}</p>
        ) : (
          <AuditTable entries={view.entries} />
        )}
        <PageLinks first={filters.cursor ? `/audit${query ? `?${query}` : ""}` : null} next={view.next ? `/audit?${query ? `${query}&` : ""}cursor=${view.next}` : null} what="changes" />
      </section>
    </>
  );
}
