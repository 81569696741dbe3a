import "server-only";
// The first day an organization has anything on record: its earliest lead entry, lag observation
// or (active) program start. A report can cover no quarter that ends before it: the export form
// offers quarters from there on, and an export asked for an earlier one is refused rather than
// walking years of empty weeks.
import type { Db } from "@/lib/db/client";
import { fromUtcDate, type IsoDate } from "@/lib/domain/calendar/weeks";

/** Null when the organization has nothing on record yet. */
export async function firstRecordedDay(db: Db, organizationId: string): Promise<IsoDate | null> {
  const [lead, lag, program] = await Promise.all([
    db.leadEntry.aggregate({ where: { organizationId }, _min: { entryDate: true } }),
    db.lagObservation.aggregate({ where: { organizationId }, _min: { observedOn: true } }),
    db.program.aggregate({ where: { organizationId, archivedAt: null }, _min: { startDate: true } }),
  ]);
  const firsts = [lead._min.entryDate, lag._min.observedOn, program._min.startDate].filter((d): d is Date => d != null).map(fromUtcDate);
  return firsts.sort()[0] ?? null;
}
