import "server-only";
// Everything the manager dashboard (/dashboard) shows, loaded in one place so the page and the
// benchmark (bench/dashboard.ts, run with tsx --conditions=react-server) time the same work. The
// caller has already checked that the viewer may see the dashboard.
//
// Filters come from the URL (lib/schemas/dashboardFilters.ts); team and measure ids are checked
// against the organization here, so another organization's ids are dropped, never queried.
import * as clock from "@/lib/clock";
import type { OrgSettings } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { buildLeadTotalsChart, type LeadTotalsChartData } from "@/lib/charts/leadTotalsChart";
import { knownTeams, parseFilters, type DashboardFilters } from "@/lib/schemas/dashboardFilters";
import { firstParam, type SearchParams } from "@/lib/schemas/queryParams";
import { executionScore, scoreWindow, type ExecutionScore } from "@/lib/domain/execution";
import { ATTAINMENT_CAP, riskReasons, type RiskReason } from "@/lib/domain/risk";
import { lagStatus, type LagStatus, type Thresholds } from "@/lib/domain/status";
import { currentWeekStart, type IsoDate } from "@/lib/domain/calendar/weeks";
import { heatmapFromRollup, type LeadAttainmentHeatmap } from "@/lib/domain/leadWeeks";
import { activeLeadMeasures } from "@/lib/queries/activeLeadMeasures";
import { activeTeams } from "@/lib/queries/activeTeams";
import { leadAttainmentHeatmap } from "@/lib/queries/leadAttainmentHeatmap";
import { leadTotalsByTeamWeek } from "@/lib/queries/leadTotalsByTeamWeek";
import { rollupWindows, teamRollup, type RollupFigures, type RollupLag, type RollupWindows } from "@/lib/queries/teamRollup";
import { pageOf, parseSort, sortRollup, type DashboardPage, type Sort } from "./rollupSort";

type Option = { id: string; name: string };

export type LagSummary = {
  /** Each lag measure the row answers for, with its status as of the range's end. */
  lags: { lagMeasureId: string; name: string; status: LagStatus }[];
  onTrack: number;
  offTrack: number;
  noData: number;
};

export type RollupLine = Omit<RollupFigures, "lags"> & { lag: LagSummary };

export type TeamLine = RollupLine & {
  teamId: string;
  teamName: string;
  execution: ExecutionScore;
  reasons: RiskReason[];
};

export type HeatmapMode = "combined" | "measure";


export type DashboardData = {
  filters: DashboardFilters;
  currentWeek: IsoDate;
  windows: RollupWindows;
  thresholds: Thresholds;
  teams: Option[];
  leadMeasures: (Option & { unit: string })[];
  /** The lead measure charted in the weekly totals (and the heatmap in "measure" mode). */
  measure: (Option & { unit: string }) | null;
  organization: RollupLine;
  sort: Sort;
  page: DashboardPage;
  /** The page's teams, in the sort's order. */
  rollup: TeamLine[];
  /** Every team in scope with a risk reason, most reasons first (whatever page is shown). */
  atRisk: TeamLine[];
  heatmapMode: HeatmapMode;
  heatmap: LeadAttainmentHeatmap;
  leadTotals: LeadTotalsChartData | null;
};

function lagSummary(lags: RollupLag[]): LagSummary {
  const judged = lags.map((l) => ({
    lagMeasureId: l.lagMeasureId,
    name: l.name,
    status: lagStatus({ ...l, latest: l.latestValue != null && l.latestDate ? { value: l.latestValue, date: l.latestDate } : null }),
  }));
  const count = (s: LagStatus) => judged.filter((l) => l.status === s).length;
  return { lags: judged, onTrack: count("green"), offTrack: count("red"), noData: count("none") };
}

export async function loadDashboard(db: Db, org: OrgSettings, query: SearchParams, now = clock.now()): Promise<DashboardData> {
  const organizationId = org.id;
  const currentWeek = currentWeekStart(now, org.timeZone, org.weekStartsOn);
  const parsed = parseFilters(query, currentWeek, org.weekStartsOn);
  const thresholds = { green: org.greenThreshold, amber: org.amberThreshold };

  const [teams, leadMeasures] = await Promise.all([
    activeTeams(db, organizationId),
    activeLeadMeasures(db, organizationId),
  ]);
  const teamIds = knownTeams(parsed.teamIds, teams);
  const measure = leadMeasures.find((m) => m.id === parsed.leadMeasureId) ?? leadMeasures[0] ?? null;
  const filters: DashboardFilters = { ...parsed, teamIds, leadMeasureId: measure?.id ?? null };
  const heatmapMode: HeatmapMode = firstParam(query, "heatmap") === "measure" && measure ? "measure" : "combined";
  const windows = rollupWindows(filters.lastWeek, currentWeek);
  const range = { firstWeek: filters.firstWeek, lastWeek: filters.lastWeek, weekStartsOn: org.weekStartsOn };

  // The combined heatmap's cells are the roll-up's own team-weeks, so the roll-up reads the
  // filter's weeks too (when they reach further back than its 13-week window) and the heatmap
  // costs no second pass over the same measure-weeks. One measure's heatmap has a query of its own.
  const rollupRead = { ...windows, firstWeek: filters.firstWeek < windows.firstWeek ? filters.firstWeek : windows.firstWeek };
  const [rollup, totals] = await Promise.all([
    teamRollup(db, { organizationId, timeZone: org.timeZone, weekStartsOn: org.weekStartsOn, teamIds, windows: rollupRead, thresholds }),
    measure ? leadTotalsByTeamWeek(db, { organizationId, leadMeasureId: measure.id, ...range }) : Promise.resolve([]),
  ]);

  const lines: TeamLine[] = rollup.teams.map(({ weeks, lags, ...figures }) => {
    const window = scoreWindow(filters.lastWeek, figures.firstWeek);
    const execution = executionScore(
      weeks
        .filter((w) => w.weekStart >= window.firstWeek && w.weekStart <= window.lastWeek)
        .map((w) => ({
          weekStart: w.weekStart,
          ended: w.weekStart < currentWeek,
          checkInHeld: w.checkInHeld,
          commitments: { done: w.done, partial: w.partial, notDone: w.notDone, open: w.open },
          leads: { withTarget: w.measures, green: w.green },
        })),
    );
    const lag = lagSummary(lags);
    const reasons = riskReasons(
      {
        // The streak reads the team's own ended weeks, like its check-ins.
        leadWeeks: weeks.filter((w) => w.weekStart <= windows.trailingEnd && w.weekStart >= windows.firstWeek && w.weekStart >= figures.firstWeek),
        checkIns: figures.checkIns4,
        lags: lag.lags,
      },
      thresholds,
    );
    return { ...figures, lag, execution, reasons };
  });

  const sort = parseSort(query);
  const sorted = sortRollup(lines, sort);
  const page = pageOf(sorted.length, Number(firstParam(query, "page")));
  const shown = sorted.slice(page.first - 1, page.last);
  // Each team on the page with its place in the table.
  const place = new Map(shown.map((l, i) => [l.teamId, i]));
  const order = (teamId: string) => place.get(teamId)!;

  // The heatmap and the weekly totals show the page's teams, in the table's order.
  const heatmap =
    heatmapMode === "measure"
      ? await leadAttainmentHeatmap(db, { organizationId, teamIds: [...place.keys()], leadMeasureId: measure!.id, ...range, thresholds })
      : heatmapFromRollup(rollup.teams.filter((t) => place.has(t.teamId)), filters.firstWeek, filters.lastWeek, ATTAINMENT_CAP);
  heatmap.teams.sort((a, b) => order(a.teamId) - order(b.teamId));
  const leadTotals = measure ? buildLeadTotalsChart(totals.filter((r) => place.has(r.teamId)).sort((a, b) => order(a.teamId) - order(b.teamId))) : null;
  const atRisk = lines
    .filter((l) => l.reasons.length > 0)
    .sort((a, b) => b.reasons.length - a.reasons.length || a.teamName.localeCompare(b.teamName));

  const { lags: orgLags, ...orgFigures } = rollup.organization;
  return {
    filters,
    currentWeek,
    windows,
    thresholds,
    teams,
    leadMeasures,
    measure,
    organization: { ...orgFigures, lag: lagSummary(orgLags) },
    sort,
    page,
    rollup: shown,
    atRisk,
    heatmapMode,
    heatmap,
    leadTotals,
  };
}
