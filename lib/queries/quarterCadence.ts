import "server-only";
// A quarter's cadence of accountability per team: weekly check-ins held out of the weeks due
// (weeks on or after the team's first week, as the roll-up counts them) and the commitments
// made for the quarter's weeks by review status.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { addDays, type IsoDate } from "@/lib/domain/calendar/weeks";
import { weekSeriesSql, weekStartSql } from "./weekSql";

export type QuarterCadence = {
  teamId: string;
  held: number;
  due: number;
  done: number;
  partial: number;
  notDone: number;
  open: number;
};

export async function quarterCadence(
  db: Db,
  params: { organizationId: string; teamIds: readonly string[]; firstWeek: IsoDate; lastWeek: IsoDate; weekStartsOn: number; timeZone: string },
): Promise<QuarterCadence[]> {
  const { organizationId, teamIds, firstWeek, lastWeek, weekStartsOn, timeZone } = params;
  if (!teamIds.length) return [];
  const org = Prisma.sql`${organizationId}::uuid`;
  const ids = Prisma.join(teamIds.map((id) => Prisma.sql`${id}::uuid`));
  const end = addDays(lastWeek, 7);
  const createdDay = Prisma.sql`((t."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone})::date`;
  return db.$queryRaw<QuarterCadence[]>(Prisma.sql`
    WITH weeks AS (${weekSeriesSql(firstWeek, lastWeek)}),
    teams AS (
      SELECT t.id, ${weekStartSql(createdDay, weekStartsOn)} AS first_week
        FROM "Team" t WHERE t."organizationId" = ${org} AND t.id IN (${ids})
    ),
    held AS (
      SELECT c."teamId" AS team_id, count(DISTINCT ${weekStartSql(Prisma.sql`c."weekStart"`, weekStartsOn)})::int AS held
        FROM "CheckIn" c
       WHERE c."organizationId" = ${org} AND c."teamId" IN (${ids})
         AND c."weekStart" >= ${firstWeek}::date AND c."weekStart" < ${end}::date
       GROUP BY 1
    ),
    commitments AS (
      SELECT c."teamId" AS team_id,
             count(*) FILTER (WHERE c.status = 'DONE')::int AS done,
             count(*) FILTER (WHERE c.status = 'PARTIAL')::int AS partial,
             count(*) FILTER (WHERE c.status = 'NOT_DONE')::int AS not_done,
             count(*) FILTER (WHERE c.status = 'OPEN')::int AS open
        FROM "Commitment" c
       WHERE c."organizationId" = ${org} AND c."teamId" IN (${ids})
         AND c."weekStart" >= ${firstWeek}::date AND c."weekStart" < ${end}::date
       GROUP BY 1
    )
    SELECT t.id AS "teamId", coalesce(h.held, 0)::int AS held,
           (SELECT count(*) FROM weeks w WHERE w.week_start >= t.first_week)::int AS due,
           coalesce(cm.done, 0)::int AS done, coalesce(cm.partial, 0)::int AS partial,
           coalesce(cm.not_done, 0)::int AS "notDone", coalesce(cm.open, 0)::int AS open
      FROM teams t
      LEFT JOIN held h ON h.team_id = t.id
      LEFT JOIN commitments cm ON cm.team_id = t.id`);
}
