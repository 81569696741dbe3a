// Why a quarterly report's ROI and the program's live page can both be right and still differ:
// the report is frozen at its as-of day, and benefits count for full months only, so the two
// count different months. One wording for both places, so each explains the other. Pure.
import type { YearMonth } from "../calendar/months";

export type MonthLabel = (m: YearMonth) => string;

/** "3 full months (Jul 2026 – Sep 2026)", "1 full month (Jul 2026)", "no full month yet". */
export function countedMonthsText(months: readonly YearMonth[], monthLabel: MonthLabel): string {
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return "no full month yet";
  const span = first === last ? monthLabel(first) : `${monthLabel(first)} – ${monthLabel(last)}`;
  return `${months.length} full ${months.length === 1 ? "month" : "months"} (${span})`;
}

/** The line under the report's ROI figures: what it counted, and why the live pages may count more. */
export function reportDifferenceNote(asOf: string, counted: string): string {
  return `Why these numbers may differ from the live pages: this report is as of ${asOf} and counts benefits for full months only — ${counted}. The program's page counts to today (every full month since), so its benefits, ROI and payback move on as months complete; both follow the same rules.`;
}

/** The line under the program page's ROI figures: it is live, a report is frozen. */
export function liveDifferenceNote(today: string, counted: string): string {
  return `Why these numbers may differ from a quarterly report: they are live, as of ${today}, and count benefits for full months only — ${counted}; the current month counts once it ends. A report is frozen at its as-of day, so it counts the months up to then.`;
}
