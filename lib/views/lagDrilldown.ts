import "server-only";
// The lag drill-down's data: the measure's goal, one page of its observations in the range
// (optionally only some teams'), each judged against the straight-line path at its date in the
// measure's direction, and how many observations came from each source. Managers and above
// only (403 otherwise); a measure outside the caller's organization is a 404.
import type { TenantContext } from "@/lib/auth/tenant";
import { requireDashboardAccess } from "@/lib/auth/permissions";
import { knownTeams, type DashboardFilters } from "@/lib/schemas/dashboardFilters";
import { isUuid } from "@/lib/schemas/ids";
import type { Db } from "@/lib/db/client";
import { lagPathValue, lagStatus, type LagStatus } from "@/lib/domain/status";
import { addDays, fromUtcDate } from "@/lib/domain/calendar/weeks";
import { notFound } from "@/lib/errors";
import { activeTeams } from "@/lib/queries/activeTeams";
import { lagObservationsInRange, type LagRangeObservation } from "@/lib/queries/lagObservationsInRange";
import { decodeKeysetCursor } from "@/lib/queries/cursor";

export type JudgedObservation = LagRangeObservation & { path: number; status: LagStatus };

export type LagDrilldown = Awaited<ReturnType<typeof loadLagDrilldown>>;

export async function loadLagDrilldown(
  db: Db,
  ctx: TenantContext,
  lagMeasureId: string,
  filters: Pick<DashboardFilters, "firstWeek" | "lastWeek" | "teamIds">,
  cursor?: string,
) {
  requireDashboardAccess(ctx.role);
  const organizationId = ctx.organizationId;
  const m = isUuid(lagMeasureId)
    ? await db.lagMeasure.findUnique({
        where: { organizationId_id: { organizationId, id: lagMeasureId } },
        select: {
          id: true,
          name: true,
          description: true,
          unit: true,
          direction: true,
          baselineValue: true,
          baselineDate: true,
          targetValue: true,
          targetDate: true,
          archivedAt: true,
          team: { select: { name: true } },
          owner: { select: { user: { select: { name: true } } } },
        },
      })
    : null;
  if (!m) throw notFound("Lag measure not found.");

  const teams = await activeTeams(db, organizationId);
  const teamIds = knownTeams(filters.teamIds, teams);
  const page = await lagObservationsInRange(db, {
    organizationId,
    lagMeasureId: m.id,
    from: filters.firstWeek,
    to: addDays(filters.lastWeek, 6),
    teamIds,
    after: decodeKeysetCursor(cursor),
  });

  const measure = {
    id: m.id,
    name: m.name,
    description: m.description,
    unit: m.unit,
    direction: m.direction,
    baselineValue: m.baselineValue,
    baselineDate: fromUtcDate(m.baselineDate),
    targetValue: m.targetValue,
    targetDate: fromUtcDate(m.targetDate),
    archived: m.archivedAt != null,
    teamName: m.team?.name ?? null,
    /** Who answers for the goal; null: nobody named. */
    ownerName: m.owner?.user.name ?? null,
  };
  const baseline = { value: measure.baselineValue, date: measure.baselineDate };
  const target = { value: measure.targetValue, date: measure.targetDate };
  const observations: JudgedObservation[] = page.observations.map((o) => ({
    ...o,
    path: lagPathValue(baseline, target, o.observedOn),
    status: lagStatus({ ...measure, latest: { value: o.value, date: o.observedOn } }),
  }));
  return { measure, teams, teamIds, observations, total: page.total, bySource: page.bySource, nextCursor: page.nextCursor };
}
