// A team's lead measures week by week, as the SQL aggregations return them and the dashboard's
// charts and the quarterly report read them. Types only: the queries that fill them are
// lib/queries/teamAttainmentByWeek.ts, leadAttainmentHeatmap.ts and leadTotalsByTeamWeek.ts.
import type { IsoDate } from "./calendar/weeks";

/** A team's lead attainment in a week (see ATTAINMENT_CAP in ./risk.ts). */
export type TeamWeekAttainment = {
  teamId: string;
  teamName: string;
  weekStart: IsoDate;
  /** Measures with a positive target that week. */
  measures: number;
  /** Capped mean of actual ÷ target; null when no measure had a target. */
  attainment: number | null;
  green: number;
  amber: number;
  red: number;
};

export type HeatmapCell = Omit<TeamWeekAttainment, "teamId" | "teamName">;

export type LeadAttainmentHeatmap = {
  weeks: IsoDate[];
  /** Ordered by team name; every row has one cell per week. */
  teams: { teamId: string; teamName: string; cells: HeatmapCell[] }[];
  /** The cap applied to each measure before averaging; null for a single measure. */
  cap: number | null;
};

/** One team's total of one lead measure in a week, against the team's target in force that week. */
export type LeadTotalRow = {
  teamId: string;
  teamName: string;
  weekStart: IsoDate;
  total: number;
  weeklyTarget: number;
};
