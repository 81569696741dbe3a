import "server-only";
// Everything the trends page shows, from its URL filters: which lag and lead measure (ids of
// other organizations are unknown here and fall back to the defaults), which team, the lag's
// weeks with their forecast and the lead → lag analysis. The charts' weeks are cut from the
// analysis's series, so the charts and the statistics describe the same numbers.
import * as clock from "@/lib/clock";
import type { TenantContext } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { knownTeams, parseFilters, weeksOf, type DashboardFilters } from "@/lib/schemas/dashboardFilters";
import { localDay } from "@/lib/domain/calendar/weeks";
import { DEFAULT_ANALYSIS_WEEKS } from "@/lib/schemas/analytics";
import { activeLeadMeasures } from "@/lib/queries/activeLeadMeasures";
import { activeTeams } from "@/lib/queries/activeTeams";
import { lagForecast, leadLagAnalysis, type LagForecast, type LeadLagAnalysis } from "@/lib/views/analytics";

type Option = { id: string; name: string };
type Query = Record<string, string | string[] | undefined>;

export type TrendsData = {
  filters: DashboardFilters;
  teams: Option[];
  leadMeasures: Option[];
  lagMeasures: Option[];
  /** The team analysed (one team selected, or the lag measure's own team); null: the organization. */
  team: Option | null;
  /** Why the scope is not what the filter asked for, in words; null when it is. */
  scopeNote: string | null;
  lag: (Option & { teamId: string | null }) | null;
  lead: Option | null;
  /** Weekly lag means over the filter's range (and the lead totals, when a lead measure exists). */
  range: { weekStart: string; lead: number | null; lag: number | null }[];
  /** The lead and lag side by side as analysed: months for a monthly lag measure, else the range's weeks. */
  overlay: { cadence: LeadLagAnalysis["cadence"]; series: LeadLagAnalysis["series"] } | null;
  analysis: LeadLagAnalysis | null;
  forecast: LagForecast | null;
};

export async function loadTrends(db: Db, ctx: TenantContext, query: Query, now = clock.now()): Promise<TrendsData> {
  const organizationId = ctx.organizationId;
  const { timeZone, weekStartsOn } = ctx.organization;
  const [teams, leadMeasures, lagMeasures] = await Promise.all([
    activeTeams(db, organizationId),
    activeLeadMeasures(db, organizationId),
    db.lagMeasure.findMany({
      where: { organizationId, archivedAt: null },
      select: { id: true, name: true, teamId: true, drivers: { select: { leadMeasureId: true } } },
      orderBy: { name: "asc" },
    }),
  ]);
  const parsed = parseFilters(query, localDay(now, timeZone), weekStartsOn);
  const teamIds = knownTeams(parsed.teamIds, teams);
  // Default lag: the first by name; default lead: the lag's first declared driver, else the first.
  const lag = lagMeasures.find((m) => m.id === parsed.lagMeasureId) ?? lagMeasures[0] ?? null;
  // Drivers come in no particular order: the first by name is the default.
  const driverIds = new Set(lag?.drivers.map((d) => d.leadMeasureId));
  const driver = leadMeasures.find((m) => driverIds.has(m.id)) ?? null;
  const lead = leadMeasures.find((m) => m.id === parsed.leadMeasureId) ?? driver ?? leadMeasures[0] ?? null;
  const filters: DashboardFilters = { ...parsed, teamIds, leadMeasureId: lead?.id ?? null, lagMeasureId: lag?.id ?? null };

  // A team's own lag measure is about that team whatever the filter says; otherwise exactly one
  // selected team is analysed alone, and none or several mean the whole organization.
  const teamName = (id: string) => teams.find((t) => t.id === id)?.name ?? "its team";
  let teamId: string | null = teamIds.length === 1 ? teamIds[0]! : null;
  let scopeNote: string | null = null;
  if (lag?.teamId && teamId !== lag.teamId) {
    teamId = lag.teamId;
    scopeNote = `${lag.name} is ${teamName(lag.teamId)}'s own measure, so ${teamName(lag.teamId)} is shown.`;
  } else if (teamIds.length > 1) {
    scopeNote = `${teamIds.length} teams are selected: the charts and the analysis are for the whole organization. Select one team to look at it alone.`;
  }
  const team = teamId ? { id: teamId, name: teamName(teamId) } : null;
  const base = { filters, teams, leadMeasures, lagMeasures: lagMeasures.map(({ id, name }) => ({ id, name })), team, scopeNote, lead };
  if (!lag) return { ...base, lag: null, range: [], overlay: null, analysis: null, forecast: null };

  const rangeWeeks = weeksOf(filters);
  const scope = { teamId: teamId ?? undefined, to: filters.lastWeek };
  const [analysis, forecast] = await Promise.all([
    lead
      ? leadLagAnalysis(db, ctx, { leadMeasureId: lead.id, lagMeasureId: lag.id, weeks: Math.max(DEFAULT_ANALYSIS_WEEKS, rangeWeeks.length), ...scope }, now)
      : null,
    lagForecast(db, ctx, { lagMeasureId: lag.id, ...scope }, now),
  ]);
  // Without a lead measure there is no analysis series: the range's lag weeks come from the
  // forecast's history instead (26 weeks; a longer range then starts with empty weeks).
  const fromHistory = new Map(forecast.history.map((w) => [w.weekStart, w.value]));
  const weekly = analysis?.cadence === "weekly" ? analysis.series : [];
  const fromAnalysis = new Map(weekly.map((w) => [w.periodStart, { weekStart: w.periodStart, lead: w.lead, lag: w.lag }]));
  const range = rangeWeeks.map((weekStart) => fromAnalysis.get(weekStart) ?? { weekStart, lead: null, lag: fromHistory.get(weekStart) ?? null });
  // The overlay shows what was analysed: months for a lag measure observed monthly, else the range's weeks.
  const overlay =
    analysis && analysis.cadence !== "weekly"
      ? { cadence: analysis.cadence, series: analysis.series }
      : { cadence: "weekly" as const, series: range.map((w) => ({ periodStart: w.weekStart, lead: w.lead, lag: w.lag })) };
  return { ...base, lag: { id: lag.id, name: lag.name, teamId: lag.teamId }, range, overlay, analysis, forecast };
}
