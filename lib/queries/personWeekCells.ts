import "server-only";
// One person's values for a week on a team: measure × day, summed per day, for the quick grid.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { addDays, type IsoDate } from "@/lib/domain/calendar/weeks";

export type PersonCell = { leadMeasureId: string; entryDate: IsoDate; value: number };

export async function personWeekCells(
  db: Db,
  params: { organizationId: string; teamId: string; userId: string; weekStart: IsoDate },
): Promise<PersonCell[]> {
  const { organizationId, teamId, userId, weekStart } = params;
  return db.$queryRaw<PersonCell[]>(Prisma.sql`
    SELECT e."leadMeasureId", to_char(e."entryDate", 'YYYY-MM-DD') AS "entryDate", sum(e.value)::float8 AS value
      FROM "LeadEntry" e
     WHERE e."organizationId" = ${organizationId}::uuid
       AND e."teamId" = ${teamId}::uuid
       AND e."userId" = ${userId}::uuid
       AND e."entryDate" >= ${weekStart}::date
       AND e."entryDate" < ${addDays(weekStart, 7)}::date
     GROUP BY e."leadMeasureId", e."entryDate"`);
}
