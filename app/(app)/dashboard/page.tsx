// The manager dashboard: every team at a glance (roll-up and at-risk list), lead attainment as a
// team × week heatmap, and the weekly totals of a lead measure per team. Filters and sort live
// in the URL. Lag trends and the lead → lag analysis are at /dashboard/trends.
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { forbidden } from "next/navigation";
import { FilterBar } from "@/app/_components/FilterBar";
import { requirePageContext } from "@/lib/auth/context";
import { canAdminister, canViewDashboard } from "@/lib/auth/permissions";
import { buildHeatmapChart } from "@/lib/charts/heatmap";
import { filtersToQuery } from "@/lib/schemas/dashboardFilters";
import { loadDashboard } from "@/lib/views/dashboard";
import { getDb } from "@/lib/db";
import { ATTAINMENT_CAP } from "@/lib/domain/risk";
import { formatShare } from "@/lib/domain/execution";
import { addDays } from "@/lib/domain/calendar/weeks";
import { formatWeek, shortDay, weekOf } from "@/lib/domain/format";
import { AtRiskList } from "./AtRiskList";
import { HeatmapSection } from "./HeatmapSection";
import { LeadTotalsSection } from "./LeadTotalsSection";
import { Pager } from "./Pager";
import { RollupTable } from "./RollupTable";
import { pageQuery, sortQuery, SORT_COLUMNS, type SortColumn } from "@/lib/views/rollupSort";
import styles from "./dashboard.module.css";

export const metadata: Metadata = { title: "Dashboard" };

type Query = Record<string, string | string[] | undefined>;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Query> }) {
  const ctx = await requirePageContext();
  if (!canViewDashboard(ctx.role)) forbidden();
  const query = await searchParams;
  const d = await loadDashboard(await getDb(), ctx.organization, query);
  const { locale } = ctx.organization;
  const { filters } = d;

  if (d.teams.length === 0) {
    return (
      <>
        <h1>Dashboard</h1>
        <p className="empty">
          No teams yet. {canAdminister(ctx.role) ? <Link href="/setup">Set up your teams and measures</Link> : "An admin sets up the teams"};
          once teams log their lead measures, every team shows here at a glance.
        </p>
      </>
    );
  }

  const range = formatWeek({ start: filters.firstWeek, end: addDays(filters.lastWeek, 6) }, locale);
  const rangeQuery = filtersToQuery({ firstWeek: filters.firstWeek, lastWeek: filters.lastWeek });
  const teamHref = (teamId: string) => `/dashboard/teams/${teamId}?${rangeQuery}`;
  const { sort, page } = d;
  const sortHrefs = Object.fromEntries(SORT_COLUMNS.map((c) => [c, `/dashboard?${sortQuery(query, sort, c)}`])) as Record<SortColumn, string>;
  const thisWeekLabel = filters.lastWeek === d.currentWeek ? "This week (so far)" : weekOf(filters.lastWeek, locale);
  const shownTeams = filters.teamIds.length ? `${filters.teamIds.length} of ${d.teams.length} teams` : `all ${d.teams.length} teams`;
  const pageHref = (n: number) => `/dashboard?${pageQuery(query, n)}`;
  // Below the table, the heatmap and the totals chart show the same page of teams.
  const pageNote = page.pages > 1 ? ` Teams ${page.first}–${page.last} of ${page.total}, as on the table's page.` : "";

  // The heatmap: all measures combined, or the chosen lead measure only (?heatmap=measure).
  const withHeatmap = (mode: "combined" | "measure") => {
    const p = new URLSearchParams(filtersToQuery(filters));
    for (const k of ["sort", "dir", "page"]) if (typeof query[k] === "string") p.set(k, query[k]);
    if (mode === "measure") p.set("heatmap", "measure");
    return `/dashboard?${p.toString()}`;
  };
  const measure = d.measure;
  const heatmapTitle =
    d.heatmapMode === "measure" && measure ? `${measure.name}: attainment by team and week` : "Lead attainment by team and week";
  const heatmapExplanation =
    d.heatmapMode === "measure"
      ? `Each cell is the team's total for the week as a share of its target that week.${pageNote}`
      : `Each cell is the mean over the team's lead measures of actual ÷ target, each counted up to ${formatShare(ATTAINMENT_CAP)}.${pageNote}`;
  const heatmapChart = buildHeatmapChart(
    d.heatmap,
    d.thresholds,
    d.heatmap.weeks.map((w) => shortDay(w, locale)),
  );
  const pageOfTeams = page.pages > 1 ? ` (teams ${page.first}–${page.last} of ${page.total})` : "";
  const totalsTitle = `${measure ? `${measure.name}: weekly totals per team` : "Weekly lead totals per team"}${pageOfTeams}`;
  const totalsLabels = (d.leadTotals?.weeks ?? []).map((w) => formatWeek({ start: w, end: addDays(w, 6) }, locale));

  return (
    <div className={styles.sections}>
      <div className={styles.head}>
        <div>
          <h1>Dashboard</h1>
          <p className="muted" style={{ margin: 0 }}>
            {ctx.organization.name} · {shownTeams} · weeks of {range}
          </p>
        </div>
        <Link href={`/dashboard/trends?${filtersToQuery(filters)}`}>Lag trends and which lead measures move them →</Link>
      </div>

      <FilterBar filters={filters} teams={d.teams} leadMeasures={d.leadMeasures} />

      <section className="card" aria-labelledby="rollup-title">
        <h2 id="rollup-title">Teams at a glance</h2>
        <RollupTable
          lines={d.rollup}
          organization={d.organization}
          sort={sort}
          sortHrefs={sortHrefs}
          thisWeekLabel={thisWeekLabel}
          trailingEndLabel={`week of ${shortDay(d.windows.trailingEnd, locale)}`}
          teamHref={teamHref}
          thresholds={d.thresholds}
        />
        <Pager page={page} hrefOf={pageHref} />
      </section>

      <section className="card" aria-labelledby="risk-title">
        <h2 id="risk-title">At risk</h2>
        <AtRiskList atRisk={d.atRisk} teamHref={teamHref} worstFirstHref={`/dashboard?${sortQuery(query, { column: "team", dir: "asc" }, "execution")}`} />
      </section>

      <HeatmapSection
        chart={heatmapChart}
        title={heatmapTitle}
        explanation={heatmapExplanation}
        modes={[
          { label: "All lead measures", href: withHeatmap("combined"), current: d.heatmapMode === "combined" },
          ...(measure ? [{ label: `${measure.name} only`, href: withHeatmap("measure"), current: d.heatmapMode === "measure" }] : []),
        ]}
        emptyText={
          d.leadMeasures.length === 0
            ? "No lead measures yet. Define one on the Measures page to see attainment here."
            : d.heatmap.teams.length === 0
              ? `No team shown tracks ${measure?.name ?? "this measure"}.`
              : null
        }
      />

      <LeadTotalsSection
        data={d.leadTotals}
        title={totalsTitle}
        unit={measure?.unit ?? ""}
        weekLabels={totalsLabels}
        locale={locale}
        emptyText={measure ? `No team shown tracks ${measure.name}.` : "No lead measures yet."}
      />
    </div>
  );
}
