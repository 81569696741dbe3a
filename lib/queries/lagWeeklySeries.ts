import "server-only";
// Weekly means of one lag measure's observations (organization-wide values, or one team's),
// gap-filled with null: a week without an observation is missing, never zero.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { addDays, type IsoDate } from "@/lib/domain/calendar/weeks";
import type { WeeklyValue } from "./leadWeeklySeries";
import { weekSeriesSql, weekStartSql } from "./weekSql";

export async function lagWeeklySeries(
  db: Db,
  params: { organizationId: string; lagMeasureId: string; teamId?: string | null; firstWeek: IsoDate; lastWeek: IsoDate; weekStartsOn: number },
): Promise<WeeklyValue[]> {
  const { organizationId, lagMeasureId, firstWeek, lastWeek, weekStartsOn } = params;
  const scope = params.teamId ? Prisma.sql`o."teamId" = ${params.teamId}::uuid` : Prisma.sql`o."teamId" IS NULL`;
  return db.$queryRaw<WeeklyValue[]>(Prisma.sql`
    WITH weeks AS (
      ${weekSeriesSql(firstWeek, lastWeek)}
    ),
    means AS (
      SELECT ${weekStartSql(Prisma.sql`o."observedOn"`, weekStartsOn)} AS week_start, avg(o.value) AS mean
        FROM "LagObservation" o
       WHERE o."organizationId" = ${organizationId}::uuid
         AND o."lagMeasureId" = ${lagMeasureId}::uuid
         AND o."observedOn" >= ${firstWeek}::date
         AND o."observedOn" < ${addDays(lastWeek, 7)}::date
         AND ${scope}
       GROUP BY 1
    )
    SELECT to_char(weeks.week_start, 'YYYY-MM-DD') AS "weekStart", means.mean::float8 AS value
      FROM weeks LEFT JOIN means USING (week_start)
     ORDER BY weeks.week_start`);
}
