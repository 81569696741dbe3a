// A lead measure's own fields as the measures pages and the API show them: active dates as ISO
// days, archived as a flag. Pure: the queries that read the rows add teams, owners or targets.
import type { LeadMeasure } from "@/lib/generated/prisma/client";
import { fromUtcDate } from "@/lib/domain/calendar/weeks";

export function leadMeasureFields(m: LeadMeasure) {
  return {
    id: m.id,
    name: m.name,
    description: m.description,
    unit: m.unit,
    aggregation: m.aggregation,
    activeFrom: m.activeFrom ? fromUtcDate(m.activeFrom) : null,
    activeTo: m.activeTo ? fromUtcDate(m.activeTo) : null,
    archived: m.archivedAt != null,
  };
}
