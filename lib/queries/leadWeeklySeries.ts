import "server-only";
// Weekly totals of one lead measure, for the organization, one team or a group of teams (a
// program's participants, for the what-if's lead → lag fit). A week without entries
// is 0 (nothing was done) once the team tracks the measure; a week before it did is null (there
// was nothing to log), never a zero: a series of invented zeros before a measure's start makes
// a jump at the start that any lag "follows", and inflates n. Organization-wide, the series
// (or a group's) starts when its first team began tracking the measure.
//
// A team began tracking a measure in the week it was assigned, or of its first entry when
// history was imported from before (firstTrackedDaySql).
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { IsoDate } from "@/lib/domain/calendar/weeks";
import { firstTrackedDaySql } from "./targetSql";
import { weeklyLeadTotalsSql, type TotalsSource } from "./weeklyLeadTotalsSql";
import { weekSeriesSql, weekStartSql } from "./weekSql";

export type WeeklyValue = { weekStart: IsoDate; value: number | null };

export async function leadWeeklySeries(
  db: Db,
  params: {
    organizationId: string;
    leadMeasureId: string;
    /** One team; or `teamIds`, a group; neither: the whole organization. */
    teamId?: string | null;
    teamIds?: readonly string[];
    firstWeek: IsoDate;
    lastWeek: IsoDate;
    weekStartsOn: number;
    source?: TotalsSource;
  },
): Promise<WeeklyValue[]> {
  const { organizationId, leadMeasureId, firstWeek, lastWeek, weekStartsOn } = params;
  const teamIds = params.teamId ? [params.teamId] : (params.teamIds ?? []);
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
      SELECT ${weekStartSql(Prisma.sql`d.first_day`, weekStartsOn)} AS first_week
        FROM (SELECT ${firstTrackedDaySql({ organizationId, leadMeasureId, teamIds })} AS first_day) AS d
    )
    SELECT to_char(weeks.week_start, 'YYYY-MM-DD') AS "weekStart",
           CASE WHEN weeks.week_start >= tracked.first_week THEN coalesce(totals.total, 0)::float8 END AS value
      FROM weeks
     CROSS JOIN tracked
      LEFT JOIN totals USING (week_start)
     ORDER BY weeks.week_start`);
}
