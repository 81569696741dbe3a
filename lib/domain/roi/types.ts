// The inputs and results of a program's ROI (issue 5): the costs and benefit lines with their
// lag measures' weekly series going in; per-line isolation and money, the monthly ledger, the
// totals, the range and the projection coming out. Plain JSON, so a page or report can show it.
import type { Direction } from "../status";
import type { MeasureRange } from "../stats/forecastRange";
import type { YearMonth } from "../calendar/months";
import type { IsoDate } from "../calendar/weeks";
import type { RoiRange, RoiResult, UncertainBenefit } from "./formulas";

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
  /**
   * A lag measured monthly (quarterly): the same participants' (or organization's) means at its own
   * cadence, the periods its forecast is fitted on, which the projection follows; absent for a weekly lag.
   */
  periods?: PeriodSeries | null;
};

/** A monthly (quarterly) lag's means, one per period, oldest first; `starts` holds each period's first day. */
export type PeriodSeries = { unit: "month" | "quarter"; starts: IsoDate[]; participant: (number | null)[] };

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
  /** The lag measure priced; `range` is where its values can lie (measureRange in stats/forecastRange.ts). */
  lag: { id: string; name: string; unit: string; direction: Direction; range: MeasureRange } | null;
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

/** An estimate's standard error, its degrees of freedom (t distribution) and its 95% interval. */
export type Interval = { se: number; df: number; low: number; high: number };

export type MethodOutcome = {
  method: MeasuredMethod;
  /** Improvement in the measure's units (good direction positive); null when the method has no data. */
  value: number | null;
  /** The sampling error of `value` (same units and direction); null without data or degrees of freedom. */
  interval: Interval | null;
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
  /** Smallest (≥ 0) and largest credible improvements: the ends of the claimed method's 95% interval. */
  low: number;
  high: number;
  /** The claimed method's interval (measure units, good direction positive); null when nothing is measured. */
  interval: Interval | null;
  /** The interval includes 0: the program's effect on this measure could be nothing. */
  couldBeNothing: boolean;
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
  /** The 95% interval of `monthlyAttributed` from the isolated improvement's sampling error (signed: the low end may be a loss); null without one. */
  monthlyInterval: { low: number; high: number } | null;
  /** Human-readable formula with its numbers. */
  formula: string;
  /** Elapsed months the line has accrued for, and its totals over them. */
  months: number;
  value: number;
  attributed: number;
};

export type MonthPoint = {
  month: YearMonth;
  costs: number;
  benefits: number;
  net: number;
  cumulativeCosts: number;
  cumulativeBenefits: number;
  cumulativeNet: number;
};

/** A projected month: the point value and, for it and the running total, the 10th–90th percentile of the simulated paths. */
export type ProjectionMonth = {
  month: YearMonth;
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
  from: YearMonth;
  to: YearMonth;
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
  /** Simulated paths behind the bands. */
  draws: number;
  /** ROI % at the end of the fourth quarter, and its 80% band: the 10th and 90th percentiles of the simulated totals. */
  roiPercent: number | null;
  roiLo: number | null;
  roiHi: number | null;
};

export type ProgramRoiCore = {
  currency: string;
  startDate: IsoDate;
  today: IsoDate;
  /** Months in which benefits accrued (elapsed months after the start month). */
  benefitMonths: YearMonth[];
  lines: LineResult[];
  months: MonthPoint[];
  totals: { costs: number; benefits: number; netBenefit: number };
  /** BCR, ROI %, payback months; null without costs (the reason in `roiNote`). */
  roi: RoiResult | null;
  roiNote: string | null;
  /** The month cumulative benefits first reached cumulative costs; null if not yet. */
  breakEvenMonth: YearMonth | null;
  range: (RoiRange & { inputs: UncertainBenefit[]; note: string }) | null;
  projection: Projection;
  assumptions: string[];
};
