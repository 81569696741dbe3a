// The dated target in force in a week: the LeadTarget row with the latest effectiveFrom on or
// before the week's first day. `assignment` is any row source with organizationId, teamId and
// leadMeasureId columns; the join exposes `target."weeklyTarget"` and `target."personWeeklyTarget"`.
import { Prisma } from "@/lib/generated/prisma/client";
import type { IsoDate } from "@/lib/domain/calendar/weeks";
import { teamMeasuresSql, weekStartSql } from "./weekSql";

export function targetInForceSql(assignment: Prisma.Sql, weekStart: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    JOIN LATERAL (
      SELECT lt."weeklyTarget", lt."personWeeklyTarget"
        FROM "LeadTarget" lt
       WHERE lt."organizationId" = ${assignment}."organizationId"
         AND lt."teamId" = ${assignment}."teamId"
         AND lt."leadMeasureId" = ${assignment}."leadMeasureId"
         AND lt."effectiveFrom" <= ${weekStart}
       ORDER BY lt."effectiveFrom" DESC
       LIMIT 1
    ) target ON true`;
}

/**
 * The same rule as a range join, for aggregations over many teams and weeks: each dated target
 * of the organization with the day the next one takes over (`until`, null while it is the
 * latest). A week is in a span when effectiveFrom <= week < until — see `inTargetSpanSql`. One
 * pass over the organization's targets instead of an index probe per team, measure and week.
 * Targets dated after `lastWeek` are left out; they cannot be in force in any week up to it.
 */
export function targetSpansSql(organizationId: string, lastWeek: string): Prisma.Sql {
  return Prisma.sql`
      SELECT lt."teamId", lt."leadMeasureId", lt."effectiveFrom", lt."weeklyTarget", lt."personWeeklyTarget",
             lead(lt."effectiveFrom") OVER (PARTITION BY lt."teamId", lt."leadMeasureId" ORDER BY lt."effectiveFrom") AS until
        FROM "LeadTarget" lt
       WHERE lt."organizationId" = ${organizationId}::uuid
         AND lt."effectiveFrom" <= ${lastWeek}::date`;
}

/** The span of `spans` that holds week `weekStart`. */
export function inTargetSpanSql(spans: Prisma.Sql, weekStart: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${weekStart} >= ${spans}."effectiveFrom" AND (${spans}.until IS NULL OR ${weekStart} < ${spans}.until)`;
}

/** The organization's time zone, as an expression (evaluated once per statement). */
export function orgTimeZoneSql(organizationId: string): Prisma.Sql {
  return Prisma.sql`(SELECT o."timeZone" FROM "Organization" o WHERE o.id = ${organizationId}::uuid)`;
}

/** The local day a "TeamLeadMeasure" row was assigned: its "createdAt" read in `timeZone`. */
function assignedDaySql(assignment: Prisma.Sql, timeZone: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`((${assignment}."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone})::date`;
}

/**
 * The first day a team — or, without `teamId`, the first team — tracked a lead measure: the
 * earliest local day it was assigned, or its first entry when history was imported from before
 * (or the assignment was removed since). Null when it never was. The start of the weekly and
 * monthly lead series (leadWeeklySeries, leadMonthlySeries); trackedFromSql is the same rule per
 * assignment, in weeks.
 */
export function firstTrackedDaySql(p: { organizationId: string; leadMeasureId: string; teamIds: readonly string[] }): Prisma.Sql {
  // The first of the teams (one team, a program's participants), or of any team with none.
  const team = (column: Prisma.Sql) => (p.teamIds.length ? Prisma.sql`AND ${column} = ANY(${p.teamIds}::uuid[])` : Prisma.empty);
  return Prisma.sql`least(
        (SELECT min(${assignedDaySql(Prisma.sql`tlm`, Prisma.sql`o."timeZone"`)})
           FROM "TeamLeadMeasure" tlm
           JOIN "Organization" o ON o.id = tlm."organizationId"
          WHERE tlm."organizationId" = ${p.organizationId}::uuid AND tlm."leadMeasureId" = ${p.leadMeasureId}::uuid
            ${team(Prisma.sql`tlm."teamId"`)}),
        (SELECT min(e."entryDate")
           FROM "LeadEntry" e
          WHERE e."organizationId" = ${p.organizationId}::uuid AND e."leadMeasureId" = ${p.leadMeasureId}::uuid
            ${team(Prisma.sql`e."teamId"`)}))`;
}

/**
 * The week a team began tracking a lead measure, in the organization's calendar: the week it was
 * assigned (`assignment`."createdAt", a local day in `timeZone`), or of its first entry when
 * history was imported from before. Weeks before it are not weeks of zero activity against a
 * target — there was nothing to log — so attainment, heatmaps and execution scores leave them
 * out (a target dated from long before does not make a team answer for them). `assignment` is a
 * "TeamLeadMeasure" row. The first entry is looked up only for assignments after `from` (the
 * first week the caller reads): for older ones every week read is tracked either way.
 */
export function trackedFromSql(assignment: Prisma.Sql, timeZone: Prisma.Sql, weekStartsOn: number, from: IsoDate): Prisma.Sql {
  const assigned = weekStartSql(assignedDaySql(assignment, timeZone), weekStartsOn);
  return Prisma.sql`(CASE WHEN ${assigned} <= ${from}::date THEN ${assigned} ELSE least(${assigned}, (
      SELECT min(w."weekStart") FROM "LeadWeekTotal" w
       WHERE w."organizationId" = ${assignment}."organizationId" AND w."teamId" = ${assignment}."teamId"
         AND w."leadMeasureId" = ${assignment}."leadMeasureId")) END)`;
}

/**
 * A team's active lead measures (teamMeasuresSql) with `tracked_from`, the week the team began
 * tracking each (trackedFromSql): before it, a week has no target to answer for.
 */
export function trackedTeamMeasuresSql(organizationId: string, teamId: string, weekStartsOn: number, from: IsoDate): Prisma.Sql {
  return Prisma.sql`
      SELECT measures.*, ${trackedFromSql(Prisma.sql`measures`, orgTimeZoneSql(organizationId), weekStartsOn, from)} AS tracked_from
        FROM (${teamMeasuresSql(organizationId, teamId)}) AS measures`;
}
