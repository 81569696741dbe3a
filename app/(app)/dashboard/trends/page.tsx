import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { forbidden } from "next/navigation";
import { FilterBar } from "@/app/_components/FilterBar";
import { requirePageContext } from "@/lib/auth/context";
import { canViewDashboard } from "@/lib/auth/permissions";
import { buildLagChart } from "@/lib/charts/lagChart";
import { buildOverlayChart } from "@/lib/charts/overlayChart";
import { getDb } from "@/lib/db";
import { dayWithYear } from "@/lib/domain/format";
import { lagGoalText } from "@/lib/domain/status";
import { ForecastMethod } from "./ForecastMethod";
import { LagChart } from "./LagChart";
import { LagTable } from "./LagTable";
import { LeadLagPanel } from "./LeadLagPanel";
import { loadTrends } from "@/lib/views/trends";
import { OverlayChart } from "./OverlayChart";
import { OverlayTable } from "./OverlayTable";
import styles from "./trends.module.css";

export const metadata: Metadata = { title: "Trends · Dashboard" };

export default async function TrendsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  if (!canViewDashboard(ctx.role)) forbidden();
  const db = await getDb();
  const data = await loadTrends(db, ctx, await searchParams);
  const { locale } = ctx.organization;
  const scopeName = data.team?.name ?? ctx.organization.name;

  const head = (
    <div className="page-head">
      <Link href="/dashboard" className={styles.back}>
        ← Dashboard
      </Link>
      <h1>Trends</h1>
      <p className="muted">Lag measures against their path, their forecast, and whether a lead measure predicts them.</p>
    </div>
  );
  const filterBar = <FilterBar filters={data.filters} teams={data.teams} leadMeasures={data.leadMeasures} lagMeasures={data.lagMeasures} />;

  if (!data.lag || !data.forecast) {
    return (
      <>
        {head}
        <p className="empty">
          No lag measures yet. <Link href="/measures">Define one</Link> — a result such as CSAT or resolution time — to see its trend.
        </p>
      </>
    );
  }

  const f = data.forecast;
  const goal = f.lagMeasure;
  const lagTitle = `${data.lag.name}: weekly means, path and forecast · ${scopeName}`;
  const lagChart = buildLagChart({
    goal,
    history: data.range.map((w) => ({ weekStart: w.weekStart, value: w.lag })),
    // Both end with the filter's last week, so the forecast continues the range.
    forecast: f.forecast.points,
    locale,
  });
  const hasValues = data.range.some((w) => w.lag != null);

  return (
    <>
      {head}
      {filterBar}
      {data.scopeNote ? (
        <p className={styles.note} role="note">
          {data.scopeNote}
        </p>
      ) : null}
      <div className={styles.sections}>
        <section className="card" aria-labelledby="lag-title">
          <div className={styles.sectionHead}>
            <h2 id="lag-title">{lagTitle}</h2>
          </div>
          <p className={styles.summary}>
            Goal {lagGoalText({ baselineValue: goal.baseline.value, targetValue: goal.target.value, targetDate: goal.target.date, unit: goal.unit }, locale)}{" "}
            (baseline on {dayWithYear(goal.baseline.date, locale)}).{" "}
            {f.teamId && f.lagValuesOf === "organization" ? `${scopeName} records no values of its own: the organization's are shown. ` : ""}
          </p>
          <ForecastMethod forecast={f.forecast} cadence={f.cadence} unit={goal.unit} locale={locale} />
          {hasValues || f.forecast.kind === "forecast" ? (
            <>
              <p className="muted" data-testid="lag-summary">
                {lagChart.summary}
              </p>
              <LagChart data={lagChart} title={lagTitle} unit={goal.unit} direction={goal.direction} locale={locale} />
              <LagTable data={lagChart} title={lagTitle} unit={goal.unit} locale={locale} />
            </>
          ) : (
            <p className="empty">No {data.lag.name} values in these weeks. Record results on the measure&apos;s page or import them.</p>
          )}
        </section>

        {data.lead && data.analysis ? (
          <>
            <OverlaySection data={data} scopeName={scopeName} locale={locale} />
            <LeadLagPanel analysis={data.analysis} scopeName={scopeName} locale={locale} />
          </>
        ) : (
          <p className="empty">No lead measures yet: define one to compare it with {data.lag.name}.</p>
        )}
      </div>
    </>
  );
}

function OverlaySection({ data, scopeName, locale }: { data: Awaited<ReturnType<typeof loadTrends>>; scopeName: string; locale: string }) {
  const a = data.analysis!;
  const lead = { name: a.leadMeasure.name, unit: a.leadMeasure.unit };
  const lag = { name: a.lagMeasure.name, unit: a.lagMeasure.unit, direction: a.lagMeasure.direction };
  const cadence = data.overlay?.cadence ?? "weekly";
  const title = `${lead.name} and ${lag.name}, ${cadence === "monthly" ? "month by month" : cadence === "quarterly" ? "quarter by quarter" : "week by week"} · ${scopeName}`;
  const overlay = buildOverlayChart({ lead, lag, series: data.overlay?.series ?? [], cadence, locale });
  return (
    <section className="card" aria-labelledby="overlay-title">
      <h2 id="overlay-title">{title}</h2>
      <p className="muted">{overlay.summary}</p>
      <OverlayChart data={overlay} title={title} lead={lead} lag={lag} />
      <OverlayTable
        data={overlay}
        title={title}
        leadHead={`${lead.name}${lead.unit ? ` (${lead.unit})` : ""}`}
        lagHead={`${lag.name}${lag.unit ? ` (${lag.unit})` : ""}`}
        locale={locale}
      />
    </section>
  );
}
