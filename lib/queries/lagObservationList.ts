import "server-only";
// The latest observations of a lag measure with their team and source, for its page.
import type { Db } from "@/lib/db/client";
import { fromUtcDate } from "@/lib/domain/calendar/weeks";

export async function lagObservationList(db: Db, params: { organizationId: string; lagMeasureId: string; limit?: number }) {
  const rows = await db.lagObservation.findMany({
    where: { organizationId: params.organizationId, lagMeasureId: params.lagMeasureId },
    orderBy: [{ observedOn: "desc" }, { createdAt: "desc" }],
    take: params.limit ?? 26,
    select: { id: true, observedOn: true, value: true, note: true, source: true, team: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    observedOn: fromUtcDate(r.observedOn),
    value: r.value,
    note: r.note,
    source: r.source,
    teamName: r.team?.name ?? null,
  }));
}
