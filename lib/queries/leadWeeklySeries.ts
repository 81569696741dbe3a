import "server-only";
// Weekly totals of one lead measure, for the organization or one team. A week without entries
// is 0 (nothing was done) once the team tracks the measure; a week before it did is null (there
// was nothing to log), never a zero: a series of invented zeros before a measure's start makes
// a jump at the start that any lag "follows", and inflates n. Organization-wide, the series
// starts when the first team began tracking the measure.
//
// A team began tracking a measure in the week it was assigned (TeamLeadMeasure."createdAt", a
// local day in the organization's calendar), or in the week of its first entry when history
// was imported from before (or the assignment was removed since).
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { IsoDate } from "@/lib/domain/calendar/weeks";
import { weeklyLeadTotalsSql, type TotalsSource } from "./weeklyLeadTotalsSql";
import { weekSeriesSql, weekStartSql } from "./weekSql";

export type WeeklyValue = { weekStart: IsoDate; value: number | null };

export async function leadWeeklySeries(
  db: Db,
  params: { organizationId: string; leadMeasureId: string; teamId?: string | null; firstWeek: IsoDate; lastWeek: IsoDate; weekStartsOn: number; source?: TotalsSource },
): Promise<WeeklyValue[]> {
  const { organizationId, leadMeasureId, firstWeek, lastWeek, weekStartsOn } = params;
  const teamIds = params.teamId ? [params.teamId] : [];
  const assignedDay = Prisma.sql`((tlm."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE o."timeZone")::date`;
  return db.$queryRaw<WeeklyValue[]>(Prisma.sql`
    WITH weeks AS (
      ${weekSeriesSql(firstWeek, lastWeek)}
    ),
    totals AS (
      SELECT week_start, sum(total) AS total
        FROM (${weeklyLeadTotalsSql({ organizationId, leadMeasureId, firstWeek, lastWeek, weekStartsOn, teamIds }, params.source)}) AS t
       GROUP BY 1
    ),
    tracked AS (
      SELECT least(
        (SELECT min(${weekStartSql(assignedDay, weekStartsOn)})
           FROM "TeamLeadMeasure" tlm
           JOIN "Organization" o ON o.id = tlm."organizationId"
          WHERE tlm."organizationId" = ${organizationId}::uuid AND tlm."leadMeasureId" = ${leadMeasureId}::uuid
            ${teamIds.length ? Prisma.sql`AND tlm."teamId" = ${teamIds[0]}::uuid` : Prisma.empty}),
        (SELECT min(w."weekStart")
           FROM "LeadWeekTotal" w
          WHERE w."organizationId" = ${organizationId}::uuid AND w."leadMeasureId" = ${leadMeasureId}::uuid
            ${teamIds.length ? Prisma.sql`AND w."teamId" = ${teamIds[0]}::uuid` : Prisma.empty})
      ) AS first_week
    )
    SELECT to_char(weeks.week_start, 'YYYY-MM-DD') AS "weekStart",
           CASE WHEN weeks.week_start >= tracked.first_week THEN coalesce(totals.total, 0)::float8 END AS value
      FROM weeks
     CROSS JOIN tracked
      LEFT JOIN totals USING (week_start)
     ORDER BY weeks.week_start`);
}
