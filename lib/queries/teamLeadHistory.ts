import "server-only";
// Weekly totals of every lead measure a team tracks, for the team and for each member, over a
// run of weeks, with the dated target in force each week: the check-in's lead scoreboard and
// its sparklines. Gap-filled in SQL, so a week with nothing logged is a zero, not a hole.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { addDays, type IsoDate } from "@/lib/domain/calendar/weeks";
import { targetInForceSql, trackedTeamMeasuresSql } from "./targetSql";
import { weekSeriesSql, weekStartSql } from "./weekSql";

export type LeadHistoryRow = {
  leadMeasureId: string;
  measureName: string;
  unit: string;
  /** Null for the team's row; otherwise the member the row is for. */
  userId: string | null;
  personName: string | null;
  weekStart: IsoDate;
  total: number;
  /** The team's weekly target (team row) or the per-person target (member rows); null if none. */
  target: number | null;
};

export async function teamLeadHistory(
  db: Db,
  params: { organizationId: string; teamId: string; firstWeek: IsoDate; lastWeek: IsoDate; weekStartsOn: number },
): Promise<LeadHistoryRow[]> {
  const { organizationId, teamId, firstWeek, lastWeek, weekStartsOn } = params;
  const end = addDays(lastWeek, 7);
  return db.$queryRaw<LeadHistoryRow[]>(Prisma.sql`
    WITH weeks AS (
      ${weekSeriesSql(firstWeek, lastWeek)}
    ),
    measures AS (
      ${trackedTeamMeasuresSql(organizationId, teamId, weekStartsOn, firstWeek)}
    ),
    people AS (
      SELECT tm."userId", u.name
        FROM "TeamMember" tm
        JOIN "User" u ON u.id = tm."userId"
       WHERE tm."organizationId" = ${organizationId}::uuid
         AND tm."teamId" = ${teamId}::uuid
    ),
    totals AS (
      SELECT e."leadMeasureId", e."userId",
             ${weekStartSql(Prisma.sql`e."entryDate"`, weekStartsOn)} AS week_start,
             sum(e.value) AS total
        FROM "LeadEntry" e
       WHERE e."organizationId" = ${organizationId}::uuid
         AND e."teamId" = ${teamId}::uuid
         AND e."entryDate" >= ${firstWeek}::date
         AND e."entryDate" < ${end}::date
       GROUP BY 1, 2, 3
    ),
    -- Before the team tracked a measure (tracked_from) a week has no target to answer for.
    grid AS (
      SELECT measures."leadMeasureId", measures.name, measures.unit, weeks.week_start,
             CASE WHEN weeks.week_start >= measures.tracked_from THEN target."weeklyTarget" END AS "weeklyTarget",
             CASE WHEN weeks.week_start >= measures.tracked_from THEN target."personWeeklyTarget" END AS "personWeeklyTarget"
        FROM measures
       CROSS JOIN weeks
       ${targetInForceSql(Prisma.sql`measures`, Prisma.sql`weeks.week_start`)}
    )
    SELECT grid."leadMeasureId", grid.name AS "measureName", grid.unit,
           NULL::uuid AS "userId", NULL::text AS "personName",
           to_char(grid.week_start, 'YYYY-MM-DD') AS "weekStart",
           coalesce((SELECT sum(t.total) FROM totals t
                      WHERE t."leadMeasureId" = grid."leadMeasureId" AND t.week_start = grid.week_start), 0)::float8 AS total,
           grid."weeklyTarget"::float8 AS target
      FROM grid
    UNION ALL
    SELECT grid."leadMeasureId", grid.name, grid.unit,
           people."userId", people.name,
           to_char(grid.week_start, 'YYYY-MM-DD'),
           coalesce(t.total, 0)::float8,
           grid."personWeeklyTarget"::float8
      FROM grid
     CROSS JOIN people
      LEFT JOIN totals t
        ON t."leadMeasureId" = grid."leadMeasureId" AND t."userId" = people."userId" AND t.week_start = grid.week_start
     ORDER BY 2, 5 NULLS FIRST, 6`);
}
