import "server-only";
// Everything the team drill-down shows for a range of weeks, loaded in parallel: each member's
// weekly totals against their target, the team's entries (a page), and its commitments.
// Managers and above only (403 otherwise); a team outside the caller's organization — or no
// team at all — is a 404, checked before anything of the team is read.
import * as clock from "@/lib/clock";
import type { TenantContext } from "@/lib/auth/tenant";
import { requireDashboardAccess } from "@/lib/auth/permissions";
import type { DashboardFilters } from "@/lib/schemas/dashboardFilters";
import { isUuid } from "@/lib/schemas/ids";
import type { Db } from "@/lib/db/client";
import { addDays, currentWeekStart } from "@/lib/domain/calendar/weeks";
import { notFound } from "@/lib/errors";
import { memberWeeklyTotals } from "@/lib/queries/memberWeeklyTotals";
import { teamCommitmentsInRange } from "@/lib/queries/teamCommitmentsInRange";
import { decodeKeysetCursor } from "@/lib/queries/cursor";
import { teamEntriesInRange } from "@/lib/queries/teamEntriesInRange";
import { summarizeMembers } from "./memberSummary";

export type TeamDrilldown = Awaited<ReturnType<typeof loadTeamDrilldown>>;

export async function loadTeamDrilldown(
  db: Db,
  ctx: TenantContext,
  teamId: string,
  range: Pick<DashboardFilters, "firstWeek" | "lastWeek">,
  entriesCursor?: string,
  now = clock.now(),
) {
  requireDashboardAccess(ctx.role);
  const organizationId = ctx.organizationId;
  const team = isUuid(teamId)
    ? await db.team.findUnique({
        where: { organizationId_id: { organizationId, id: teamId } },
        select: { id: true, name: true, archivedAt: true },
      })
    : null;
  if (!team || team.archivedAt) throw notFound("Team not found.");

  const { timeZone, weekStartsOn, greenThreshold, amberThreshold } = ctx.organization;
  const { firstWeek, lastWeek } = range;
  const [weekly, entries, commitments] = await Promise.all([
    memberWeeklyTotals(db, { organizationId, teamId, firstWeek, lastWeek, weekStartsOn }),
    teamEntriesInRange(db, { organizationId, teamId, from: firstWeek, to: addDays(lastWeek, 6), after: decodeKeysetCursor(entriesCursor) }),
    teamCommitmentsInRange(db, { organizationId, teamId, firstWeek, lastWeek }),
  ]);
  return {
    team: { id: team.id, name: team.name },
    members: summarizeMembers(weekly, {
      thresholds: { green: greenThreshold, amber: amberThreshold },
      ongoingWeek: currentWeekStart(now, timeZone, weekStartsOn),
    }),
    entries,
    commitments,
  };
}
