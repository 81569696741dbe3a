import "server-only";
// Report exports whose job is gone. An export is recorded together with its job, in one
// transaction (lib/services/reportExports.ts), and the job ends it one way or the other — so an
// export RUNNING with no job queued, working or retrying was orphaned: started by a version of
// Leadlag before the job queue (its in-process work died with that server), or its job was
// deleted unrun after pg-boss's retention (no worker ran for two weeks). Left RUNNING it would
// show "running" forever and hold its organization's turn. Run when a server starts.
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

export const ORPHANED_MESSAGE = "The export was interrupted by a restart of the server; nothing was saved. Start it again.";

/** The queue of the export job (lib/jobs/reportExport.ts, kept light here: no report code). */
const EXPORT_QUEUE = "report-export";

/** Marks FAILED every running export of every organization that has no live job; returns how many. */
export async function failOrphanedExports(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<{ installed: boolean }[]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS installed`;
  const installed = row?.installed === true;
  // The one statement across organizations here (lib/db/tenantGuard.ts, CROSS_TENANT_SQL).
  const noJob = installed
    ? Prisma.sql`AND NOT EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = ${EXPORT_QUEUE} AND j.singleton_key = e.id::text AND j.state IN ('created', 'retry', 'active'))`
    : Prisma.empty;
  return db.$executeRaw`
    UPDATE "ReportExport" e SET status = 'FAILED', stage = 'Failed', error = ${ORPHANED_MESSAGE}, "updatedAt" = now()
    WHERE e.status = 'RUNNING' ${noJob}`;
}
