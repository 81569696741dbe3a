// The dated target in force in a week: the LeadTarget row with the latest effectiveFrom on or
// before the week's first day. `assignment` is any row source with organizationId, teamId and
// leadMeasureId columns; the join exposes `target."weeklyTarget"` and `target."personWeeklyTarget"`.
import { Prisma } from "@/lib/generated/prisma/client";

export function targetInForceSql(assignment: Prisma.Sql, weekStart: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    JOIN LATERAL (
      SELECT lt."weeklyTarget", lt."personWeeklyTarget"
        FROM "LeadTarget" lt
       WHERE lt."organizationId" = ${assignment}."organizationId"
         AND lt."teamId" = ${assignment}."teamId"
         AND lt."leadMeasureId" = ${assignment}."leadMeasureId"
         AND lt."effectiveFrom" <= ${weekStart}
       ORDER BY lt."effectiveFrom" DESC
       LIMIT 1
    ) target ON true`;
}
