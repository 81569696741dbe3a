// The lead-measure what-if: how a program line's benefit would move if a lead measure moved.
import { analyzeLeadLag } from "../stats/leadLag";
import { formatMoney, formatNumber } from "../format";
import { claimedShare, mean } from "./isolation";
import { monthlyMoney } from "./pricing";
import type { LineResult } from "./types";

export type WhatIfLine =
  | { id: string; name: string; available: false; reason: string }
  | {
      id: string;
      name: string;
      available: true;
      verdict: string;
      /** Δlag per unit Δlead at the best lag k (weeks). */
      slope: number;
      k: number;
      meanWeeklyLead: number;
      /** The projected change of the lag's weekly level (measure units, signed as the measure). */
      lagChange: number;
      /** The change in attributed money per month. */
      monthlyBenefitChange: number;
      formula: string;
    };

/**
 * Moves a lead measure's weekly level by `changePercent` and follows the fitted lead → lag slope,
 * only where the analysis found the lead predictive. Kept simple and documented: the weekly lag
 * level changes by slope × (changePercent% × mean weekly lead over the last 13 weeks), and the
 * claimed share of that change is priced like the line's improvement.
 */
export const WHAT_IF_LEVEL_WEEKS = 13;
export function whatIfLine(line: LineResult, lead: readonly number[], lag: readonly (number | null)[], changePercent: number, fmt: { locale: string; currency: string }): WhatIfLine {
  if (!line.lagMeasure) return { id: line.id, name: line.name, available: false, reason: "A manual line has no lag measure to move." };
  const a = analyzeLeadLag({ lead, lag, direction: line.lagMeasure.direction });
  if (a.verdict.kind !== "predictive" || !a.best || a.best.slope == null) return { id: line.id, name: line.name, available: false, reason: a.verdict.text };
  // The current level of the lead: its mean over the last quarter, not over pre-program zeros.
  const recent = lead.slice(-WHAT_IF_LEVEL_WEEKS);
  const meanWeeklyLead = recent.length ? mean(recent) : 0;
  const lagChange = a.best.slope * (changePercent / 100) * meanWeeklyLead;
  const sign = line.lagMeasure.direction === "LOWER_IS_BETTER" ? -1 : 1;
  const share = claimedShare(line.isolation);
  const before = line.monthlyAttributed;
  const improved = Math.max(0, line.isolation.improvement + share * sign * lagChange);
  const after = monthlyMoney(line.parameters, improved, line.lagMeasure.unit, fmt).value * line.margin * line.confidence;
  const n = (v: number) => formatNumber(v, fmt.locale, 3);
  return {
    id: line.id,
    name: line.name,
    available: true,
    verdict: a.verdict.text,
    slope: a.best.slope,
    k: a.best.k,
    meanWeeklyLead,
    lagChange,
    monthlyBenefitChange: after - before,
    formula: `slope ${n(a.best.slope)} × ${changePercent}% × ${n(meanWeeklyLead)} per week = ${n(lagChange)} ${line.lagMeasure.unit}; benefit ${formatMoney(before, fmt.locale, fmt.currency, 2)} → ${formatMoney(after, fmt.locale, fmt.currency, 2)} / month`,
  };
}
