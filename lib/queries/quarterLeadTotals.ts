import "server-only";
// A quarter's lead measures per team: for each team and tracked measure, the total done and the
// targets in force over the weeks that had one, weeks on target, and the capped attainment sum —
// the same measure-weeks the dashboard counts (teamAttainmentByWeek.ts measureWeeksCtes), so a
// team's quarter attainment here equals the mean of the roll-up's capped measure-weeks.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { ATTAINMENT_CAP } from "@/lib/domain/risk";
import type { IsoDate } from "@/lib/domain/calendar/weeks";
import { measureWeeksCtes } from "./teamAttainmentByWeek";
import type { TotalsSource } from "./weeklyLeadTotalsSql";

/**
 * A team's lead measure over the quarter. Spelled out rather than borrowed from the report's
 * LeadLine: queries sit below the report, and the report's frozen snapshot format must not
 * change when this row does (collect.ts copies the fields it keeps).
 */
export type QuarterLeadTotal = {
  teamId: string;
  teamName: string;
  leadMeasureId: string;
  name: string;
  unit: string;
  /** Team total over the weeks that had a target. */
  actual: number;
  /** Sum of the weekly targets in force. */
  target: number;
  /** Weeks with a positive target. */
  weeks: number;
  /** Weeks at or above the green threshold. */
  weeksOnTarget: number;
  /** Σ min(actual ÷ target, cap) over the weeks: ÷ weeks gives the measure's attainment. */
  cappedSum: number;
};

export async function quarterLeadTotals(
  db: Db,
  params: { organizationId: string; teamIds: readonly string[]; firstWeek: IsoDate; lastWeek: IsoDate; weekStartsOn: number; green: number; source?: TotalsSource },
): Promise<QuarterLeadTotal[]> {
  return db.$queryRaw<QuarterLeadTotal[]>(Prisma.sql`
    WITH ${measureWeeksCtes(params)}
    SELECT mw.team_id AS "teamId", mw.team_name AS "teamName", m.id AS "leadMeasureId", m.name, m.unit,
           sum(mw.total)::float8 AS actual, sum(mw.target)::float8 AS target,
           count(*)::int AS weeks,
           count(*) FILTER (WHERE mw.raw >= ${params.green}::float8)::int AS "weeksOnTarget",
           sum(least(mw.raw, ${ATTAINMENT_CAP}::float8))::float8 AS "cappedSum"
      FROM measure_weeks mw
      -- The team's name comes with its measure-weeks: joining the team list again made PostgreSQL
      -- re-scan it per row when the scope lists hundreds of team ids.
      JOIN "LeadMeasure" m ON m."organizationId" = ${params.organizationId}::uuid AND m.id = mw.lead_measure_id
     GROUP BY mw.team_id, mw.team_name, m.id, m.name, m.unit
     ORDER BY mw.team_name, mw.team_id, m.name, m.id`);
}
