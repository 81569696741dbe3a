import "server-only";
// The organization's reports as the list shows them, newest first (or one of them): the few
// facts the list needs are read out of each snapshot in SQL, so listing never ships the
// snapshots themselves, and the author's name comes with the same statement.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { IsoDate } from "@/lib/domain/calendar/weeks";

export type ReportListRow = {
  id: string;
  title: string;
  quarter: string;
  quarterLabel: string;
  scope: "ORGANIZATION" | "PROGRAM";
  programName: string | null;
  asOf: IsoDate;
  complete: boolean;
  createdAt: Date;
  /** The author, while they are still a member of the organization. */
  createdBy: string | null;
  pdfPages: number;
  snapshotSha256: string;
};

export function reportList(db: Db, params: { organizationId: string; reportId?: string }): Promise<ReportListRow[]> {
  const one = params.reportId ? Prisma.sql`AND r.id = ${params.reportId}::uuid` : Prisma.empty;
  return db.$queryRaw<ReportListRow[]>(Prisma.sql`
    SELECT r.id, r.title, r.quarter, r.snapshot->'quarter'->>'label' AS "quarterLabel", r.scope::text AS scope,
           r.snapshot->'scope'->>'programName' AS "programName", to_char(r."asOf", 'YYYY-MM-DD') AS "asOf",
           (r.snapshot->'quarter'->>'complete')::boolean AS complete, r."createdAt", u.name AS "createdBy",
           r."pdfPages", r."snapshotSha256"
      FROM "Report" r
      LEFT JOIN "Membership" m ON m."organizationId" = r."organizationId" AND m."userId" = r."createdById"
      LEFT JOIN "User" u ON u.id = m."userId"
     WHERE r."organizationId" = ${params.organizationId}::uuid ${one}
     ORDER BY r."createdAt" DESC, r.id`);
}
