import "server-only";
// Which report exports are still alive. An export is worked on by one server process; while it
// works or waits for a slot, that process touches the export's row every HEARTBEAT_MS. A row
// still RUNNING that nobody has touched for STALE_MS belongs to a process that is gone (crashed,
// killed, restarted): it is marked FAILED, so it neither shows "running" forever nor holds its
// organization's export slot.
//
// Why a heartbeat rather than the owning process's id on the row: with several servers on one
// database, a server starting up cannot tell whether another server's id belongs to a live
// process, so it could only fail its own old exports and the exports of a server that died for
// good would run forever. The heartbeat needs no registry of servers and no schema change: any
// server may fail any export that has been silent for a minute, and a live one never is (it is
// touched six times a minute). The price: an export orphaned less than STALE_MS before a restart
// is failed up to a minute later, by the next export of its organization or the next start-up;
// its page shows it failed from that moment on anyway (isStale).
import type { Db } from "@/lib/db/client";

/** How often a live export's row is touched. */
export const HEARTBEAT_MS = 10_000;
/** A RUNNING export untouched this long was cut off: six missed heartbeats. */
export const STALE_MS = 60_000;

export const INTERRUPTED_MESSAGE = "The export was interrupted by a restart of the server; nothing was saved. Start it again.";

export function isStale(updatedAt: Date, now = Date.now(), staleMs = STALE_MS): boolean {
  return now - updatedAt.getTime() > staleMs;
}

/**
 * Marks FAILED every export of every organization left RUNNING by a process that is gone (see
 * above). Run when a server starts (lib/seed/prepare.ts); returns how many it failed.
 */
export async function failInterruptedExports(db: Db, opts: { now?: number; staleMs?: number } = {}): Promise<number> {
  const before = new Date((opts.now ?? Date.now()) - (opts.staleMs ?? STALE_MS));
  // The one query across organizations here (lib/db/tenantGuard.ts, CROSS_TENANT).
  const { count } = await db.reportExport.updateMany({
    where: { status: "RUNNING", updatedAt: { lt: before } },
    data: { status: "FAILED", stage: "Failed", error: INTERRUPTED_MESSAGE },
  });
  return count;
}

/** The same for one organization, inside the transaction that admits its next export. */
export async function failInterruptedExportsOf(db: Pick<Db, "reportExport">, organizationId: string, now = Date.now(), staleMs = STALE_MS): Promise<number> {
  const { count } = await db.reportExport.updateMany({
    where: { organizationId, status: "RUNNING", updatedAt: { lt: new Date(now - staleMs) } },
    data: { status: "FAILED", stage: "Failed", error: INTERRUPTED_MESSAGE },
  });
  return count;
}

/** Touches the export's row every `everyMs` while it is RUNNING; call the result to stop. */
export function heartbeat(db: Db, organizationId: string, exportId: string, everyMs = HEARTBEAT_MS): () => void {
  const timer = setInterval(() => {
    db.reportExport
      .updateMany({ where: { organizationId, id: exportId, status: "RUNNING" }, data: { updatedAt: new Date() } })
      // A missed beat is harmless (the next one, or the export's own progress, touches the row).
      .catch(() => {});
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
