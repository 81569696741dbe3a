import "server-only";
// The organization's active (not archived) lead measures, by name: what the dashboard, the
// trends page and a program's what-if offer to choose from.
import type { Db } from "@/lib/db/client";

export type LeadMeasureOption = { id: string; name: string; unit: string };

export async function activeLeadMeasures(db: Db, organizationId: string): Promise<LeadMeasureOption[]> {
  return db.leadMeasure.findMany({
    where: { organizationId, archivedAt: null },
    select: { id: true, name: true, unit: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
