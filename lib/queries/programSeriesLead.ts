import "server-only";
// Weekly totals of one lead measure over a group of teams (a program's participants), gap-filled
// with 0: a week without entries means nothing was done. For the what-if's lead → lag fit.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { addDays, type IsoDate } from "@/lib/domain/calendar/weeks";
import type { WeeklyValue } from "./leadWeeklySeries";
import { weekSeriesSql, weekStartSql } from "./weekSql";

export async function programSeriesLead(
  db: Db,
  params: { organizationId: string; leadMeasureId: string; teamIds: readonly string[]; firstWeek: IsoDate; lastWeek: IsoDate; weekStartsOn: number },
): Promise<WeeklyValue[]> {
  const { organizationId, leadMeasureId, teamIds, firstWeek, lastWeek, weekStartsOn } = params;
  return db.$queryRaw<WeeklyValue[]>(Prisma.sql`
    WITH weeks AS (
      ${weekSeriesSql(firstWeek, lastWeek)}
    ),
    totals AS (
      SELECT ${weekStartSql(Prisma.sql`e."entryDate"`, weekStartsOn)} AS week_start, sum(e.value) AS total
        FROM "LeadEntry" e
       WHERE e."organizationId" = ${organizationId}::uuid
         AND e."leadMeasureId" = ${leadMeasureId}::uuid
         AND e."teamId" = ANY(${[...teamIds]}::uuid[])
         AND e."entryDate" >= ${firstWeek}::date
         AND e."entryDate" < ${addDays(lastWeek, 7)}::date
       GROUP BY 1
    )
    SELECT to_char(weeks.week_start, 'YYYY-MM-DD') AS "weekStart", coalesce(totals.total, 0)::float8 AS value
      FROM weeks LEFT JOIN totals USING (week_start)
     ORDER BY weeks.week_start`);
}
