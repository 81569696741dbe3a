// The dashboard heatmap: lead attainment for each team (rows) and week (columns), for one lead
// measure or for all of a team's measures combined. Combined cells use the capped mean (one
// overachieved measure cannot paint a team green); a single measure's cell is its plain
// actual ÷ target. The aggregation is teamAttainmentByWeek's; this module shapes it into rows.
import type { Db } from "@/lib/db/client";
import { ATTAINMENT_CAP } from "@/lib/domain/risk";
import type { Thresholds } from "@/lib/domain/status";
import type { IsoDate } from "@/lib/domain/calendar/weeks";
import { teamAttainmentByWeek, type AttainmentScope, type TeamWeekAttainment } from "./teamAttainmentByWeek";

export type HeatmapCell = Omit<TeamWeekAttainment, "teamId" | "teamName">;

export type LeadAttainmentHeatmap = {
  weeks: IsoDate[];
  /** Ordered by team name; every row has one cell per week. */
  teams: { teamId: string; teamName: string; cells: HeatmapCell[] }[];
  /** The cap applied to each measure before averaging; null for a single measure. */
  cap: number | null;
};

export async function leadAttainmentHeatmap(
  db: Db,
  params: AttainmentScope & { thresholds: Thresholds },
): Promise<LeadAttainmentHeatmap> {
  const cap = params.leadMeasureId ? null : ATTAINMENT_CAP;
  const rows = await teamAttainmentByWeek(db, { ...params, cap });
  const teams = new Map<string, LeadAttainmentHeatmap["teams"][number]>();
  const weeks: IsoDate[] = [];
  for (const { teamId, teamName, ...cell } of rows) {
    let team = teams.get(teamId);
    if (!team) {
      team = { teamId, teamName, cells: [] };
      teams.set(teamId, team);
    }
    team.cells.push(cell);
    if (teams.size === 1) weeks.push(cell.weekStart);
  }
  return { weeks, teams: [...teams.values()], cap };
}
