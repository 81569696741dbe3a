import "server-only";
// Monthly (or quarterly) totals of one lead measure, for the organization or one team: the series
// a lag measure observed monthly is compared with (issue #13). Entries are dated in the
// organization's calendar, so a week that straddles two months is split exactly, day by day, by
// entry date. A period without entries is 0 once the team tracked the measure from the period's
// first day; a period before that is null, never zero — a month tracked for only its last days
// would be an invented low total, and a series of zeros before a measure's start makes a jump
// that any lag "follows". Organization-wide, tracking starts with the first team.
//
// A team began tracking a measure on the local day it was assigned, or on its first entry when
// history was imported from before (firstTrackedDaySql, as in leadWeeklySeries).
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { IsoDate } from "@/lib/domain/calendar/weeks";
import { periodSeriesSql, periodStartSql, type PeriodUnit } from "./periodSql";
import { firstTrackedDaySql } from "./targetSql";

export type PeriodValue = { periodStart: IsoDate; value: number | null };

export async function leadMonthlySeries(
  db: Db,
  params: { organizationId: string; leadMeasureId: string; teamId?: string | null; unit: PeriodUnit; firstPeriod: IsoDate; lastPeriod: IsoDate },
): Promise<PeriodValue[]> {
  const { organizationId, leadMeasureId, unit, firstPeriod, lastPeriod } = params;
  const team = params.teamId ?? null;
  return db.$queryRaw<PeriodValue[]>(Prisma.sql`
    WITH periods AS (
      ${periodSeriesSql(unit, firstPeriod, lastPeriod)}
    ),
    totals AS (
      SELECT ${periodStartSql(unit, Prisma.sql`e."entryDate"`)} AS period_start, sum(e.value) AS total
        FROM "LeadEntry" e
       WHERE e."organizationId" = ${organizationId}::uuid
         AND e."leadMeasureId" = ${leadMeasureId}::uuid
         AND e."entryDate" >= ${firstPeriod}::date
         AND e."entryDate" < (SELECT max(period_end) FROM periods)
         ${team ? Prisma.sql`AND e."teamId" = ${team}::uuid` : Prisma.empty}
       GROUP BY 1
    ),
    tracked AS (
      SELECT ${firstTrackedDaySql({ organizationId, leadMeasureId, teamIds: team ? [team] : [] })} AS first_day
    )
    SELECT to_char(periods.period_start, 'YYYY-MM-DD') AS "periodStart",
           CASE WHEN periods.period_start >= tracked.first_day THEN coalesce(totals.total, 0)::float8 END AS value
      FROM periods
     CROSS JOIN tracked
      LEFT JOIN totals USING (period_start)
     ORDER BY periods.period_start`);
}
