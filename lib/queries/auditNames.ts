import "server-only";
// The names of the records a page of audit events points at — people, teams, measures, programs,
// API tokens — in one statement, within the organization (a person is named only while they
// have a membership in it, removed or not). What it does not find was deleted: the sentence
// then uses the name the event kept.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { refKey, type AuditName, type AuditRefKind } from "@/lib/domain/auditRefs";

type NameRow = { kind: AuditRefKind; id: string; name: string; unit: string | null; cadence: string | null };

export async function auditNames(db: Db, organizationId: string, refs: ReadonlyMap<AuditRefKind, ReadonlySet<string>>): Promise<Map<string, AuditName>> {
  const ids = (kind: AuditRefKind) => [...(refs.get(kind) ?? [])];
  if ([...refs.values()].every((s) => s.size === 0)) return new Map();
  const org = Prisma.sql`${organizationId}::uuid`;
  const rows = await db.$queryRaw<NameRow[]>(Prisma.sql`
    SELECT 'person' AS kind, m."userId"::text AS id, u.name, NULL AS unit, NULL AS cadence
      FROM "Membership" m JOIN "User" u ON u.id = m."userId"
     WHERE m."organizationId" = ${org} AND m."userId" = ANY(${ids("person")}::uuid[])
    UNION ALL
    SELECT 'team', id::text, name, NULL, NULL FROM "Team" WHERE "organizationId" = ${org} AND id = ANY(${ids("team")}::uuid[])
    UNION ALL
    SELECT 'lead', id::text, name, unit, NULL FROM "LeadMeasure" WHERE "organizationId" = ${org} AND id = ANY(${ids("lead")}::uuid[])
    UNION ALL
    SELECT 'lag', id::text, name, unit, cadence::text FROM "LagMeasure" WHERE "organizationId" = ${org} AND id = ANY(${ids("lag")}::uuid[])
    UNION ALL
    SELECT 'program', id::text, name, NULL, NULL FROM "Program" WHERE "organizationId" = ${org} AND id = ANY(${ids("program")}::uuid[])
    UNION ALL
    SELECT 'token', id::text, name, NULL, NULL FROM "ApiToken" WHERE "organizationId" = ${org} AND id = ANY(${ids("token")}::uuid[])`);
  return new Map(rows.map((r) => [refKey(r.kind, r.id), { name: r.name, unit: r.unit, cadence: r.cadence }]));
}
