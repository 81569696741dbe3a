// The numbers a quarterly report is written from, frozen when it is exported. A snapshot holds
// everything the narrative says — nothing is looked up again when a report is regenerated — so
// the Q1 report reads the same next year, whatever was logged since. Plain JSON; null (never NaN)
// where a number does not exist.
import { lagStatus, type Direction, type LagStatus } from "@/lib/domain/status";
import type { IsoDate } from "@/lib/domain/calendar/weeks";

export type SnapshotQuarter = {
  id: string;
  label: string;
  start: IsoDate;
  end: IsoDate;
  /** The last day counted: the quarter's end, or the end of its last ended week when in progress. */
  asOf: IsoDate;
  complete: boolean;
  /** Week starts counted, oldest first. */
  weeks: IsoDate[];
};

export type LeadLine = {
  leadMeasureId: string;
  name: string;
  unit: string;
  /** Team total over the quarter's weeks that had a target. */
  actual: number;
  /** Sum of the weekly targets in force. */
  target: number;
  /** Weeks with a positive target. */
  weeks: number;
  /** Weeks at or above the green threshold. */
  weeksOnTarget: number;
};

export type TeamExecution = {
  teamId: string;
  name: string;
  /** Program role when the report is for a program. */
  role: "participant" | "control" | null;
  /** Mean capped weekly attainment over the quarter (0..ATTAINMENT_CAP); null without targets. */
  attainment: number | null;
  /** The same for the previous quarter, and its measure-weeks with a target. */
  previousAttainment: number | null;
  previousWeeks: number;
  /** First and last four counted weeks of this quarter. */
  earlyAttainment: number | null;
  lateAttainment: number | null;
  /** Weekly attainment, aligned with quarter.weeks. */
  weekly: (number | null)[];
  leads: LeadLine[];
  checkIns: { held: number; due: number };
  commitments: { done: number; partial: number; notDone: number; open: number };
};

export type LagSnapshot = {
  lagMeasureId: string;
  name: string;
  unit: string;
  kind: string;
  direction: Direction;
  /** Team the measure belongs to; null = organization-wide. */
  team: string | null;
  /** Who answers for the goal, by name; null: nobody named (absent in snapshots made before owners). */
  owner?: string | null;
  baseline: { value: number; date: IsoDate };
  target: { value: number; date: IsoDate };
  /** Latest value on or before the quarter's start, and on or before its as-of day. */
  atStart: { value: number; date: IsoDate } | null;
  atEnd: { value: number; date: IsoDate } | null;
  /** Where the straight path from baseline to target stands on atEnd's date (or asOf without a value). */
  pathAtEnd: number;
  /** Path value at the end of next quarter, for next quarter's targets. */
  pathAtNextQuarterEnd: number;
  /** Latest value on or before the previous quarter's end. */
  previousEnd: { value: number; date: IsoDate } | null;
  /** Weekly means (26 weeks ending with the as-of week), oldest first. */
  history: { weekStart: IsoDate; value: number | null }[];
  /** 13 weeks after the as-of week; null when a trend cannot be fitted (reason given). */
  forecast: { weekStart: IsoDate; mean: number; lo80: number; hi80: number; lo95: number; hi95: number }[] | null;
  forecastNote: string | null;
  /** The forecast's model and how often its 80% range held in its backtest (absent in snapshots made before #13). */
  forecastMethod?: string | null;
};

export type DriverFinding = {
  leadMeasureId: string;
  leadName: string;
  lagMeasureId: string;
  lagName: string;
  kind: "predictive" | "opposite" | "weak" | "none" | "insufficient";
  /** The dashboard's verdict, word for word. */
  text: string;
  k: number | null;
  n: number;
  /** The best lag's own p, as if it were the only lag tried. */
  p: number | null;
  /** Family-wise p across the lags tried; q: Benjamini–Hochberg across the report's pairs; absent in older snapshots. */
  pFamily?: number | null;
  q?: number | null;
  /** How much the lagged lead cut the one-week-ahead error (0.12 = 12%); absent in older snapshots. */
  errorReduction?: number | null;
  slope: number | null;
  ci95: [number, number] | null;
  /** Weeks analysed. */
  weeks: number;
  /** The series' period (the lag measure's cadence): k and n count months for a monthly one; absent in older snapshots (weeks). */
  unit?: "week" | "month" | "quarter";
};

export type RoiLineSnapshot = {
  name: string;
  kind: string;
  lagName: string | null;
  /** The isolation method asked for and the one the claimed improvement came from. */
  chosenMethod: string;
  usedMethod: string | null;
  isolationNote: string;
  improvement: number;
  margin: number;
  confidence: number;
  attributed: number;
  monthlyAttributed: number;
  /** 95% interval of monthlyAttributed from the isolated improvement's sampling error; absent in older snapshots. */
  monthlyInterval?: { low: number; high: number } | null;
  /** The interval includes 0: the line's benefit could be nothing. */
  couldBeNothing?: boolean;
  formula: string;
  evidence: string;
};

export type ProgramRoiSnapshot = {
  programId: string;
  name: string;
  startDate: IsoDate;
  participants: string[];
  controls: string[];
  benefitMonths: number;
  costs: { category: string; label: string; amount: number }[];
  /** Costs dated after the as-of day, left out of this report. */
  costsExcluded: number;
  totals: { costs: number; benefits: number; netBenefit: number };
  bcr: number | null;
  roiPercent: number | null;
  paybackMonths: number | null;
  breakEvenMonth: string | null;
  range: { p10: number; p50: number; p90: number; draws: number; seed: number } | null;
  lines: RoiLineSnapshot[];
  /** Cumulative by month, then the projection with its 80% band. */
  months: { month: string; cumulativeCosts: number; cumulativeBenefits: number }[];
  projection: { month: string; cumulativeBenefits: number; lo: number; hi: number; cumulativeCosts: number }[];
  projectedRoiPercent: number | null;
  /** How each line was projected: following its lag's forecast model, or its current value continuing, and why; absent in older snapshots. */
  projectionLines?: { name: string; method: "forecast" | "flat"; note: string }[];
  assumptions: string[];
  intangibles: { name: string; note: string }[];
  /** ROI at the previous quarter's end, recomputed from the data when no report exists for it. */
  previous: { roiPercent: number | null; bcr: number | null; benefits: number; costs: number } | null;
};

/** What the latest report of the previous quarter (same scope) said. */
export type PreviousReport = {
  reportId: string;
  quarterLabel: string;
  createdAt: string;
  attainment: number | null;
  lagsOnTrack: number;
  lagsTotal: number;
  roiPercent: number | null;
  bcr: number | null;
  p10: number | null;
  p90: number | null;
  benefits: number | null;
  costs: number | null;
};

export type NextQuarterTarget = { team: string; leadName: string; unit: string; weeklyTarget: number };

export type ReportSnapshot = {
  version: number;
  organization: { name: string; locale: string; currency: string; timeZone: string; green: number; amber: number };
  scope: { kind: "organization" } | { kind: "program"; programId: string; programName: string };
  quarter: SnapshotQuarter;
  previousQuarter: { id: string; label: string; start: IsoDate; end: IsoDate };
  nextQuarter: { id: string; label: string; start: IsoDate; end: IsoDate };
  /** When and by whom the snapshot was taken (ISO timestamp, display name). */
  generatedAt: string;
  preparedBy: string;
  teams: TeamExecution[];
  lags: LagSnapshot[];
  drivers: DriverFinding[];
  programs: ProgramRoiSnapshot[];
  previousReport: PreviousReport | null;
  nextQuarterTargets: NextQuarterTarget[];
  /** Commitments already made for weeks after the as-of day. */
  openCommitmentsAhead: number;
};

/** Whether a lag is on track as of the report: the scoreboard's rule on the as-of value. */
export function lagOnTrack(l: Pick<LagSnapshot, "direction" | "baseline" | "target" | "atEnd">): LagStatus {
  return lagStatus({ direction: l.direction, baselineValue: l.baseline.value, baselineDate: l.baseline.date, targetValue: l.target.value, targetDate: l.target.date, latest: l.atEnd });
}
