import "server-only";
// Weekly totals of one lead measure for every team that tracks it, gap-filled so a week with
// no entries is a zero, not a hole. Aggregated in SQL.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { IsoDate } from "@/lib/domain/calendar/weeks";
import type { LeadTotalRow } from "@/lib/domain/leadWeeks";
import { inTargetSpanSql, targetSpansSql } from "./targetSql";
import { weeklyLeadTotalsSql, type TotalsSource } from "./weeklyLeadTotalsSql";
import { weekSeriesSql } from "./weekSql";

export async function leadTotalsByTeamWeek(
  db: Db,
  params: { organizationId: string; leadMeasureId: string; firstWeek: IsoDate; lastWeek: IsoDate; weekStartsOn: number; source?: TotalsSource },
): Promise<LeadTotalRow[]> {
  const { organizationId, leadMeasureId, firstWeek, lastWeek, weekStartsOn } = params;
  return db.$queryRaw<LeadTotalRow[]>(Prisma.sql`
    WITH weeks AS (
      ${weekSeriesSql(firstWeek, lastWeek)}
    ),
    teams AS (
      SELECT t.id, t.name, tlm."organizationId", tlm."teamId", tlm."leadMeasureId"
        FROM "Team" t
        JOIN "TeamLeadMeasure" tlm
          ON tlm."organizationId" = t."organizationId" AND tlm."teamId" = t.id
       WHERE t."organizationId" = ${organizationId}::uuid
         AND tlm."leadMeasureId" = ${leadMeasureId}::uuid
         AND t."archivedAt" IS NULL
    ),
    target_spans AS (
      ${targetSpansSql(organizationId, lastWeek)}
    ),
    totals AS (
      ${weeklyLeadTotalsSql({ organizationId, leadMeasureId, firstWeek, lastWeek, weekStartsOn }, params.source)}
    )
    SELECT teams.id AS "teamId",
           teams.name AS "teamName",
           to_char(weeks.week_start, 'YYYY-MM-DD') AS "weekStart",
           coalesce(totals.total, 0)::float8 AS total,
           target."weeklyTarget"::float8 AS "weeklyTarget"
      FROM teams
      JOIN target_spans target ON target."teamId" = teams."teamId" AND target."leadMeasureId" = teams."leadMeasureId"
      JOIN weeks ON ${inTargetSpanSql(Prisma.sql`target`, Prisma.sql`weeks.week_start`)}
      LEFT JOIN totals ON totals."teamId" = teams.id AND totals.week_start = weeks.week_start
     ORDER BY teams.name, weeks.week_start`);
}
