// A program's ROI from the organization's own data (issue 5), pure and traceable:
//   1. isolation — how much of a lag measure's movement the program may claim (isolation.ts);
//   2. money — that improvement priced per month by the benefit's kind, with its formula (pricing.ts);
//   3. accrual — costs in the month incurred, benefits in each elapsed month after the start (accrual.ts);
//   4. totals (BCR, ROI %, payback via evaluateRoi), a seeded Monte Carlo range (range.ts), a
//      4-quarter projection of simulated lag paths (projection.ts). The lead-measure what-if
//      (whatIf.ts) and the training budget (budget.ts) start from its results.
import { evaluateRoi, type CostLine } from "./formulas";
import { formatMoney } from "../format";
import { isolateLine } from "./isolation";
import { monthlyMoney } from "./pricing";
import { accrueByMonth, benefitMonthsOf } from "./accrual";
import { programRoiRange } from "./range";
import { projectionOf } from "./projection";
import type { LineResult, ProgramRoiCore, ProgramRoiInput } from "./types";

export function computeProgramRoi(input: ProgramRoiInput): ProgramRoiCore {
  const fmt = { locale: input.locale, currency: input.currency };
  const benefitMonths = benefitMonthsOf(input.startDate, input.today);
  const lines: LineResult[] = input.benefits.map((b) => {
    const isolation = isolateLine(b, input.startDate, input.locale);
    let { value: monthlyValue, formula } = monthlyMoney(b.parameters, isolation.improvement, b.lag?.unit ?? "", fmt);
    if (b.kind === "MANUAL" && b.estimateShare != null && b.estimateConfidence != null) {
      // A manual value may itself be shared with other causes: the estimate applies to it.
      const v = monthlyValue * b.estimateShare * b.estimateConfidence;
      formula = `${formula} × share ${b.estimateShare} × confidence ${b.estimateConfidence} = ${formatMoney(v, fmt.locale, fmt.currency, 2)} / month`;
      monthlyValue = v;
    }
    const monthlyAttributed = monthlyValue * b.margin * b.confidence;
    formula += `; × margin ${b.margin} × confidence ${b.confidence} = ${formatMoney(monthlyAttributed, fmt.locale, fmt.currency, 2)} / month`;
    // Money is linear in the improvement, so the interval's ends price like the improvement.
    const perUnit = b.kind === "MANUAL" ? 0 : monthlyMoney(b.parameters, 1, b.lag?.unit ?? "", fmt).value * b.margin * b.confidence;
    const monthlyInterval = isolation.interval && perUnit > 0 ? { low: isolation.interval.low * perUnit, high: isolation.interval.high * perUnit } : null;
    const months = benefitMonths.length;
    return {
      id: b.id,
      name: b.name,
      kind: b.kind,
      lagMeasure: b.lag,
      parameters: b.parameters,
      margin: b.margin,
      confidence: b.confidence,
      evidence: b.evidence,
      isolation,
      monthlyValue,
      monthlyAttributed,
      monthlyInterval,
      formula,
      months,
      value: monthlyValue * months,
      attributed: monthlyAttributed * months,
    };
  });

  // Monthly accrual.
  const monthlyBenefit = lines.reduce((s, l) => s + l.monthlyAttributed, 0);
  const { months, totals, breakEvenMonth } = accrueByMonth(input.costs, input.startDate, input.today, benefitMonths, monthlyBenefit);

  const costLines: CostLine[] = input.costs.map((c) => ({ category: c.category, amount: c.amount }));
  const hasCosts = totals.costs > 0;
  const periods = Math.max(1, benefitMonths.length);
  const roi = hasCosts
    ? evaluateRoi({
        costs: costLines,
        months: periods,
        benefits: lines.map((l) => ({ name: l.name, value: l.value, margin: l.margin, confidence: l.confidence })),
      })
    : null;

  const range = hasCosts ? programRoiRange(input, lines, costLines, benefitMonths.length) : null;
  const projection = projectionOf(input, lines, totals, months);

  const assumptions = [
    "Costs are fully loaded and accrue in the month they were incurred; a cost shared by cohorts carries its share.",
    "Benefits accrue for each fully elapsed month after the program's start month; the current month is not counted yet.",
    "Isolation is conservative by default: the smallest credible improvement wins, no data means no benefit, and a worse result is never priced as a gain.",
    "Margin and confidence multiply every line's value: attributed = value × margin × confidence (isolation is inside the improvement).",
    `The range draws ${input.draws ?? 10_000} times (seed ${input.rangeSeed}, so the same seed gives the same range): each isolated improvement from its sampling distribution, margin and confidence from triangular ranges.`,
    "Each measured line states a 95% interval; where it includes zero, the line says its benefit could be nothing.",
    "The projection keeps each line's claimed share of the measure's change and follows the lag's trend for four quarters, never above the improvement isolated so far; its 80% band is the 10th–90th percentile of simulated totals (the improvement and the trend drawn from their sampling distributions, the cap applied to every draw), never a sum of monthly bounds.",
    "Intangible benefits are listed, never priced.",
  ];
  return {
    currency: input.currency,
    startDate: input.startDate,
    today: input.today,
    benefitMonths,
    lines,
    months,
    totals,
    roi,
    roiNote: hasCosts ? null : "Add the program's costs to compute BCR and ROI.",
    breakEvenMonth,
    range,
    projection,
    assumptions,
  };
}
