import "server-only";
// Monthly (or quarterly) means of one lag measure's observations (organization-wide values, one
// team's, or a group's: a program's participant teams), gap-filled with null: a month without an
// observation is missing, never zero. The series a lag measure observed monthly is analysed,
// forecast and projected on (issue #13), beside leadMonthlySeries.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { IsoDate } from "@/lib/domain/calendar/weeks";
import type { PeriodValue } from "./leadMonthlySeries";
import { periodSeriesSql, periodStartSql, type PeriodUnit } from "./periodSql";

export async function lagMonthlySeries(
  db: Db,
  params: {
    organizationId: string;
    lagMeasureId: string;
    /** One team; or `teamIds`, a group (the mean of its observations); neither: the organization-wide values. */
    teamId?: string | null;
    teamIds?: readonly string[];
    unit: PeriodUnit;
    firstPeriod: IsoDate;
    lastPeriod: IsoDate;
  },
): Promise<PeriodValue[]> {
  const { organizationId, lagMeasureId, unit, firstPeriod, lastPeriod } = params;
  const teamIds = params.teamId ? [params.teamId] : (params.teamIds ?? []);
  const scope = teamIds.length ? Prisma.sql`o."teamId" = ANY(${[...teamIds]}::uuid[])` : Prisma.sql`o."teamId" IS NULL`;
  return db.$queryRaw<PeriodValue[]>(Prisma.sql`
    WITH periods AS (
      ${periodSeriesSql(unit, firstPeriod, lastPeriod)}
    ),
    means AS (
      SELECT ${periodStartSql(unit, Prisma.sql`o."observedOn"`)} AS period_start, avg(o.value) AS mean
        FROM "LagObservation" o
       WHERE o."organizationId" = ${organizationId}::uuid
         AND o."lagMeasureId" = ${lagMeasureId}::uuid
         AND o."observedOn" >= ${firstPeriod}::date
         AND o."observedOn" < (SELECT max(period_end) FROM periods)
         AND ${scope}
       GROUP BY 1
    )
    SELECT to_char(periods.period_start, 'YYYY-MM-DD') AS "periodStart", means.mean::float8 AS value
      FROM periods LEFT JOIN means USING (period_start)
     ORDER BY periods.period_start`);
}
