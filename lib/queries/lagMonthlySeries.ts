import "server-only";
// Monthly (or quarterly) means of one lag measure's observations (organization-wide values, or
// one team's), gap-filled with null: a month without an observation is missing, never zero. The
// series a lag measure observed monthly is analysed on (issue #13), beside leadMonthlySeries.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { IsoDate } from "@/lib/domain/calendar/weeks";
import type { PeriodValue } from "./leadMonthlySeries";
import { periodSeriesSql, periodStartSql, type PeriodUnit } from "./periodSql";

export async function lagMonthlySeries(
  db: Db,
  params: { organizationId: string; lagMeasureId: string; teamId?: string | null; unit: PeriodUnit; firstPeriod: IsoDate; lastPeriod: IsoDate },
): Promise<PeriodValue[]> {
  const { organizationId, lagMeasureId, unit, firstPeriod, lastPeriod } = params;
  const scope = params.teamId ? Prisma.sql`o."teamId" = ${params.teamId}::uuid` : Prisma.sql`o."teamId" IS NULL`;
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
