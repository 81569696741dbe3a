import "server-only";
// Lead attainment per team and week: over the team's lead measures that had a positive target
// that week, the mean of actual ÷ target, each capped (lib/domain/risk.ts ATTAINMENT_CAP), and
// how many measures were green, amber and red at the organization's thresholds. Gap-filled:
// every team in scope has a row for every week; a week in which no measure had a target has a
// null attainment (nothing was asked), while a week with a target and nothing logged is 0.
//
// `measureWeeksCtes` is the one SQL definition of "a measure's week against its target"; the
// roll-up (teamRollup.ts) builds on the same CTEs so the two can never disagree.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { Thresholds } from "@/lib/domain/status";
import type { IsoDate } from "@/lib/domain/calendar/weeks";
import type { TeamWeekAttainment } from "@/lib/domain/leadWeeks";
import { inTargetSpanSql, orgTimeZoneSql, targetSpansSql, trackedFromSql } from "./targetSql";
import { weeklyLeadTotalsSql, type TotalsSource } from "./weeklyLeadTotalsSql";
import { weekSeriesSql } from "./weekSql";

export type AttainmentScope = {
  organizationId: string;
  /** Teams to include; empty = every active team of the organization. */
  teamIds: readonly string[];
  /** One lead measure only (teams that do not track it are left out); null = all measures. */
  leadMeasureId?: string | null;
  firstWeek: IsoDate;
  lastWeek: IsoDate;
  weekStartsOn: number;
  /** Where the weekly totals come from: the roll-up (default) or, for the equivalence tests, the entries. */
  source?: TotalsSource;
};

/**
 * CTEs `weeks`, `scope_teams` (id, name, "createdAt"), `totals`, `target_spans`, `assignments` and `measure_weeks` (team_id,
 * team_name, lead_measure_id, week_start, total, target, raw = total ÷ target): one row per team, tracked
 * measure and week with a positive target in force, from the week the team began tracking the
 * measure (trackedFromSql), gap-filled with a zero total.
 */
export function measureWeeksCtes(s: AttainmentScope): Prisma.Sql {
  const org = Prisma.sql`${s.organizationId}::uuid`;
  const teamFilter = (column: Prisma.Sql) =>
    s.teamIds.length ? Prisma.sql`AND ${column} IN (${Prisma.join(s.teamIds.map((id) => Prisma.sql`${id}::uuid`))})` : Prisma.empty;
  const measureFilter = (column: Prisma.Sql) => (s.leadMeasureId ? Prisma.sql`AND ${column} = ${s.leadMeasureId}::uuid` : Prisma.empty);
  return Prisma.sql`
    weeks AS (
      ${weekSeriesSql(s.firstWeek, s.lastWeek)}
    ),
    scope_teams AS (
      SELECT t.id, t.name, t."createdAt"
        FROM "Team" t
       WHERE t."organizationId" = ${org}
         AND t."archivedAt" IS NULL
         ${teamFilter(Prisma.sql`t.id`)}
         ${
           s.leadMeasureId
             ? Prisma.sql`AND EXISTS (SELECT 1 FROM "TeamLeadMeasure" x
                                       WHERE x."organizationId" = t."organizationId" AND x."teamId" = t.id
                                         AND x."leadMeasureId" = ${s.leadMeasureId}::uuid)`
             : Prisma.empty
         }
    ),
    totals AS (
      ${weeklyLeadTotalsSql(s, s.source)}
    ),
    target_spans AS (
      ${targetSpansSql(s.organizationId, s.lastWeek)}
    ),
    -- Each assignment with the week its team began tracking the measure, worked out once per
    -- assignment rather than once per week.
    assignments AS (
      SELECT tlm."teamId", tlm."leadMeasureId",
             ${trackedFromSql(Prisma.sql`tlm`, orgTimeZoneSql(s.organizationId), s.weekStartsOn, s.firstWeek)} AS tracked_from
        FROM "TeamLeadMeasure" tlm
       WHERE tlm."organizationId" = ${org}
         ${measureFilter(Prisma.sql`tlm."leadMeasureId"`)}
    ),
    measure_weeks AS (
      SELECT tlm."teamId" AS team_id, st.name AS team_name, tlm."leadMeasureId" AS lead_measure_id, weeks.week_start,
             coalesce(totals.total, 0)::float8 AS total,
             target."weeklyTarget"::float8 AS target,
             coalesce(totals.total, 0)::float8 / target."weeklyTarget"::float8 AS raw
        FROM scope_teams st
        JOIN assignments tlm ON tlm."teamId" = st.id
        JOIN "LeadMeasure" m ON m."organizationId" = ${org} AND m.id = tlm."leadMeasureId"
        JOIN target_spans target ON target."teamId" = tlm."teamId" AND target."leadMeasureId" = tlm."leadMeasureId"
        JOIN weeks ON ${inTargetSpanSql(Prisma.sql`target`, Prisma.sql`weeks.week_start`)}
        LEFT JOIN totals
          ON totals."teamId" = tlm."teamId" AND totals."leadMeasureId" = tlm."leadMeasureId" AND totals.week_start = weeks.week_start
       WHERE m."archivedAt" IS NULL
         AND target."weeklyTarget" > 0
         AND weeks.week_start >= tlm.tracked_from
    )`;
}

/**
 * The attainment aggregates over `measure_weeks` rows: measures with a target, the capped mean
 * attainment and the green / amber / red counts (the same rule as leadStatus). `where` limits
 * the rows (e.g. one week of a longer span); `prefix` names the columns apart ("this_measures").
 */
export function attainmentAggregatesSql(
  cap: number | null,
  t: Thresholds,
  opts: { where?: Prisma.Sql; prefix?: "" | "this_" } = {},
): Prisma.Sql {
  const where = opts.where ?? Prisma.sql`true`;
  const name = (column: string) => Prisma.raw(`"${opts.prefix ?? ""}${column}"`);
  // least() ignores a NULL argument, so a null cap means "uncapped".
  return Prisma.sql`
    count(*) FILTER (WHERE ${where})::int AS ${name("measures")},
    (avg(least(raw, ${cap}::float8)) FILTER (WHERE ${where}))::float8 AS ${name("attainment")},
    count(*) FILTER (WHERE (${where}) AND raw >= ${t.green}::float8)::int AS ${name("green")},
    count(*) FILTER (WHERE (${where}) AND raw < ${t.green}::float8 AND raw >= ${t.amber}::float8)::int AS ${name("amber")},
    count(*) FILTER (WHERE (${where}) AND raw < ${t.amber}::float8)::int AS ${name("red")}`;
}

export async function teamAttainmentByWeek(
  db: Db,
  params: AttainmentScope & { cap: number | null; thresholds: Thresholds },
): Promise<TeamWeekAttainment[]> {
  return db.$queryRaw<TeamWeekAttainment[]>(Prisma.sql`
    WITH ${measureWeeksCtes(params)},
    per_week AS (
      SELECT team_id, week_start, ${attainmentAggregatesSql(params.cap, params.thresholds)}
        FROM measure_weeks
       GROUP BY 1, 2
    )
    SELECT st.id AS "teamId", st.name AS "teamName",
           to_char(weeks.week_start, 'YYYY-MM-DD') AS "weekStart",
           coalesce(pw.measures, 0)::int AS measures,
           pw.attainment::float8 AS attainment,
           coalesce(pw.green, 0)::int AS green,
           coalesce(pw.amber, 0)::int AS amber,
           coalesce(pw.red, 0)::int AS red
      FROM scope_teams st
     CROSS JOIN weeks
      LEFT JOIN per_week pw ON pw.team_id = st.id AND pw.week_start = weeks.week_start
     ORDER BY st.name, st.id, weeks.week_start`);
}
