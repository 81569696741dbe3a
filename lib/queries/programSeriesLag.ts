import "server-only";
// Weekly means of one lag measure over a group of teams (a program's participant or control
// teams), gap-filled with null: a week without an observation from any of them is missing.
// The mean is over the group's observations of the week, so teams that report weekly weigh equally.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { addDays, type IsoDate } from "@/lib/domain/calendar/weeks";
import type { WeeklyValue } from "./leadWeeklySeries";
import { weekSeriesSql, weekStartSql } from "./weekSql";

export async function programSeriesLag(
  db: Db,
  params: { organizationId: string; lagMeasureId: string; teamIds: readonly string[]; firstWeek: IsoDate; lastWeek: IsoDate; weekStartsOn: number },
): Promise<WeeklyValue[]> {
  const { organizationId, lagMeasureId, teamIds, firstWeek, lastWeek, weekStartsOn } = params;
  return db.$queryRaw<WeeklyValue[]>(Prisma.sql`
    WITH weeks AS (
      ${weekSeriesSql(firstWeek, lastWeek)}
    ),
    means AS (
      SELECT ${weekStartSql(Prisma.sql`o."observedOn"`, weekStartsOn)} AS week_start, avg(o.value) AS mean
        FROM "LagObservation" o
       WHERE o."organizationId" = ${organizationId}::uuid
         AND o."lagMeasureId" = ${lagMeasureId}::uuid
         AND o."teamId" = ANY(${[...teamIds]}::uuid[])
         AND o."observedOn" >= ${firstWeek}::date
         AND o."observedOn" < ${addDays(lastWeek, 7)}::date
       GROUP BY 1
    )
    SELECT to_char(weeks.week_start, 'YYYY-MM-DD') AS "weekStart", means.mean::float8 AS value
      FROM weeks LEFT JOIN means USING (week_start)
     ORDER BY weeks.week_start`);
}
