import "server-only";
// The audit trail as the page and its CSV export show it: each event as a sentence with the
// names of the people, teams, measures and programs it points at, looked up in one query per
// page (lib/queries/auditNames.ts), with when, who, what kind of record, and the raw values
// before and after for those who need them.
import type { TenantContext } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { auditRefs, refKey } from "@/lib/domain/auditRefs";
import { AUDIT_KINDS, describeAuditEvent, recordTypeLabel } from "@/lib/domain/auditText";
import { mediumDateTime } from "@/lib/domain/format";
import { auditNames } from "@/lib/queries/auditNames";
import { auditPeople } from "@/lib/queries/auditPeople";
import { auditTrail, type AuditRow } from "@/lib/queries/auditTrail";
import { decodeInstantIdCursor, encodeInstantIdCursor } from "@/lib/queries/cursor";
import type { AuditFilterInput } from "@/lib/schemas/audit";

export const AUDIT_PAGE = 50;

export type AuditEntry = {
  id: string;
  /** ISO instant. */
  at: string;
  /** The instant in the organization's locale and time zone. */
  when: string;
  who: string;
  action: string;
  record: string;
  sentence: string;
  before: unknown;
  after: unknown;
};

/** Who acted: a member's name; a token made without a person acts as the organization. */
function actorName(ctx: TenantContext, row: AuditRow, names: ReadonlyMap<string, { name: string }>): string {
  if (!row.actorId) return "System";
  if (row.actorId === ctx.organizationId) return "An API token";
  return names.get(refKey("person", row.actorId))?.name ?? "A former member";
}

/** A page of events in words: two queries, whatever the page holds. */
async function entriesOf(db: Db, ctx: TenantContext, rows: readonly AuditRow[]): Promise<AuditEntry[]> {
  const names = await auditNames(db, ctx.organizationId, auditRefs(rows));
  const { locale, currency, timeZone } = ctx.organization;
  return rows.map((r) => {
    const who = actorName(ctx, r, names);
    return {
      id: r.id,
      at: r.createdAt.toISOString(),
      when: mediumDateTime(r.createdAt, locale, timeZone),
      who,
      action: r.action,
      record: recordTypeLabel(r.entityType),
      sentence: describeAuditEvent({ ...r, actor: who }, { names, locale, currency }),
      before: r.before,
      after: r.after,
    };
  });
}

function filterOf(ctx: TenantContext, f: AuditFilterInput) {
  return {
    organizationId: ctx.organizationId,
    timeZone: ctx.organization.timeZone,
    actorId: f.person,
    entityTypes: f.kind ? AUDIT_KINDS[f.kind].entityTypes : f.type ? [f.type] : undefined,
    from: f.from,
    to: f.to,
  };
}

/** One page of the filtered trail and the cursor of the next (an unknown cursor: the first page). */
export async function auditTrailPage(db: Db, ctx: TenantContext, f: AuditFilterInput, limit = AUDIT_PAGE) {
  const after = f.cursor ? (decodeInstantIdCursor(f.cursor) ?? undefined) : undefined;
  const rows = await auditTrail(db, { ...filterOf(ctx, f), after, limit });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    entries: await entriesOf(db, ctx, page),
    next: rows.length > limit && last ? encodeInstantIdCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}

/** The audit page: a page of entries, and the people to filter by. */
export async function auditPageView(db: Db, ctx: TenantContext, f: AuditFilterInput) {
  const [page, people] = await Promise.all([auditTrailPage(db, ctx, f), auditPeople(db, ctx.organizationId)]);
  return { ...page, people };
}

/** Every entry of the filtered trail, a page at a time, for the CSV export. */
export async function* auditTrailEntries(db: Db, ctx: TenantContext, f: AuditFilterInput, pageSize = 500): AsyncGenerator<AuditEntry[]> {
  let cursor: string | undefined;
  do {
    const page = await auditTrailPage(db, ctx, { ...f, cursor }, pageSize);
    if (page.entries.length) yield page.entries;
    cursor = page.next ?? undefined;
  } while (cursor);
}
