// SQL fragments of the monthly and quarterly aggregations (a lag measure's own cadence): the
// period a date falls in and the series of periods in a range. The unit goes through an
// allowlist and is passed as a parameter, never pasted into the text.
import { Prisma } from "@/lib/generated/prisma/client";
import type { IsoDate } from "@/lib/domain/calendar/weeks";

export type PeriodUnit = "month" | "quarter";
const MONTHS: Record<PeriodUnit, number> = { month: 1, quarter: 3 };

/** The first day of the month or quarter of a date column. */
export function periodStartSql(unit: PeriodUnit, dateColumn: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`date_trunc(${unit === "quarter" ? "quarter" : "month"}::text, ${dateColumn}::timestamp)::date`;
}

/**
 * The periods from `firstPeriod` to `lastPeriod` (their first days, inclusive) as rows of
 * (period_start, period_end), period_end being the next period's first day. An integer series, so
 * the planner knows how many rows there are (see weekSeriesSql).
 */
export function periodSeriesSql(unit: PeriodUnit, firstPeriod: IsoDate, lastPeriod: IsoDate): Prisma.Sql {
  const step = MONTHS[unit];
  const months = (Number(lastPeriod.slice(0, 4)) - Number(firstPeriod.slice(0, 4))) * 12 + Number(lastPeriod.slice(5, 7)) - Number(firstPeriod.slice(5, 7));
  const last = Math.max(0, Math.floor(months / step));
  return Prisma.sql`
      SELECT (${firstPeriod}::date + make_interval(months => ${step}::int * i))::date AS period_start,
             (${firstPeriod}::date + make_interval(months => ${step}::int * (i + 1)))::date AS period_end
        FROM generate_series(0, ${last}::int) AS i`;
}
