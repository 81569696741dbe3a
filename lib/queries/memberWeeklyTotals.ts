import "server-only";
// Each person's weekly total of every lead measure a team tracks, over a run of weeks, with the
// per-person target in force each week (LeadTarget history): the team drill-down's
// person × measure table and its trends. Gap-filled in SQL, so a week with nothing logged is a
// zero, not a hole. The people are the team's members plus anyone who logged for the team in
// the range and has since left it, so the totals add up to what the team did.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { addDays, type IsoDate } from "@/lib/domain/calendar/weeks";
import { targetInForceSql, trackedTeamMeasuresSql } from "./targetSql";
import { weekSeriesSql, weekStartSql } from "./weekSql";

export type MemberWeekRow = {
  userId: string;
  personName: string;
  /** False for someone who logged in the range but is no longer on the team. */
  onTeam: boolean;
  leadMeasureId: string;
  measureName: string;
  unit: string;
  weekStart: IsoDate;
  total: number;
  /** The per-person weekly target in force that week; null when the team sets none. */
  target: number | null;
};

export async function memberWeeklyTotals(
  db: Db,
  params: { organizationId: string; teamId: string; firstWeek: IsoDate; lastWeek: IsoDate; weekStartsOn: number },
): Promise<MemberWeekRow[]> {
  const { organizationId, teamId, firstWeek, lastWeek, weekStartsOn } = params;
  const end = addDays(lastWeek, 7);
  return db.$queryRaw<MemberWeekRow[]>(Prisma.sql`
    WITH weeks AS (
      ${weekSeriesSql(firstWeek, lastWeek)}
    ),
    measures AS (
      ${trackedTeamMeasuresSql(organizationId, teamId, weekStartsOn, firstWeek)}
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
    people AS (
      SELECT tm."userId", true AS on_team
        FROM "TeamMember" tm
       WHERE tm."organizationId" = ${organizationId}::uuid
         AND tm."teamId" = ${teamId}::uuid
      UNION
      SELECT DISTINCT totals."userId", false
        FROM totals
       WHERE NOT EXISTS (
               SELECT 1 FROM "TeamMember" tm
                WHERE tm."organizationId" = ${organizationId}::uuid
                  AND tm."teamId" = ${teamId}::uuid
                  AND tm."userId" = totals."userId")
    ),
    -- Before the team tracked a measure (tracked_from) a week has no target to answer for.
    grid AS (
      SELECT measures."leadMeasureId", measures.name, measures.unit, weeks.week_start,
             CASE WHEN weeks.week_start >= measures.tracked_from THEN target."personWeeklyTarget" END AS "personWeeklyTarget"
        FROM measures
       CROSS JOIN weeks
       ${targetInForceSql(Prisma.sql`measures`, Prisma.sql`weeks.week_start`)}
    )
    SELECT people."userId", u.name AS "personName", people.on_team AS "onTeam",
           grid."leadMeasureId", grid.name AS "measureName", grid.unit,
           to_char(grid.week_start, 'YYYY-MM-DD') AS "weekStart",
           coalesce(t.total, 0)::float8 AS total,
           grid."personWeeklyTarget"::float8 AS target
      FROM people
      JOIN "User" u ON u.id = people."userId"
     CROSS JOIN grid
      LEFT JOIN totals t
        ON t."userId" = people."userId" AND t."leadMeasureId" = grid."leadMeasureId" AND t.week_start = grid.week_start
     ORDER BY people.on_team DESC, u.name, people."userId", grid.name, grid.week_start`);
}
