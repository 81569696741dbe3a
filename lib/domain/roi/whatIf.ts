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
      /** Its 95% range, from the slope's Newey–West interval. */
      lagChangeRange: [number, number];
      /** The change in attributed money per month. */
      monthlyBenefitChange: number;
      /** Its 95% range: the money at each end of the slope's interval. */
      monthlyBenefitChangeRange: [number, number];
      formula: string;
    };

/**
 * Moves a lead measure's weekly level by `changePercent` and follows the fitted lead → lag slope,
 * only where the analysis found the lead predictive. Kept simple and documented: the weekly lag
 * level changes by slope × (changePercent% × mean weekly lead over the last 13 tracked weeks), and
 * the claimed share of that change is priced like the line's improvement. The slope is an
 * estimate: its 95% (Newey–West) interval gives the range of the lag change and of the money, so
 * a what-if resting on a loose fit says so instead of quoting one figure.
 *
 * @param lead weekly totals, null before the teams tracked the measure (not zeros).
 */
export const WHAT_IF_LEVEL_WEEKS = 13;
export function whatIfLine(line: LineResult, lead: readonly (number | null)[], lag: readonly (number | null)[], changePercent: number, fmt: { locale: string; currency: string }): WhatIfLine {
  if (!line.lagMeasure) return { id: line.id, name: line.name, available: false, reason: "A manual line has no lag measure to move." };
  const a = analyzeLeadLag({ lead, lag, direction: line.lagMeasure.direction });
  if (a.verdict.kind !== "predictive" || !a.best || a.best.slope == null) return { id: line.id, name: line.name, available: false, reason: a.verdict.text };
  // The current level of the lead: its mean over the last quarter it was tracked.
  const recent = lead.filter((v): v is number => v != null).slice(-WHAT_IF_LEVEL_WEEKS);
  const meanWeeklyLead = recent.length ? mean(recent) : 0;
  const step = (changePercent / 100) * meanWeeklyLead;
  const lagChange = a.best.slope * step;
  const [slopeLo, slopeHi] = a.best.hac?.ci95 ?? a.best.ci95 ?? [a.best.slope, a.best.slope];
  const lagChangeRange = sorted(slopeLo * step, slopeHi * step);
  const sign = line.lagMeasure.direction === "LOWER_IS_BETTER" ? -1 : 1;
  const share = claimedShare(line.isolation);
  const before = line.monthlyAttributed;
  const unit = line.lagMeasure.unit;
  const moneyAfter = (change: number) => monthlyMoney(line.parameters, Math.max(0, line.isolation.improvement + share * sign * change), unit, fmt).value * line.margin * line.confidence;
  const after = moneyAfter(lagChange);
  const monthlyBenefitChangeRange = sorted(moneyAfter(lagChangeRange[0]) - before, moneyAfter(lagChangeRange[1]) - before);
  const n = (v: number) => formatNumber(v, fmt.locale, 3);
  const money = (v: number) => formatMoney(v, fmt.locale, fmt.currency, 2);
  return {
    id: line.id,
    name: line.name,
    available: true,
    verdict: a.verdict.text,
    slope: a.best.slope,
    k: a.best.k,
    meanWeeklyLead,
    lagChange,
    lagChangeRange,
    monthlyBenefitChange: after - before,
    monthlyBenefitChangeRange,
    formula:
      `slope ${n(a.best.slope)} (95% range ${n(slopeLo)} to ${n(slopeHi)}) × ${changePercent}% × ${n(meanWeeklyLead)} per week = ${n(lagChange)} ${unit} ` +
      `(${n(lagChangeRange[0])} to ${n(lagChangeRange[1])}); benefit ${money(before)} → ${money(after)} / month ` +
      `(change ${money(monthlyBenefitChangeRange[0])} to ${money(monthlyBenefitChangeRange[1])})`,
  };
}

const sorted = (x: number, y: number): [number, number] => (x <= y ? [x, y] : [y, x]);
