// The audit trail's filters — who, what kind of record, which days — as a plain GET form, so the
// filtered trail has a URL to share and works without JavaScript; and, for owners and admins,
// the CSV of exactly what is filtered.
import { AUDIT_KINDS } from "@/lib/domain/auditText";
import type { AuditFilterInput } from "@/lib/schemas/audit";

export function AuditFilters({
  filters,
  people,
  problems,
  csvHref,
}: {
  filters: AuditFilterInput;
  people: { id: string; name: string }[];
  problems: string[];
  csvHref: string | null;
}) {
  return (
    <form method="get" action="/audit" className="card filter-bar" aria-label="Filters">
      {problems.length ? (
        <p className="field-error" role="alert" style={{ flexBasis: "100%" }}>
          {problems.join(" ")}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="audit-person">Who</label>
        <select id="audit-person" name="person" defaultValue={filters.person ?? ""}>
          <option value="">Everyone</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-kind">Record</label>
        <select id="audit-kind" name="kind" defaultValue={filters.kind ?? ""}>
          <option value="">Everything</option>
          {Object.entries(AUDIT_KINDS).map(([value, k]) => (
            <option key={value} value={value}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      {filters.type && !filters.kind ? <input type="hidden" name="type" value={filters.type} /> : null}
      <div className="field">
        <label htmlFor="audit-from">From</label>
        <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="audit-to">To</label>
        <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} />
      </div>
      <button type="submit" className="secondary">
        Filter
      </button>
      {csvHref ? (
        <a className="button" href={csvHref} download>
          Download CSV
        </a>
      ) : null}
    </form>
  );
}
