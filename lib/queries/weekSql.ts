// SQL fragments shared by the weekly aggregations: the week a date falls in, the series of
// weeks in a range, and a team's measures.
// weekStartsOn is 0 (Sunday) … 6 and is passed as a parameter, never pasted into the text.
import { Prisma } from "@/lib/generated/prisma/client";
import { daysBetween, type IsoDate } from "@/lib/domain/calendar/weeks";

export function weekStartSql(dateColumn: Prisma.Sql, weekStartsOn: number): Prisma.Sql {
  return Prisma.sql`(${dateColumn} - ((extract(dow from ${dateColumn})::int - ${weekStartsOn}::int + 7) % 7))::date`;
}

/**
 * The week starts from `firstWeek` to `lastWeek` (inclusive) as rows of `week_start`. An integer
 * series, because the planner then knows how many weeks there are: a date generate_series is
 * guessed at 1,000 rows, which inflates every estimate until PostgreSQL JIT-compiles the query.
 */
export function weekSeriesSql(firstWeek: IsoDate, lastWeek: IsoDate): Prisma.Sql {
  const last = Math.max(0, Math.floor(daysBetween(firstWeek, lastWeek) / 7));
  return Prisma.sql`SELECT (${firstWeek}::date + 7 * i) AS week_start FROM generate_series(0, ${last}::int) AS i`;
}

/** The lead measures a team tracks (not archived), with their names and units. */
export function teamMeasuresSql(organizationId: string, teamId: string): Prisma.Sql {
  return Prisma.sql`
      SELECT tlm."organizationId", tlm."teamId", tlm."leadMeasureId", tlm."createdAt", m.name, m.unit
        FROM "TeamLeadMeasure" tlm
        JOIN "LeadMeasure" m ON m."organizationId" = tlm."organizationId" AND m.id = tlm."leadMeasureId"
       WHERE tlm."organizationId" = ${organizationId}::uuid
         AND tlm."teamId" = ${teamId}::uuid
         AND m."archivedAt" IS NULL`;
}
