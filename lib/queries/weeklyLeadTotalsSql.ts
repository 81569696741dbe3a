// Lead entries summed per team, measure and week: the one source every weekly lead aggregation
// reads. The fast path reads the weekly roll-up "LeadWeekTotal" (kept by triggers on
// "LeadEntry", see prisma/schema.prisma), so its cost follows the weeks shown, not the years of
// entries; "entries" is the straightforward definition over "LeadEntry", kept beside it so the
// equivalence tests (tests/integration/leadWeekTotals.test.ts) hold the two to the same rows.
//
// The roll-up's weeks start on the organization's own weekStartsOn; the straightforward path
// groups with the `weekStartsOn` given, which callers take from the organization too.
import { Prisma } from "@/lib/generated/prisma/client";
import { addDays, type IsoDate } from "@/lib/domain/calendar/weeks";
import { weekStartSql } from "./weekSql";

export type TotalsSource = "rollup" | "entries";

export type WeeklyTotalsScope = {
  organizationId: string;
  firstWeek: IsoDate;
  lastWeek: IsoDate;
  weekStartsOn: number;
  /** Only these teams; empty or absent = every team. */
  teamIds?: readonly string[];
  /** Only this lead measure; null or absent = every measure. */
  leadMeasureId?: string | null;
};

const uuidList = (ids: readonly string[]) => Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`));

/** Rows ("teamId", "leadMeasureId", week_start date, total float8) of the weeks in scope with entries. */
export function weeklyLeadTotalsSql(s: WeeklyTotalsScope, source: TotalsSource = "rollup"): Prisma.Sql {
  const teams = s.teamIds?.length ? s.teamIds : null;
  if (source === "rollup") {
    return Prisma.sql`
      SELECT w."teamId", w."leadMeasureId", w."weekStart" AS week_start, w.total::float8 AS total
        FROM "LeadWeekTotal" w
       WHERE w."organizationId" = ${s.organizationId}::uuid
         AND w."weekStart" BETWEEN ${s.firstWeek}::date AND ${s.lastWeek}::date
         ${teams ? Prisma.sql`AND w."teamId" IN (${uuidList(teams)})` : Prisma.empty}
         ${s.leadMeasureId ? Prisma.sql`AND w."leadMeasureId" = ${s.leadMeasureId}::uuid` : Prisma.empty}`;
  }
  return Prisma.sql`
      SELECT e."teamId", e."leadMeasureId", ${weekStartSql(Prisma.sql`e."entryDate"`, s.weekStartsOn)} AS week_start,
             sum(e.value)::float8 AS total
        FROM "LeadEntry" e
       WHERE e."organizationId" = ${s.organizationId}::uuid
         AND e."entryDate" >= ${s.firstWeek}::date
         AND e."entryDate" < ${addDays(s.lastWeek, 7)}::date
         ${teams ? Prisma.sql`AND e."teamId" IN (${uuidList(teams)})` : Prisma.empty}
         ${s.leadMeasureId ? Prisma.sql`AND e."leadMeasureId" = ${s.leadMeasureId}::uuid` : Prisma.empty}
       GROUP BY 1, 2, 3`;
}
