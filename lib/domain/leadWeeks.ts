// A team's lead measures week by week, as the SQL aggregations return them and the dashboard's
// charts and the quarterly report read them. The queries that fill them are
// lib/queries/teamAttainmentByWeek.ts, leadAttainmentHeatmap.ts and leadTotalsByTeamWeek.ts;
// heatmapFromRollup builds the combined heatmap from the dashboard roll-up's team-weeks.
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

/** A team's weeks as the dashboard roll-up reports them (each also carries cadence facts). */
export type RolledUpTeamWeeks = { teamId: string; teamName: string; weeks: (HeatmapCell & Record<string, unknown>)[] };

/**
 * The combined heatmap (every measure, capped mean) for weeks `firstWeek`…`lastWeek`, from the
 * roll-up's team-weeks, which carry the same aggregates teamAttainmentByWeek computes in SQL.
 */
export function heatmapFromRollup(teams: readonly RolledUpTeamWeeks[], firstWeek: IsoDate, lastWeek: IsoDate, cap: number): LeadAttainmentHeatmap {
  const rows = teams.map(({ teamId, teamName, weeks }) => ({
    teamId,
    teamName,
    cells: weeks
      .filter((w) => w.weekStart >= firstWeek && w.weekStart <= lastWeek)
      .map(({ weekStart, measures, attainment, green, amber, red }) => ({ weekStart, measures, attainment, green, amber, red })),
  }));
  const weeks = rows[0]?.cells.map((c) => c.weekStart) ?? [];
  return { weeks, teams: rows, cap };
}
