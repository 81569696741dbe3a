// A program's ROI from the organization's own data (issue 5), pure and traceable:
//   1. isolation — how much of a lag measure's movement the program may claim, by each method
//      that has data (control group, pre-program trend line, estimates × confidence);
//   2. money — that improvement priced per month by the benefit's kind, with its formula;
//   3. accrual — costs in the month incurred, benefits in each elapsed month after the start;
//   4. totals (BCR, ROI %, payback via evaluateRoi), a seeded Monte Carlo range, a 4-quarter
//      projection from the lag forecasts, and a lead-measure what-if.
// Improvements are signed in the measure's good direction: +2 hours for a lower-is-better
// resolution time means two hours faster. A program never claims a negative improvement.
import { forecastLag, type Forecast } from "../stats/forecast";
import { analyzeLeadLag } from "../stats/leadLag";
import {
  conservativeImprovement,
  customerLifetimeValue,
  differenceInDifferences,
  evaluateRoi,
  roiRange,
  trainingBudgetPerPerson,
  type CostLine,
  type RoiRange,
  type RoiResult,
  type UncertainBenefit,
} from "./formulas";
import { ols } from "../stats/ols";
import type { Direction } from "../status";
import { addDays, type IsoDate } from "../calendar/weeks";

// ---- Inputs ------------------------------------------------------------------------------------

export type IsolationMethod = "CONTROL_GROUP" | "TREND_LINE" | "ESTIMATE" | "CONSERVATIVE";
export type MeasuredMethod = Exclude<IsolationMethod, "CONSERVATIVE">;
export type BenefitKind = "RETENTION" | "REVENUE" | "COST_SAVING" | "MANUAL";

export type BenefitParameters =
  | {
      kind: "RETENTION";
      customerBase: number;
      valuePerCustomer?: number | null;
      clvMargin?: number | null;
      clvRetention?: number | null;
      clvDiscountRate?: number | null;
      clvAcquisitionCost?: number | null;
    }
  | { kind: "REVENUE" }
  | { kind: "COST_SAVING"; volumePerMonth: number; costPerUnit: number }
  | { kind: "MANUAL"; monthlyValue: number };

/** A lag measure's weekly values around the program start, all arrays aligned with `weeks`. */
export type LineSeries = {
  weeks: IsoDate[];
  /** Weekly means of the participant teams (or of the organization when the teams record none). */
  participant: (number | null)[];
  /** Weekly means of the control teams; null when the program has none or they record nothing. */
  control: (number | null)[] | null;
  /** Whose values `participant` holds. */
  scope: "teams" | "organization";
};

export type BenefitSpec = {
  id: string;
  name: string;
  kind: BenefitKind;
  parameters: BenefitParameters;
  margin: number;
  confidence: number;
  isolationMethod: IsolationMethod;
  estimateShare: number | null;
  estimateConfidence: number | null;
  evidence: string;
  lag: { id: string; name: string; unit: string; direction: Direction } | null;
  series: LineSeries | null;
};

export type CostSpec = {
  id: string;
  category: string;
  description: string;
  incurredOn: IsoDate;
  amount: number;
  hours: number | null;
  hourlyRate: number | null;
  cohorts: number;
};

export type ProgramRoiInput = {
  startDate: IsoDate;
  /** Today in the organization's time zone. */
  today: IsoDate;
  currency: string;
  locale: string;
  rangeSeed: number;
  /** Monte Carlo draws (default 10,000). */
  draws?: number;
  costs: readonly CostSpec[];
  benefits: readonly BenefitSpec[];
};

// ---- Outputs -----------------------------------------------------------------------------------

export type MethodOutcome = {
  method: MeasuredMethod;
  /** Improvement in the measure's units (good direction positive); null when the method has no data. */
  value: number | null;
  /** The numbers used, or "no data: …". */
  detail: string;
};

export type LineIsolation = {
  chosen: IsolationMethod;
  /** The method the claimed improvement came from; null when nothing could be claimed. */
  usedMethod: MeasuredMethod | null;
  /** The improvement claimed (≥ 0, measure units, good direction positive). */
  improvement: number;
  /** Observed post − pre means, good direction positive; null without data on both sides. */
  rawChange: number | null;
  /** Smallest and largest credible improvements (≥ 0), for the range. */
  low: number;
  high: number;
  methods: MethodOutcome[];
  scope: "teams" | "organization" | "manual";
  note: string;
};

export type LineResult = {
  id: string;
  name: string;
  kind: BenefitKind;
  lagMeasure: BenefitSpec["lag"];
  parameters: BenefitParameters;
  margin: number;
  confidence: number;
  evidence: string;
  isolation: LineIsolation;
  /** Money per month at the claimed improvement, before margin and confidence. */
  monthlyValue: number;
  /** Money per month after margin × confidence. */
  monthlyAttributed: number;
  /** Human-readable formula with its numbers. */
  formula: string;
  /** Elapsed months the line has accrued for, and its totals over them. */
  months: number;
  value: number;
  attributed: number;
};

export type MonthPoint = {
  month: string; // YYYY-MM
  costs: number;
  benefits: number;
  net: number;
  cumulativeCosts: number;
  cumulativeBenefits: number;
  cumulativeNet: number;
};

export type ProjectionMonth = {
  month: string;
  benefits: number;
  lo: number;
  hi: number;
  cumulativeBenefits: number;
  cumulativeLo: number;
  cumulativeHi: number;
  cumulativeCosts: number;
};

export type ProjectionQuarter = {
  label: string; // "Q1" … "Q4" after the current month
  from: string;
  to: string;
  benefits: number;
  lo: number;
  hi: number;
  /** ROI % of everything to the quarter's end (to-date plus projected benefits, all costs). */
  cumulativeRoiPercent: number | null;
};

export type Projection = {
  months: ProjectionMonth[];
  quarters: ProjectionQuarter[];
  /** How each line was projected. */
  lines: { id: string; name: string; method: "forecast" | "flat"; note: string }[];
  /** ROI % at the end of the fourth quarter, and its band from the 80% intervals (±, around a capped level). */
  roiPercent: number | null;
  roiLo: number | null;
  roiHi: number | null;
};

export type ProgramRoiCore = {
  currency: string;
  startDate: IsoDate;
  today: IsoDate;
  /** Months in which benefits accrued (elapsed months after the start month). */
  benefitMonths: string[];
  lines: LineResult[];
  months: MonthPoint[];
  totals: { costs: number; benefits: number; netBenefit: number };
  /** BCR, ROI %, payback months; null without costs (the reason in `roiNote`). */
  roi: RoiResult | null;
  roiNote: string | null;
  /** The month cumulative benefits first reached cumulative costs; null if not yet. */
  breakEvenMonth: string | null;
  range: (RoiRange & { inputs: UncertainBenefit[]; note: string }) | null;
  projection: Projection;
  assumptions: string[];
};

// ---- Formatting (formula strings) ----------------------------------------------------------------

// Building an Intl.NumberFormat costs far more than formatting, and the projection formats often.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f;
}
const numberText = (locale: string, v: number, digits = 2) => formatter(`n|${locale}|${digits}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: digits })).format(v);
export const moneyText = (locale: string, currency: string, v: number) =>
  formatter(`c|${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 })).format(v);

// ---- Isolation -----------------------------------------------------------------------------------

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const present = (values: readonly (number | null)[], from: number, to: number) => {
  const out: { x: number; y: number }[] = [];
  for (let i = from; i < to; i++) if (values[i] != null && Number.isFinite(values[i])) out.push({ x: i, y: values[i]! });
  return out;
};

/** Index of the first week on or after the start date's week (weeks are week starts, ascending). */
export function firstProgramWeek(weeks: readonly IsoDate[], startDate: IsoDate): number {
  // The week holding the start date already belongs to the program.
  const i = weeks.findIndex((w) => addDays(w, 7) > startDate);
  return i < 0 ? weeks.length : i;
}

export const MIN_DID_WEEKS = 2;
export const MIN_TREND_WEEKS = 3;

/** The improvement by each method that has data, and the one claimed (see the file comment). */
export function isolateLine(spec: Pick<BenefitSpec, "isolationMethod" | "estimateShare" | "estimateConfidence" | "lag" | "series">, startDate: IsoDate, locale = "en-US"): LineIsolation {
  const n = (v: number) => numberText(locale, v, 3);
  if (!spec.lag || !spec.series) {
    return { chosen: spec.isolationMethod, usedMethod: null, improvement: 0, rawChange: null, low: 0, high: 0, methods: [], scope: "manual", note: "No lag measure: no improvement is measured." };
  }
  const sign = spec.lag.direction === "LOWER_IS_BETTER" ? -1 : 1;
  const { participant, control, weeks } = spec.series;
  const start = firstProgramWeek(weeks, startDate);
  const pre = present(participant, 0, start);
  const post = present(participant, start, participant.length);
  const rawChange = pre.length && post.length ? sign * (mean(post.map((p) => p.y)) - mean(pre.map((p) => p.y))) : null;

  // Control group: difference-in-differences of the weekly means.
  let did: MethodOutcome;
  const cPre = control ? present(control, 0, start) : [];
  const cPost = control ? present(control, start, control.length) : [];
  if (!control) did = { method: "CONTROL_GROUP", value: null, detail: "no data: the program has no control teams with values of this measure." };
  else if (Math.min(pre.length, post.length, cPre.length, cPost.length) < MIN_DID_WEEKS)
    did = {
      method: "CONTROL_GROUP",
      value: null,
      detail: `no data: needs ${MIN_DID_WEEKS} weeks before and after the start for both groups (program ${pre.length}/${post.length}, control ${cPre.length}/${cPost.length}).`,
    };
  else {
    const p = { programBefore: mean(pre.map((v) => v.y)), programAfter: mean(post.map((v) => v.y)), controlBefore: mean(cPre.map((v) => v.y)), controlAfter: mean(cPost.map((v) => v.y)) };
    const value = sign * differenceInDifferences(p);
    did = {
      method: "CONTROL_GROUP",
      value,
      detail: `program ${n(p.programBefore)} → ${n(p.programAfter)}, control ${n(p.controlBefore)} → ${n(p.controlAfter)}: (${n(p.programAfter)} − ${n(p.programBefore)}) − (${n(p.controlAfter)} − ${n(p.controlBefore)}) = ${n(differenceInDifferences(p))}${sign < 0 ? ` (lower is better: ${n(value)} better)` : ""}`,
    };
  }

  // Trend line: the pre-program OLS trend projected over the post weeks is the counterfactual.
  let trend: MethodOutcome;
  const fit = pre.length >= MIN_TREND_WEEKS ? ols(pre.map((p) => p.x), pre.map((p) => p.y)) : null;
  if (!fit || !post.length)
    trend = { method: "TREND_LINE", value: null, detail: `no data: needs ${MIN_TREND_WEEKS} weekly values before the start and one after (has ${pre.length} and ${post.length}).` };
  else {
    const observed = mean(post.map((p) => p.y));
    const counterfactual = mean(post.map((p) => fit.intercept + fit.slope * p.x));
    trend = {
      method: "TREND_LINE",
      value: sign * (observed - counterfactual),
      detail: `pre-program trend ${n(fit.intercept + fit.slope * start)} ${fit.slope >= 0 ? "+" : "−"} ${n(Math.abs(fit.slope))}/week (${pre.length} weeks) projects ${n(counterfactual)}; observed ${n(observed)} over ${post.length} weeks`,
    };
  }

  // Estimates: the raw change × the attributed share × the confidence in it.
  let estimate: MethodOutcome;
  if (spec.estimateShare == null || spec.estimateConfidence == null) estimate = { method: "ESTIMATE", value: null, detail: "no data: no share and confidence were estimated." };
  else if (rawChange == null) estimate = { method: "ESTIMATE", value: null, detail: "no data: needs values before and after the start." };
  else
    estimate = {
      method: "ESTIMATE",
      value: rawChange * spec.estimateShare * spec.estimateConfidence,
      detail: `observed change ${n(rawChange)} × share ${n(spec.estimateShare)} × confidence ${n(spec.estimateConfidence)}`,
    };

  const methods = [did, trend, estimate];
  const credible = methods.map((m) => m.value);
  const low = conservativeImprovement(credible);
  const withData = methods.filter((m) => m.value != null);
  const high = withData.length ? Math.max(0, ...withData.map((m) => m.value!)) : 0;
  let usedMethod: MeasuredMethod | null = null;
  let improvement = 0;
  let note: string;
  if (spec.isolationMethod === "CONSERVATIVE") {
    const smallest = withData.reduce<MethodOutcome | null>((b, m) => (b == null || m.value! < b.value! ? m : b), null);
    usedMethod = smallest?.method ?? null;
    improvement = low;
    note = smallest ? `The smallest credible improvement of ${withData.length} method(s) with data.` : "No method has data: no benefit is claimed.";
  } else {
    const m = methods.find((x) => x.method === spec.isolationMethod)!;
    usedMethod = m.value != null ? m.method : null;
    improvement = Math.max(0, m.value ?? 0);
    note = m.value == null ? "The chosen method has no data: no benefit is claimed." : m.value < 0 ? "The measure moved the wrong way: nothing is claimed." : "The chosen method's improvement.";
  }
  return { chosen: spec.isolationMethod, usedMethod, improvement, rawChange, low: Math.min(low, improvement), high: Math.max(high, improvement), methods, scope: spec.series.scope, note };
}

// ---- Money per month -----------------------------------------------------------------------------

/** Value of one retained customer per month: given directly, or CLV ÷ 12 from the CLV inputs. */
export function valuePerCustomerMonth(p: Extract<BenefitParameters, { kind: "RETENTION" }>): { value: number; text: string } | null {
  if (p.valuePerCustomer != null) return { value: p.valuePerCustomer, text: "" };
  if (p.clvMargin == null || p.clvRetention == null) return null;
  const clv = customerLifetimeValue({ margin: p.clvMargin, retention: p.clvRetention, discountRate: p.clvDiscountRate ?? 0, acquisitionCost: p.clvAcquisitionCost ?? 0 });
  return { value: Math.max(0, clv) / 12, text: `CLV ${p.clvMargin} × ${p.clvRetention}/(1 + ${p.clvDiscountRate ?? 0} − ${p.clvRetention}) − ${p.clvAcquisitionCost ?? 0} = ${clv.toFixed(2)}; ÷ 12` };
}

/** Money per month for an improvement (measure units, good direction), with its formula. */
export function monthlyMoney(params: BenefitParameters, improvement: number, unit: string, fmt: { locale: string; currency: string }): { value: number; formula: string } {
  const money = (v: number) => moneyText(fmt.locale, fmt.currency, v);
  const num = (v: number, d = 2) => numberText(fmt.locale, v, d);
  const per = (v: number) => `${money(v)} / month`;
  switch (params.kind) {
    case "RETENTION": {
      const vpc = valuePerCustomerMonth(params);
      if (!vpc) return { value: 0, formula: "No value per customer or CLV inputs: nothing is priced." };
      const value = (params.customerBase * improvement * vpc.value) / 100;
      const clv = vpc.text ? ` (${vpc.text})` : "";
      return { value, formula: `${num(params.customerBase, 0)} customers × ${num(improvement)} pts ÷ 100 × ${money(vpc.value)}${clv} = ${per(value)}` };
    }
    case "REVENUE":
      return { value: improvement, formula: `revenue up ${money(improvement)} per period = ${per(improvement)}` };
    case "COST_SAVING": {
      const value = improvement * params.volumePerMonth * params.costPerUnit;
      return { value, formula: `${num(improvement)} ${unit || "units"} saved × ${num(params.volumePerMonth, 0)} per month × ${money(params.costPerUnit)} = ${per(value)}` };
    }
    case "MANUAL":
      return { value: params.monthlyValue, formula: `manual value ${per(params.monthlyValue)}` };
  }
}

// ---- Months --------------------------------------------------------------------------------------

export const monthOf = (day: IsoDate) => day.slice(0, 7);
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** Benefits accrue in each month after the start month that has fully elapsed by `today`. */
export function benefitMonthsOf(startDate: IsoDate, today: IsoDate): string[] {
  const first = addMonths(monthOf(startDate), 1);
  const last = addMonths(monthOf(today), -1);
  return first <= last ? monthsBetween(first, last) : [];
}

// ---- Training budget -----------------------------------------------------------------------------

export type TrainingBudget = { inflationRate: number; averageSalary: number; perPerson: number; headcount: number; total: number; plannedCosts: number; difference: number; text: string };

/** The seed article's per-person budget (inflation rate × salary) for the headcount, against the costs. */
export function trainingBudget(p: { inflationRate: number; averageSalary: number | null; headcount: number; plannedCosts: number; locale: string; currency: string }): TrainingBudget | null {
  if (p.averageSalary == null) return null;
  const perPerson = trainingBudgetPerPerson(p.inflationRate, p.averageSalary);
  const total = perPerson * p.headcount;
  const m = (v: number) => moneyText(p.locale, p.currency, v);
  const difference = total - p.plannedCosts;
  const text = `${numberText(p.locale, p.inflationRate * 100)}% × ${m(p.averageSalary)} = ${m(perPerson)} per person × ${p.headcount} = ${m(total)}; planned costs ${m(p.plannedCosts)} (${difference >= 0 ? `${m(difference)} under` : `${m(-difference)} over`} budget)`;
  return { inflationRate: p.inflationRate, averageSalary: p.averageSalary, perPerson, headcount: p.headcount, total, plannedCosts: p.plannedCosts, difference, text };
}

// ---- The whole computation -----------------------------------------------------------------------

export const PROJECTION_MONTHS = 12;
const WEEKS_PER_MONTH = 52 / 12;

/** Share of the raw change the line claims, kept constant when the lag is projected forward. */
function claimedShare(iso: LineIsolation): number {
  if (iso.rawChange == null || iso.rawChange <= 0) return iso.improvement > 0 ? 1 : 0;
  return Math.min(1, iso.improvement / iso.rawChange);
}

export function computeProgramRoi(input: ProgramRoiInput): ProgramRoiCore {
  const fmt = { locale: input.locale, currency: input.currency };
  const benefitMonths = benefitMonthsOf(input.startDate, input.today);
  const lines: LineResult[] = input.benefits.map((b) => {
    const isolation = isolateLine(b, input.startDate, input.locale);
    let { value: monthlyValue, formula } = monthlyMoney(b.parameters, isolation.improvement, b.lag?.unit ?? "", fmt);
    if (b.kind === "MANUAL" && b.estimateShare != null && b.estimateConfidence != null) {
      // A manual value may itself be shared with other causes: the estimate applies to it.
      const v = monthlyValue * b.estimateShare * b.estimateConfidence;
      formula = `${formula} × share ${b.estimateShare} × confidence ${b.estimateConfidence} = ${moneyText(fmt.locale, fmt.currency, v)} / month`;
      monthlyValue = v;
    }
    const monthlyAttributed = monthlyValue * b.margin * b.confidence;
    formula += `; × margin ${b.margin} × confidence ${b.confidence} = ${moneyText(fmt.locale, fmt.currency, monthlyAttributed)} / month`;
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
      formula,
      months,
      value: monthlyValue * months,
      attributed: monthlyAttributed * months,
    };
  });

  // Monthly accrual.
  const costMonths = input.costs.map((c) => monthOf(c.incurredOn)).sort();
  const firstMonth = [monthOf(input.startDate), costMonths[0]].filter(Boolean).sort()[0]!;
  const lastMonth = [monthOf(input.today), costMonths[costMonths.length - 1]].filter(Boolean).sort().at(-1)!;
  const monthlyBenefit = lines.reduce((s, l) => s + l.monthlyAttributed, 0);
  let cc = 0;
  let cb = 0;
  const months: MonthPoint[] = monthsBetween(firstMonth, lastMonth).map((month) => {
    const costs = input.costs.filter((c) => monthOf(c.incurredOn) === month).reduce((s, c) => s + c.amount, 0);
    const benefits = benefitMonths.includes(month) ? monthlyBenefit : 0;
    cc += costs;
    cb += benefits;
    return { month, costs, benefits, net: benefits - costs, cumulativeCosts: cc, cumulativeBenefits: cb, cumulativeNet: cb - cc };
  });
  const totals = { costs: cc, benefits: cb, netBenefit: cb - cc };
  const breakEvenMonth = cc > 0 ? (months.find((m) => m.cumulativeBenefits > 0 && m.cumulativeNet >= 0)?.month ?? null) : null;

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

  // Forecasts of each line's lag (participant series), for the range and the projection.
  const forecasts = new Map<string, Forecast>();
  for (const b of input.benefits) if (b.series) forecasts.set(b.id, forecastLag(b.series.participant, Math.ceil(PROJECTION_MONTHS * WEEKS_PER_MONTH) + 1));

  const range = hasCosts ? rangeOf(input, lines, costLines, forecasts, benefitMonths.length) : null;
  const projection = projectionOf(input, lines, forecasts, totals, months);

  const assumptions = [
    "Costs are fully loaded and accrue in the month they were incurred; a cost shared by cohorts carries its share.",
    "Benefits accrue for each fully elapsed month after the program's start month; the current month is not counted yet.",
    "Isolation is conservative by default: the smallest credible improvement wins, no data means no benefit, and a worse result is never priced as a gain.",
    "Margin and confidence multiply every line's value: attributed = value × margin × confidence (isolation is inside the improvement).",
    `The range draws ${input.draws ?? 10_000} times from triangular inputs (seed ${input.rangeSeed}), so the same seed gives the same range.`,
    "The projection keeps each line's claimed share of the measure's change and follows the lag forecast (OLS trend, 80% interval) for four quarters, never above the improvement measured so far.",
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

/** Half the 80% interval one week ahead: the uncertainty of the lag's level, in measure units. */
function levelUncertainty(f: Forecast | undefined): number | null {
  if (!f || f.kind !== "forecast") return null;
  const p = f.points[0]!;
  return Number.isFinite(p.hi80 - p.lo80) ? (p.hi80 - p.lo80) / 2 : null;
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const tri = (low: number, mode: number, high: number) => ({ low: Math.min(low, mode), mode, high: Math.max(high, mode) });

function rangeOf(input: ProgramRoiInput, lines: LineResult[], costs: CostLine[], forecasts: Map<string, Forecast>, months: number) {
  const fmt = { locale: input.locale, currency: input.currency };
  const inputs: UncertainBenefit[] = lines.map((l) => {
    const spec = input.benefits.find((b) => b.id === l.id)!;
    const iso = l.isolation;
    const money = (imp: number) => monthlyMoney(l.parameters, imp, l.lagMeasure?.unit ?? "", fmt).value * months;
    let value;
    let isolation;
    if (l.kind === "MANUAL") {
      value = tri(l.value, l.value, l.value);
      isolation = tri(1, 1, 1);
    } else {
      // Value at the largest credible improvement (± the lag's level uncertainty); isolation as
      // the share of it: low = conservative, mode = chosen, high = 1.
      const hw = levelUncertainty(forecasts.get(spec.id)) ?? 0;
      const top = iso.high;
      value = tri(money(Math.max(0, top - hw)), money(top), money(top + hw));
      isolation = top > 0 ? tri(iso.low / top, iso.improvement / top, 1) : tri(0, 0, 0);
    }
    return {
      name: l.name,
      value,
      isolation,
      margin: tri(clamp01(l.margin - 0.05), l.margin, clamp01(l.margin + 0.05)),
      confidence: tri(clamp01(l.confidence - 0.1), l.confidence, clamp01(l.confidence + 0.1)),
    };
  });
  const r = roiRange(costs, inputs, { seed: input.rangeSeed, draws: input.draws ?? 10_000, months: Math.max(1, months) });
  return {
    ...r,
    inputs,
    note: "ROI % to date over triangular inputs: isolation from the smallest to the largest credible improvement, confidence ± 0.1, margin ± 0.05, and the lag's level ± half its forecast 80% interval.",
  };
}

function projectionOf(input: ProgramRoiInput, lines: LineResult[], forecasts: Map<string, Forecast>, totals: ProgramRoiCore["totals"], months: MonthPoint[]): Projection {
  const fmt = { locale: input.locale, currency: input.currency };
  const current = monthOf(input.today);
  const future = monthsBetween(addMonths(current, 1), addMonths(current, PROJECTION_MONTHS));
  const lineNotes: Projection["lines"] = [];
  // Per line, per projected month: [lo, mid, hi] attributed money.
  const perLine = lines.map((l) => {
    const spec = input.benefits.find((b) => b.id === l.id)!;
    const f = forecasts.get(l.id);
    const flat = () => future.map(() => [l.monthlyAttributed, l.monthlyAttributed, l.monthlyAttributed] as const);
    if (!spec.series || !spec.lag || !f || f.kind !== "forecast") {
      lineNotes.push({ id: l.id, name: l.name, method: "flat", note: spec.lag ? `No forecast (${f && f.kind === "insufficient" ? f.reason : "no series"}): the current monthly benefit continues.` : "Manual value: continues unchanged." });
      return flat();
    }
    const sign = spec.lag.direction === "LOWER_IS_BETTER" ? -1 : 1;
    const start = firstProgramWeek(spec.series.weeks, input.startDate);
    const pre = present(spec.series.participant, 0, start);
    if (!pre.length) {
      lineNotes.push({ id: l.id, name: l.name, method: "flat", note: "No pre-program level to measure the forecast against: the current monthly benefit continues." });
      return flat();
    }
    const preLevel = mean(pre.map((p) => p.y));
    const share = claimedShare(l.isolation);
    // Conservative: a linear trend extrapolated for a year would keep growing, so the projection
    // never claims more than the largest improvement measured; it falls when the forecast falls.
    const cap = Math.max(l.isolation.improvement, l.isolation.high);
    const money = (improvement: number) => monthlyMoney(l.parameters, Math.max(0, improvement), spec.lag!.unit, fmt).value * l.margin * l.confidence;
    lineNotes.push({
      id: l.id,
      name: l.name,
      method: "forecast",
      note: `Forecast of ${spec.lag.name} (trend ${f.slopePerWeek >= 0 ? "+" : "−"}${numberText(input.locale, Math.abs(f.slopePerWeek), 3)}/week, n = ${f.n}) against the pre-program level ${numberText(input.locale, preLevel, 3)}, claiming ${numberText(input.locale, share * 100, 1)}% of the change, at most the ${numberText(input.locale, cap, 3)} measured.`,
    });
    // The forecast steps are weeks after the series' last week (the current one): the middle of month j.
    return future.map((_, j) => {
      const p = f.points[Math.min(f.points.length - 1, Math.max(0, Math.round((j + 0.5) * WEEKS_PER_MONTH) - 1))]!;
      // The band: the claimed share of half the forecast's 80% interval either side of the level.
      const mid = Math.min(cap, share * Math.max(0, sign * (p.mean - preLevel)));
      const spread = (share * (p.hi80 - p.lo80)) / 2;
      return [money(mid - spread), money(mid), money(mid + spread)] as const;
    });
  });
  const futureCosts = 0; // every dated cost is already in the ledger's months
  const costsSoFar = months.at(-1)?.cumulativeCosts ?? 0;
  let cb = totals.benefits;
  let lo = totals.benefits;
  let hi = totals.benefits;
  const projMonths: ProjectionMonth[] = future.map((month, j) => {
    const b = perLine.reduce((s, l) => s + l[j]![1], 0);
    const bl = perLine.reduce((s, l) => s + l[j]![0], 0);
    const bh = perLine.reduce((s, l) => s + l[j]![2], 0);
    cb += b;
    lo += bl;
    hi += bh;
    return { month, benefits: b, lo: bl, hi: bh, cumulativeBenefits: cb, cumulativeLo: lo, cumulativeHi: hi, cumulativeCosts: costsSoFar + futureCosts };
  });
  const roiOf = (benefits: number) => (costsSoFar > 0 ? ((benefits - costsSoFar) / costsSoFar) * 100 : null);
  const quarters: ProjectionQuarter[] = [0, 1, 2, 3].map((q) => {
    const slice = projMonths.slice(q * 3, q * 3 + 3);
    return {
      label: `Q${q + 1}`,
      from: slice[0]!.month,
      to: slice[2]!.month,
      benefits: slice.reduce((s, m) => s + m.benefits, 0),
      lo: slice.reduce((s, m) => s + m.lo, 0),
      hi: slice.reduce((s, m) => s + m.hi, 0),
      cumulativeRoiPercent: roiOf(slice[2]!.cumulativeBenefits),
    };
  });
  const last = projMonths.at(-1)!;
  return { months: projMonths, quarters, lines: lineNotes, roiPercent: roiOf(last.cumulativeBenefits), roiLo: roiOf(last.cumulativeLo), roiHi: roiOf(last.cumulativeHi) };
}

// ---- What-if ---------------------------------------------------------------------------------------

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
  const n = (v: number) => numberText(fmt.locale, v, 3);
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
    formula: `slope ${n(a.best.slope)} × ${changePercent}% × ${n(meanWeeklyLead)} per week = ${n(lagChange)} ${line.lagMeasure.unit}; benefit ${moneyText(fmt.locale, fmt.currency, before)} → ${moneyText(fmt.locale, fmt.currency, after)} / month`,
  };
}
