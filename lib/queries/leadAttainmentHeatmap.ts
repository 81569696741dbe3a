import "server-only";
// The dashboard heatmap: lead attainment for each team (rows) and week (columns), for one lead
// measure or for all of a team's measures combined. Combined cells use the capped mean (one
// overachieved measure cannot paint a team green); a single measure's cell is its plain
// actual ÷ target. The aggregation is teamAttainmentByWeek's; this module shapes it into rows.
import type { Db } from "@/lib/db/client";
import { ATTAINMENT_CAP } from "@/lib/domain/risk";
import type { Thresholds } from "@/lib/domain/status";
import type { IsoDate } from "@/lib/domain/calendar/weeks";
import type { LeadAttainmentHeatmap } from "@/lib/domain/leadWeeks";
import { teamAttainmentByWeek, type AttainmentScope } from "./teamAttainmentByWeek";

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
