// Accrual: costs count in the month they were incurred, benefits in each fully elapsed month
// after the program's start month; the monthly ledger, its totals and the break-even month.
import { addMonths, monthOf, monthsBetween, type YearMonth } from "../calendar/months";
import type { IsoDate } from "../calendar/weeks";
import { breakEvenMonthOf } from "./payback";
import type { CostSpec, MonthPoint, ProgramRoiCore } from "./types";

/** Benefits accrue in each month after the start month that has fully elapsed by `today`. */
export function benefitMonthsOf(startDate: IsoDate, today: IsoDate): YearMonth[] {
  const first = addMonths(monthOf(startDate), 1);
  const last = addMonths(monthOf(today), -1);
  return first <= last ? monthsBetween(first, last) : [];
}

/** The ledger from the first month with a cost or the start to the last with a cost or today. */
export function accrueByMonth(
  costs: readonly CostSpec[],
  startDate: IsoDate,
  today: IsoDate,
  benefitMonths: readonly YearMonth[],
  monthlyBenefit: number,
): { months: MonthPoint[]; totals: ProgramRoiCore["totals"]; breakEvenMonth: YearMonth | null } {
  const costMonths = costs.map((c) => monthOf(c.incurredOn)).sort();
  const firstMonth = [monthOf(startDate), costMonths[0]].filter(Boolean).sort()[0]!;
  const lastMonth = [monthOf(today), costMonths[costMonths.length - 1]].filter(Boolean).sort().at(-1)!;
  let cc = 0;
  let cb = 0;
  const months: MonthPoint[] = monthsBetween(firstMonth, lastMonth).map((month) => {
    const incurred = costs.filter((c) => monthOf(c.incurredOn) === month).reduce((s, c) => s + c.amount, 0);
    const benefits = benefitMonths.includes(month) ? monthlyBenefit : 0;
    cc += incurred;
    cb += benefits;
    return { month, costs: incurred, benefits, net: benefits - incurred, cumulativeCosts: cc, cumulativeBenefits: cb, cumulativeNet: cb - cc };
  });
  const totals = { costs: cc, benefits: cb, netBenefit: cb - cc };
  return { months, totals, breakEvenMonth: breakEvenMonthOf(months) };
}
