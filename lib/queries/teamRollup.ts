import "server-only";
// The dashboard roll-up in one statement: for every team in scope, and for the organization
// as a whole, lead attainment this week and over the trailing 4 and 13 weeks, check-ins held,
// the week-by-week cadence facts the execution score and the at-risk rules are computed from,
// and the latest value of each lag measure the team answers for.
//
// Definitions (the UI and the tests rely on them):
//   - attainment = mean over measure-weeks with a positive target of min(actual ÷ target,
//     ATTAINMENT_CAP) — see lib/domain/risk.ts for why it is capped;
//   - "this week" is the range's last week (it may still be running);
//   - the trailing windows end with the last *ended* week of the range, so a Monday morning
//     does not drag a quarter's average down;
//   - check-ins count ended weeks on or after the team's first week (a new team is not blamed
//     for weeks it did not exist), like the check-in page's execution score;
//   - a team answers for its own lag measures, or, when it has none, the organization's; an
//     organization-wide goal is judged on organization-wide values (as teamLagScoreboard does).
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { ATTAINMENT_CAP } from "@/lib/domain/risk";
import type { Direction, Thresholds } from "@/lib/domain/status";
import { addDays, type IsoDate } from "@/lib/domain/calendar/weeks";
import { attainmentAggregatesSql, measureWeeksCtes } from "./teamAttainmentByWeek";
import type { TotalsSource } from "./weeklyLeadTotalsSql";
import { weekStartSql } from "./weekSql";

export type RollupWindows = {
  /** First week the statement reads: the start of the trailing 13 weeks. */
  firstWeek: IsoDate;
  /** The range's last week ("this week"). */
  lastWeek: IsoDate;
  /** Last ended week of the range, where the trailing windows end. */
  trailingEnd: IsoDate;
  trailing4First: IsoDate;
  trailing13First: IsoDate;
};

/** The windows of the roll-up for a range ending with `lastWeek`, when `currentWeek` is running. */
export function rollupWindows(lastWeek: IsoDate, currentWeek: IsoDate): RollupWindows {
  const trailingEnd = lastWeek < currentWeek ? lastWeek : addDays(currentWeek, -7);
  const trailing13First = addDays(trailingEnd, -7 * 12);
  return { firstWeek: trailing13First, lastWeek, trailingEnd, trailing4First: addDays(trailingEnd, -7 * 3), trailing13First };
}

export type Attainment = { measures: number; attainment: number | null; green: number; amber: number; red: number };
export type HeldOf = { held: number; due: number };

export type RollupWeek = {
  weekStart: IsoDate;
  measures: number;
  attainment: number | null;
  checkInHeld: boolean;
  done: number;
  partial: number;
  notDone: number;
  open: number;
  /** Of the measures with a target that week, how many were green, amber and red (plain actual ÷ target). */
  green: number;
  amber: number;
  red: number;
};

export type RollupLag = {
  lagMeasureId: string;
  name: string;
  unit: string;
  direction: Direction;
  baselineValue: number;
  baselineDate: IsoDate;
  targetValue: number;
  targetDate: IsoDate;
  latestValue: number | null;
  latestDate: IsoDate | null;
};

export type RollupFigures = {
  thisWeek: Attainment;
  trailing4: number | null;
  trailing13: number | null;
  checkIns4: HeldOf;
  checkIns13: HeldOf;
  lags: RollupLag[];
};

export type TeamRollupRow = RollupFigures & {
  teamId: string;
  teamName: string;
  /** The team's first week, in the organization's calendar. */
  firstWeek: IsoDate;
  /** Every week from windows.firstWeek to lastWeek, oldest first. */
  weeks: RollupWeek[];
};

export type TeamRollup = { organization: RollupFigures; teams: TeamRollupRow[] };

type Row = {
  teamId: string | null;
  teamName: string | null;
  firstWeek: IsoDate | null;
  this_measures: number | null;
  this_attainment: number | null;
  this_green: number | null;
  this_amber: number | null;
  this_red: number | null;
  trailing4: number | null;
  trailing13: number | null;
  held4: number;
  due4: number;
  held13: number;
  due13: number;
  w_start: IsoDate[] | null;
  w_measures: number[] | null;
  w_attainment: (number | null)[] | null;
  w_held: boolean[] | null;
  w_done: number[] | null;
  w_partial: number[] | null;
  w_not_done: number[] | null;
  w_open: number[] | null;
  w_green: number[] | null;
  w_amber: number[] | null;
  w_red: number[] | null;
  lags: RollupLag[] | null;
};

/** A team's weeks from the statement's parallel arrays. */
function weeksOf(r: Row): RollupWeek[] {
  return (r.w_start ?? []).map((weekStart, i) => ({
    weekStart,
    measures: r.w_measures![i]!,
    attainment: r.w_attainment![i] ?? null,
    checkInHeld: r.w_held![i]!,
    done: r.w_done![i]!,
    partial: r.w_partial![i]!,
    notDone: r.w_not_done![i]!,
    open: r.w_open![i]!,
    green: r.w_green![i]!,
    amber: r.w_amber![i]!,
    red: r.w_red![i]!,
  }));
}

export async function teamRollup(
  db: Db,
  params: {
    organizationId: string;
    timeZone: string;
    weekStartsOn: number;
    /** Empty = every active team. */
    teamIds: readonly string[];
    windows: RollupWindows;
    thresholds: Thresholds;
    /** Where the weekly lead totals come from (tests compare the roll-up with the entries). */
    source?: TotalsSource;
  },
): Promise<TeamRollup> {
  const { organizationId, timeZone, weekStartsOn, windows: w, thresholds } = params;
  const org = Prisma.sql`${organizationId}::uuid`;
  const cap = ATTAINMENT_CAP;
  const end = addDays(w.lastWeek, 7);
  const in4 = Prisma.sql`week_start BETWEEN ${w.trailing4First}::date AND ${w.trailingEnd}::date`;
  const in13 = Prisma.sql`week_start BETWEEN ${w.trailing13First}::date AND ${w.trailingEnd}::date`;
  const thisWeek = Prisma.sql`week_start = ${w.lastWeek}::date`;
  // createdAt is a UTC timestamp; the team's first day is its local date in the organization.
  const createdDay = Prisma.sql`((st."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone})::date`;
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH ${measureWeeksCtes({ organizationId, teamIds: params.teamIds, firstWeek: w.firstWeek, lastWeek: w.lastWeek, weekStartsOn, source: params.source })},
    team_first AS (
      SELECT st.id AS team_id, ${weekStartSql(createdDay, weekStartsOn)} AS first_week FROM scope_teams st
    ),
    -- The one pass over the measure-weeks: everything after reads team-weeks (the attainment
    -- of a window is its capped sum ÷ its measure-weeks, the same mean as over the measure-weeks).
    lead_weeks AS (
      SELECT team_id, week_start, ${attainmentAggregatesSql(cap, thresholds)},
             sum(least(raw, ${cap}::float8))::float8 AS capped
        FROM measure_weeks
       GROUP BY 1, 2
    ),
    held AS (
      SELECT DISTINCT c."teamId" AS team_id, ${weekStartSql(Prisma.sql`c."weekStart"`, weekStartsOn)} AS week_start
        FROM "CheckIn" c
        JOIN scope_teams st ON st.id = c."teamId"
       WHERE c."organizationId" = ${org} AND c."weekStart" >= ${w.firstWeek}::date AND c."weekStart" < ${end}::date
    ),
    commitments AS (
      SELECT c."teamId" AS team_id, ${weekStartSql(Prisma.sql`c."weekStart"`, weekStartsOn)} AS week_start,
             count(*) FILTER (WHERE c.status = 'DONE')::int AS done,
             count(*) FILTER (WHERE c.status = 'PARTIAL')::int AS partial,
             count(*) FILTER (WHERE c.status = 'NOT_DONE')::int AS not_done,
             count(*) FILTER (WHERE c.status = 'OPEN')::int AS open
        FROM "Commitment" c
        JOIN scope_teams st ON st.id = c."teamId"
       WHERE c."organizationId" = ${org} AND c."weekStart" >= ${w.firstWeek}::date AND c."weekStart" < ${end}::date
       GROUP BY 1, 2
    ),
    team_weeks AS (
      SELECT tf.team_id, tf.first_week, weeks.week_start, lw.measures, lw.attainment, lw.green, lw.amber, lw.red,
             (held.week_start IS NOT NULL) AS held, cm.done, cm.partial, cm.not_done, cm.open
        FROM team_first tf
       CROSS JOIN weeks
        LEFT JOIN lead_weeks lw ON lw.team_id = tf.team_id AND lw.week_start = weeks.week_start
        LEFT JOIN held ON held.team_id = tf.team_id AND held.week_start = weeks.week_start
        LEFT JOIN commitments cm ON cm.team_id = tf.team_id AND cm.week_start = weeks.week_start
    ),
    per_team AS (
      SELECT team_id,
             -- Week by week as parallel arrays (far cheaper to build and read than JSON objects).
             array_agg(to_char(week_start, 'YYYY-MM-DD') ORDER BY week_start) AS w_start,
             array_agg(coalesce(measures, 0) ORDER BY week_start) AS w_measures,
             array_agg(attainment ORDER BY week_start) AS w_attainment,
             array_agg(held ORDER BY week_start) AS w_held,
             array_agg(coalesce(done, 0) ORDER BY week_start) AS w_done,
             array_agg(coalesce(partial, 0) ORDER BY week_start) AS w_partial,
             array_agg(coalesce(not_done, 0) ORDER BY week_start) AS w_not_done,
             array_agg(coalesce(open, 0) ORDER BY week_start) AS w_open,
             array_agg(coalesce(green, 0) ORDER BY week_start) AS w_green,
             array_agg(coalesce(amber, 0) ORDER BY week_start) AS w_amber,
             array_agg(coalesce(red, 0) ORDER BY week_start) AS w_red,
             count(*) FILTER (WHERE ${in4} AND week_start >= first_week)::int AS due4,
             count(*) FILTER (WHERE ${in4} AND week_start >= first_week AND held)::int AS held4,
             count(*) FILTER (WHERE ${in13} AND week_start >= first_week)::int AS due13,
             count(*) FILTER (WHERE ${in13} AND week_start >= first_week AND held)::int AS held13
        FROM team_weeks
       GROUP BY team_id
    ),
    attainment AS (
      -- ROLLUP adds the organization's row (team_id NULL, grouped = 1) over every team in scope.
      SELECT team_id, GROUPING(team_id) AS grouped,
             sum(measures) FILTER (WHERE ${thisWeek})::int AS this_measures,
             (sum(capped) FILTER (WHERE ${thisWeek}) / nullif(sum(measures) FILTER (WHERE ${thisWeek}), 0))::float8 AS this_attainment,
             sum(green) FILTER (WHERE ${thisWeek})::int AS this_green,
             sum(amber) FILTER (WHERE ${thisWeek})::int AS this_amber,
             sum(red) FILTER (WHERE ${thisWeek})::int AS this_red,
             (sum(capped) FILTER (WHERE ${in4}) / nullif(sum(measures) FILTER (WHERE ${in4}), 0))::float8 AS trailing4,
             (sum(capped) FILTER (WHERE ${in13}) / nullif(sum(measures) FILTER (WHERE ${in13}), 0))::float8 AS trailing13
        FROM lead_weeks
       GROUP BY ROLLUP (team_id)
    ),
    lag_latest AS (
      SELECT l."teamId" AS team_id, l.name, l.id,
             json_build_object(
               'lagMeasureId', l.id, 'name', l.name, 'unit', l.unit, 'direction', l.direction::text,
               'baselineValue', l."baselineValue"::float8, 'baselineDate', to_char(l."baselineDate", 'YYYY-MM-DD'),
               'targetValue', l."targetValue"::float8, 'targetDate', to_char(l."targetDate", 'YYYY-MM-DD'),
               'latestValue', latest.value::float8, 'latestDate', to_char(latest."observedOn", 'YYYY-MM-DD')
             ) AS lag
        FROM "LagMeasure" l
        LEFT JOIN LATERAL (
          SELECT o.value, o."observedOn"
            FROM "LagObservation" o
           WHERE o."organizationId" = l."organizationId"
             AND o."lagMeasureId" = l.id
             AND o."observedOn" <= ${addDays(w.lastWeek, 6)}::date
             -- A team's goal takes its team's values (or unattributed ones); an organization's
             -- goal only organization-wide values.
             AND (o."teamId" IS NULL OR o."teamId" = l."teamId")
           ORDER BY o."observedOn" DESC, o."createdAt" DESC
           LIMIT 1
        ) latest ON true
       WHERE l."organizationId" = ${org}
         AND l."archivedAt" IS NULL
         AND (l."teamId" IS NULL OR l."teamId" IN (SELECT id FROM scope_teams))
    ),
    team_lags AS (
      SELECT st.id AS team_id, json_agg(ll.lag ORDER BY ll.name, ll.id) AS lags
        FROM scope_teams st
        JOIN lag_latest ll
          ON ll.team_id = st.id
          OR (ll.team_id IS NULL AND NOT EXISTS (SELECT 1 FROM lag_latest own WHERE own.team_id = st.id))
       GROUP BY st.id
    )
    SELECT st.id AS "teamId", st.name AS "teamName", to_char(tf.first_week, 'YYYY-MM-DD') AS "firstWeek",
           a.this_measures, a.this_attainment, a.this_green, a.this_amber, a.this_red, a.trailing4, a.trailing13,
           pt.held4, pt.due4, pt.held13, pt.due13,
           pt.w_start, pt.w_measures, pt.w_attainment, pt.w_held, pt.w_done, pt.w_partial, pt.w_not_done, pt.w_open,
           pt.w_green, pt.w_amber, pt.w_red,
           coalesce(tl.lags, '[]'::json) AS lags
      FROM scope_teams st
      JOIN team_first tf ON tf.team_id = st.id
      JOIN per_team pt ON pt.team_id = st.id
      LEFT JOIN attainment a ON a.team_id = st.id AND a.grouped = 0
      LEFT JOIN team_lags tl ON tl.team_id = st.id
    UNION ALL
    SELECT NULL, NULL, NULL,
           a.this_measures, a.this_attainment, a.this_green, a.this_amber, a.this_red, a.trailing4, a.trailing13,
           (SELECT coalesce(sum(held4), 0)::int FROM per_team), (SELECT coalesce(sum(due4), 0)::int FROM per_team),
           (SELECT coalesce(sum(held13), 0)::int FROM per_team), (SELECT coalesce(sum(due13), 0)::int FROM per_team),
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
           (SELECT coalesce(json_agg(lag ORDER BY name, id), '[]'::json) FROM lag_latest WHERE team_id IS NULL)
      FROM (SELECT 1) AS one
      LEFT JOIN attainment a ON a.grouped = 1
     ORDER BY 2 NULLS FIRST, 1`);

  const figures = (r: Row): RollupFigures => ({
    thisWeek: {
      measures: r.this_measures ?? 0,
      attainment: r.this_attainment,
      green: r.this_green ?? 0,
      amber: r.this_amber ?? 0,
      red: r.this_red ?? 0,
    },
    trailing4: r.trailing4,
    trailing13: r.trailing13,
    checkIns4: { held: r.held4, due: r.due4 },
    checkIns13: { held: r.held13, due: r.due13 },
    lags: r.lags ?? [],
  });
  const [orgRow, ...teamRows] = rows;
  return {
    organization: figures(orgRow!),
    teams: teamRows.map((r) => ({
      ...figures(r),
      teamId: r.teamId!,
      teamName: r.teamName!,
      firstWeek: r.firstWeek!,
      weeks: weeksOf(r),
    })),
  };
}
