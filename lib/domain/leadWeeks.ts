// A team's lead measures week by week, as the SQL aggregations return them and the dashboard's
// charts and the quarterly report read them. The queries that fill them are
// lib/queries/teamAttainmentByWeek.ts, leadAttainmentHeatmap.ts and leadTotalsByTeamWeek.ts;
// heatmapFromRollup builds the combined heatmap from the dashboard roll-up's team-weeks.
import type { IsoDate } from "./calendar/weeks";
import type { Thresholds } from "./status";

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

/** A team's week as the dashboard roll-up reports it: each measure's total against its target. */
export type RolledUpTeamWeeks = {
  teamId: string;
  teamName: string;
  weeks: { weekStart: IsoDate; measures: number; attainment: number | null; leads: { total: number; target: number }[] }[];
};

/**
 * The combined heatmap (every measure, capped mean) for weeks `firstWeek`…`lastWeek`, from the
 * roll-up's team-weeks: the same cells teamAttainmentByWeek computes in SQL — the roll-up's
 * capped mean, and each measure-week counted green, amber or red by its plain actual ÷ target.
 */
export function heatmapFromRollup(
  teams: readonly RolledUpTeamWeeks[],
  firstWeek: IsoDate,
  lastWeek: IsoDate,
  thresholds: Thresholds,
  cap: number,
): LeadAttainmentHeatmap {
  const rows = teams.map(({ teamId, teamName, weeks }) => ({
    teamId,
    teamName,
    cells: weeks
      .filter((w) => w.weekStart >= firstWeek && w.weekStart <= lastWeek)
      .map((w) => {
        const raws = w.leads.map((l) => l.total / l.target);
        return {
          weekStart: w.weekStart,
          measures: w.measures,
          attainment: w.attainment,
          green: raws.filter((r) => r >= thresholds.green).length,
          amber: raws.filter((r) => r < thresholds.green && r >= thresholds.amber).length,
          red: raws.filter((r) => r < thresholds.amber).length,
        };
      }),
  }));
  const weeks = rows[0]?.cells.map((c) => c.weekStart) ?? [];
  return { weeks, teams: rows, cap };
}
