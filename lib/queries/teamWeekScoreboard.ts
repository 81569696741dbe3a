import "server-only";
// This week's totals against target for each lead measure a team tracks, with the caller's
// own share. One aggregation in SQL; nothing loads entries into JavaScript.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { IsoDate } from "@/lib/domain/calendar/weeks";
import { addDays } from "@/lib/domain/calendar/weeks";
import { targetInForceSql } from "./targetSql";

export type TeamWeekScoreRow = {
  leadMeasureId: string;
  name: string;
  unit: string;
  aggregation: "COUNT" | "SUM";
  weeklyTarget: number;
  personWeeklyTarget: number | null;
  teamTotal: number;
  myTotal: number;
  entryCount: number;
};

export async function teamWeekScoreboard(
  db: Db,
  params: { organizationId: string; teamId: string; weekStart: IsoDate; userId: string },
): Promise<TeamWeekScoreRow[]> {
  const { organizationId, teamId, weekStart, userId } = params;
  const weekEnd = addDays(weekStart, 7);
  return db.$queryRaw<TeamWeekScoreRow[]>(Prisma.sql`
    SELECT m.id AS "leadMeasureId",
           m.name,
           m.unit,
           m.aggregation::text AS aggregation,
           target."weeklyTarget" AS "weeklyTarget",
           target."personWeeklyTarget" AS "personWeeklyTarget",
           coalesce(sum(e.value), 0)::float8 AS "teamTotal",
           coalesce(sum(e.value) FILTER (WHERE e."userId" = ${userId}::uuid), 0)::float8 AS "myTotal",
           count(e.id)::int AS "entryCount"
      FROM "TeamLeadMeasure" tlm
      JOIN "LeadMeasure" m
        ON m."organizationId" = tlm."organizationId" AND m.id = tlm."leadMeasureId"
      ${targetInForceSql(Prisma.sql`tlm`, Prisma.sql`${weekStart}::date`)}
      LEFT JOIN "LeadEntry" e
        ON e."organizationId" = tlm."organizationId"
       AND e."teamId" = tlm."teamId"
       AND e."leadMeasureId" = tlm."leadMeasureId"
       AND e."entryDate" >= ${weekStart}::date
       AND e."entryDate" < ${weekEnd}::date
     WHERE tlm."organizationId" = ${organizationId}::uuid
       AND tlm."teamId" = ${teamId}::uuid
       AND m."archivedAt" IS NULL
     GROUP BY m.id, m.name, m.unit, m.aggregation, target."weeklyTarget", target."personWeeklyTarget"
     ORDER BY m.name`);
}
