import "server-only";
// The facts behind a team's execution score, week by week: whether the check-in was held, the
// week's commitments by review status, and each lead measure's team total against the target
// in force. One aggregation in SQL; the score itself is computed in lib/domain/execution.ts.
import * as clock from "@/lib/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { OrgSettings } from "@/lib/auth/tenant";
import { executionScore, leadCounts, scoreWindow, type CadenceWeek, type ExecutionScore } from "@/lib/domain/execution";
import { addDays, localDay, weekStart, type IsoDate } from "@/lib/domain/calendar/weeks";
import { orgTimeZoneSql, targetInForceSql, trackedFromSql } from "./targetSql";
import { weekSeriesSql, weekStartSql } from "./weekSql";

export type CadenceRow = {
  weekStart: IsoDate;
  checkInHeld: boolean;
  done: number;
  partial: number;
  notDone: number;
  open: number;
  /** One element per lead measure with a target that week. */
  leads: { total: number; target: number }[];
};

export async function teamCadence(
  db: Db,
  params: { organizationId: string; teamId: string; firstWeek: IsoDate; lastWeek: IsoDate; weekStartsOn: number },
): Promise<CadenceRow[]> {
  const { organizationId, teamId, firstWeek, lastWeek, weekStartsOn } = params;
  const end = addDays(lastWeek, 7);
  return db.$queryRaw<CadenceRow[]>(Prisma.sql`
    WITH weeks AS (
      ${weekSeriesSql(firstWeek, lastWeek)}
    ),
    held AS (
      SELECT DISTINCT ${weekStartSql(Prisma.sql`c."weekStart"`, weekStartsOn)} AS week_start
        FROM "CheckIn" c
       WHERE c."organizationId" = ${organizationId}::uuid
         AND c."teamId" = ${teamId}::uuid
         AND c."weekStart" >= ${firstWeek}::date
         AND c."weekStart" < ${end}::date
    ),
    commitments AS (
      SELECT ${weekStartSql(Prisma.sql`c."weekStart"`, weekStartsOn)} AS week_start,
             count(*) FILTER (WHERE c.status = 'DONE')::int AS done,
             count(*) FILTER (WHERE c.status = 'PARTIAL')::int AS partial,
             count(*) FILTER (WHERE c.status = 'NOT_DONE')::int AS not_done,
             count(*) FILTER (WHERE c.status = 'OPEN')::int AS open
        FROM "Commitment" c
       WHERE c."organizationId" = ${organizationId}::uuid
         AND c."teamId" = ${teamId}::uuid
         AND c."weekStart" >= ${firstWeek}::date
         AND c."weekStart" < ${end}::date
       GROUP BY 1
    ),
    totals AS (
      SELECT e."leadMeasureId", ${weekStartSql(Prisma.sql`e."entryDate"`, weekStartsOn)} AS week_start, sum(e.value) AS total
        FROM "LeadEntry" e
       WHERE e."organizationId" = ${organizationId}::uuid
         AND e."teamId" = ${teamId}::uuid
         AND e."entryDate" >= ${firstWeek}::date
         AND e."entryDate" < ${end}::date
       GROUP BY 1, 2
    ),
    leads AS (
      SELECT weeks.week_start,
             json_agg(json_build_object('total', coalesce(totals.total, 0)::float8, 'target', target."weeklyTarget"::float8)
                      ORDER BY tlm."leadMeasureId") AS leads
        FROM "TeamLeadMeasure" tlm
        JOIN "LeadMeasure" m ON m."organizationId" = tlm."organizationId" AND m.id = tlm."leadMeasureId"
       CROSS JOIN weeks
        ${targetInForceSql(Prisma.sql`tlm`, Prisma.sql`weeks.week_start`)}
        LEFT JOIN totals ON totals."leadMeasureId" = tlm."leadMeasureId" AND totals.week_start = weeks.week_start
       WHERE tlm."organizationId" = ${organizationId}::uuid
         AND tlm."teamId" = ${teamId}::uuid
         AND m."archivedAt" IS NULL
         -- Weeks before the team tracked a measure are not weeks it missed.
         AND weeks.week_start >= ${trackedFromSql(Prisma.sql`tlm`, orgTimeZoneSql(organizationId), weekStartsOn, firstWeek)}
       GROUP BY weeks.week_start
    )
    SELECT to_char(weeks.week_start, 'YYYY-MM-DD') AS "weekStart",
           (held.week_start IS NOT NULL) AS "checkInHeld",
           coalesce(commitments.done, 0)::int AS done,
           coalesce(commitments.partial, 0)::int AS partial,
           coalesce(commitments.not_done, 0)::int AS "notDone",
           coalesce(commitments.open, 0)::int AS open,
           coalesce(leads.leads, '[]'::json) AS leads
      FROM weeks
      LEFT JOIN held ON held.week_start = weeks.week_start
      LEFT JOIN commitments ON commitments.week_start = weeks.week_start
      LEFT JOIN leads ON leads.week_start = weeks.week_start
     ORDER BY weeks.week_start`);
}

/**
 * The team's execution score for the check-in of `checkInWeek`: the cadence facts of the score
 * window, scored by lib/domain/execution.ts. The current week is marked unfinished.
 */
export async function teamExecutionScore(
  db: Db,
  params: {
    organization: Pick<OrgSettings, "id" | "timeZone" | "weekStartsOn" | "greenThreshold" | "amberThreshold">;
    teamId: string;
    teamCreatedAt: Date;
    checkInWeek: IsoDate;
    now?: Date;
  },
): Promise<ExecutionScore & { firstWeek: IsoDate; lastWeek: IsoDate }> {
  const { organization: org, teamId, checkInWeek } = params;
  const current = weekStart(localDay(params.now ?? clock.now(), org.timeZone), org.weekStartsOn);
  const teamFirstWeek = weekStart(localDay(params.teamCreatedAt, org.timeZone), org.weekStartsOn);
  const window = scoreWindow(checkInWeek, teamFirstWeek);
  const rows = await teamCadence(db, { organizationId: org.id, teamId, ...window, weekStartsOn: org.weekStartsOn });
  const thresholds = { green: org.greenThreshold, amber: org.amberThreshold };
  const weeks: CadenceWeek[] = rows.map((r) => ({
    weekStart: r.weekStart,
    ended: r.weekStart < current,
    checkInHeld: r.checkInHeld,
    commitments: { done: r.done, partial: r.partial, notDone: r.notDone, open: r.open },
    leads: leadCounts(r.leads, thresholds),
  }));
  return { ...executionScore(weeks), ...window };
}
