// Turns weekly totals per team into chart.js datasets and the table that is the chart's text
// alternative. Pure: the chart component only renders what this returns.
import type { LeadTotalRow } from "@/lib/domain/leadWeeks";

export const TEAM_COLOURS = ["#2563eb", "#d97706", "#059669", "#9333ea", "#dc2626", "#0891b2", "#4b5563"];

export type LeadTotalsChartData = {
  weeks: string[];
  series: { teamId: string; teamName: string; colour: string; totals: number[]; weeklyTarget: number }[];
};

export function buildLeadTotalsChart(rows: LeadTotalRow[]): LeadTotalsChartData {
  const weeks = [...new Set(rows.map((r) => r.weekStart))].sort();
  const weekIndex = new Map(weeks.map((w, i) => [w, i]));
  const byTeam = new Map<string, LeadTotalsChartData["series"][number]>();
  for (const row of rows) {
    let s = byTeam.get(row.teamId);
    if (!s) {
      s = {
        teamId: row.teamId,
        teamName: row.teamName,
        colour: TEAM_COLOURS[byTeam.size % TEAM_COLOURS.length]!,
        totals: weeks.map(() => 0),
        weeklyTarget: row.weeklyTarget,
      };
      byTeam.set(row.teamId, s);
    }
    s.totals[weekIndex.get(row.weekStart)!] = row.total;
  }
  return { weeks, series: [...byTeam.values()] };
}
