import "server-only";
// A quarter's lead measures per team: for each team and tracked measure, the total done and the
// targets in force over the weeks that had one, weeks on target, and the capped attainment sum —
// the same measure-weeks the dashboard counts (teamAttainmentByWeek.ts measureWeeksCtes), so a
// team's quarter attainment here equals the mean of the roll-up's capped measure-weeks.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { LeadLine } from "@/lib/report/snapshot/types";
import { ATTAINMENT_CAP } from "@/lib/domain/risk";
import type { IsoDate } from "@/lib/domain/calendar/weeks";
import { measureWeeksCtes } from "./teamAttainmentByWeek";

/** A team's lead measure over the quarter: the snapshot's LeadLine, with its team and the capped attainment sum. */
export type QuarterLeadTotal = LeadLine & {
  teamId: string;
  teamName: string;
  /** Σ min(actual ÷ target, cap) over the weeks: ÷ weeks gives the measure's attainment. */
  cappedSum: number;
};

export async function quarterLeadTotals(
  db: Db,
  params: { organizationId: string; teamIds: readonly string[]; firstWeek: IsoDate; lastWeek: IsoDate; weekStartsOn: number; green: number },
): Promise<QuarterLeadTotal[]> {
  return db.$queryRaw<QuarterLeadTotal[]>(Prisma.sql`
    WITH ${measureWeeksCtes(params)}
    SELECT st.id AS "teamId", st.name AS "teamName", m.id AS "leadMeasureId", m.name, m.unit,
           sum(mw.total)::float8 AS actual, sum(mw.target)::float8 AS target,
           count(*)::int AS weeks,
           count(*) FILTER (WHERE mw.raw >= ${params.green}::float8)::int AS "weeksOnTarget",
           sum(least(mw.raw, ${ATTAINMENT_CAP}::float8))::float8 AS "cappedSum"
      FROM measure_weeks mw
      JOIN scope_teams st ON st.id = mw.team_id
      JOIN "LeadMeasure" m ON m."organizationId" = ${params.organizationId}::uuid AND m.id = mw.lead_measure_id
     GROUP BY st.id, st.name, m.id, m.name, m.unit
     ORDER BY st.name, st.id, m.name, m.id`);
}
