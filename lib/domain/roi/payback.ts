// Payback, stated only when it happened: the month cumulative benefits first caught up with
// cumulative costs within the months counted so far. A "payback of 5.7 months" worked out as
// costs ÷ monthly benefit reads as a promise beside a negative ROI; until the ledger itself
// shows the costs recovered, the program is "not yet paid back at this rate". The program page
// and the quarterly report both word payback with this module, so they cannot disagree, and the
// ROI calculator's paybackMonths follows the same rule. Pure.
import { addMonths, monthOf, monthsBetween, type YearMonth } from "../calendar/months";
import type { IsoDate } from "../calendar/weeks";

export type LedgerMonth = { month: YearMonth; cumulativeCosts: number; cumulativeBenefits: number };

export type Payback =
  /** Paid back in `month`, the `months`-th month of benefits after the start month. */
  | { status: "paid"; month: YearMonth; months: number }
  /** Costs recorded, benefits counted so far have not caught up with them. */
  | { status: "not-yet" }
  /** No costs: nothing to pay back (and no ROI). */
  | { status: "no-costs" };

export const NOT_YET_PAID_BACK = "Not yet paid back at this rate";

/** The first month cumulative benefits reached cumulative costs (with both above zero); null if none yet. */
export function breakEvenMonthOf(months: readonly LedgerMonth[]): YearMonth | null {
  const last = months.at(-1);
  if (!last || !(last.cumulativeCosts > 0)) return null;
  return months.find((m) => m.cumulativeBenefits > 0 && m.cumulativeBenefits >= m.cumulativeCosts)?.month ?? null;
}

export function paybackOf(months: readonly LedgerMonth[], startDate: IsoDate): Payback {
  if (!((months.at(-1)?.cumulativeCosts ?? 0) > 0)) return { status: "no-costs" };
  const month = breakEvenMonthOf(months);
  if (!month) return { status: "not-yet" };
  return { status: "paid", month, months: monthsBetween(addMonths(monthOf(startDate), 1), month).length };
}

/**
 * The same rule for a total over a window (the ROI calculator, POST /api/v1/roi/evaluate): costs
 * paid up front, benefits spread evenly over `months`. The months to pay back — costs ÷ monthly
 * benefit — only when the benefits reach the costs within the window; null when they do not
 * ("not yet paid back at this rate"), when there is no benefit, or no cost.
 */
export function paybackWithinMonths(costs: number, benefits: number, months: number): number | null {
  if (!(costs > 0) || !(benefits > 0) || !(months > 0) || benefits < costs) return null;
  return costs / (benefits / months);
}

/** "3 months (Sep 2026)", "Not yet paid back at this rate", or "—" without costs. */
export function paybackText(p: Payback, monthLabel: (m: YearMonth) => string): string {
  if (p.status === "no-costs") return "—";
  if (p.status === "not-yet") return NOT_YET_PAID_BACK;
  return `${p.months} ${p.months === 1 ? "month" : "months"} (${monthLabel(p.month)})`;
}
