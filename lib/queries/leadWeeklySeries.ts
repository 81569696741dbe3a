import "server-only";
// Weekly totals of one lead measure, for the organization or one team, gap-filled: a week
// without entries is 0 (nothing was done), unlike a lag week without an observation.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { IsoDate } from "@/lib/domain/calendar/weeks";
import { weeklyLeadTotalsSql, type TotalsSource } from "./weeklyLeadTotalsSql";
import { weekSeriesSql } from "./weekSql";

export type WeeklyValue = { weekStart: IsoDate; value: number | null };

export async function leadWeeklySeries(
  db: Db,
  params: { organizationId: string; leadMeasureId: string; teamId?: string | null; firstWeek: IsoDate; lastWeek: IsoDate; weekStartsOn: number; source?: TotalsSource },
): Promise<WeeklyValue[]> {
  const { organizationId, leadMeasureId, firstWeek, lastWeek, weekStartsOn } = params;
  return db.$queryRaw<WeeklyValue[]>(Prisma.sql`
    WITH weeks AS (
      ${weekSeriesSql(firstWeek, lastWeek)}
    ),
    totals AS (
      SELECT week_start, sum(total) AS total
        FROM (${weeklyLeadTotalsSql({ organizationId, leadMeasureId, firstWeek, lastWeek, weekStartsOn, teamIds: params.teamId ? [params.teamId] : [] }, params.source)}) AS t
       GROUP BY 1
    )
    SELECT to_char(weeks.week_start, 'YYYY-MM-DD') AS "weekStart", coalesce(totals.total, 0)::float8 AS value
      FROM weeks LEFT JOIN totals USING (week_start)
     ORDER BY weeks.week_start`);
}
