import "server-only";
// Weekly totals of one lead measure over a group of teams (a program's participants), gap-filled
// with 0: a week without entries means nothing was done. For the what-if's lead → lag fit.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { IsoDate } from "@/lib/domain/calendar/weeks";
import type { WeeklyValue } from "./leadWeeklySeries";
import { weeklyLeadTotalsSql, type TotalsSource } from "./weeklyLeadTotalsSql";
import { weekSeriesSql } from "./weekSql";

export async function programSeriesLead(
  db: Db,
  params: { organizationId: string; leadMeasureId: string; teamIds: readonly string[]; firstWeek: IsoDate; lastWeek: IsoDate; weekStartsOn: number; source?: TotalsSource },
): Promise<WeeklyValue[]> {
  const { organizationId, leadMeasureId, teamIds, firstWeek, lastWeek, weekStartsOn } = params;
  return db.$queryRaw<WeeklyValue[]>(Prisma.sql`
    WITH weeks AS (
      ${weekSeriesSql(firstWeek, lastWeek)}
    ),
    totals AS (
      SELECT week_start, sum(total) AS total
        FROM (${weeklyLeadTotalsSql({ organizationId, leadMeasureId, firstWeek, lastWeek, weekStartsOn, teamIds }, params.source)}) AS t
       GROUP BY 1
    )
    SELECT to_char(weeks.week_start, 'YYYY-MM-DD') AS "weekStart", coalesce(totals.total, 0)::float8 AS value
      FROM weeks LEFT JOIN totals USING (week_start)
     ORDER BY weeks.week_start`);
}
