import "server-only";
// The lag measures a team's check-in shows — the organization's and the team's own — with the
// latest observation on or before a date. An organization-wide goal is judged on the
// organization-wide value (the goal's baseline and target are organization-wide too); the
// team's own latest value, when one is recorded, is returned beside it for context.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { IsoDate } from "@/lib/domain/calendar/weeks";
import type { Direction } from "@/lib/domain/status";

export type LagScoreRow = {
  lagMeasureId: string;
  name: string;
  unit: string;
  direction: Direction;
  /** True when the measure belongs to this team rather than to the whole organization. */
  teamScoped: boolean;
  baselineValue: number;
  baselineDate: IsoDate;
  targetValue: number;
  targetDate: IsoDate;
  latestValue: number | null;
  latestDate: IsoDate | null;
  /** For an organization-wide measure: this team's own latest value, if any is recorded. */
  teamValue: number | null;
  teamDate: IsoDate | null;
};

export async function teamLagScoreboard(
  db: Db,
  params: { organizationId: string; teamId: string; asOf: IsoDate },
): Promise<LagScoreRow[]> {
  const { organizationId, teamId, asOf } = params;
  return db.$queryRaw<LagScoreRow[]>(Prisma.sql`
    SELECT l.id AS "lagMeasureId", l.name, l.unit, l.direction::text AS direction,
           (l."teamId" IS NOT NULL) AS "teamScoped",
           l."baselineValue"::float8 AS "baselineValue", to_char(l."baselineDate", 'YYYY-MM-DD') AS "baselineDate",
           l."targetValue"::float8 AS "targetValue", to_char(l."targetDate", 'YYYY-MM-DD') AS "targetDate",
           latest.value::float8 AS "latestValue", to_char(latest."observedOn", 'YYYY-MM-DD') AS "latestDate",
           mine.value::float8 AS "teamValue", to_char(mine."observedOn", 'YYYY-MM-DD') AS "teamDate"
      FROM "LagMeasure" l
      LEFT JOIN LATERAL (
        SELECT o.value, o."observedOn"
          FROM "LagObservation" o
         WHERE o."organizationId" = l."organizationId"
           AND o."lagMeasureId" = l.id
           AND o."observedOn" <= ${asOf}::date
           -- A team's goal takes its team's values (or unattributed ones); an organization's
           -- goal only organization-wide values.
           AND (o."teamId" IS NULL OR o."teamId" = l."teamId")
         ORDER BY o."observedOn" DESC, o."createdAt" DESC
         LIMIT 1
      ) latest ON true
      LEFT JOIN LATERAL (
        SELECT o.value, o."observedOn"
          FROM "LagObservation" o
         WHERE o."organizationId" = l."organizationId"
           AND o."lagMeasureId" = l.id
           AND o."observedOn" <= ${asOf}::date
           AND l."teamId" IS NULL
           AND o."teamId" = ${teamId}::uuid
         ORDER BY o."observedOn" DESC, o."createdAt" DESC
         LIMIT 1
      ) mine ON true
     WHERE l."organizationId" = ${organizationId}::uuid
       AND l."archivedAt" IS NULL
       AND (l."teamId" IS NULL OR l."teamId" = ${teamId}::uuid)
     ORDER BY (l."teamId" IS NULL), l.name`);
}
