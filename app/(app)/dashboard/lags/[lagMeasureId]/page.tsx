import * as clock from "@/lib/clock";
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { FilterBar } from "@/app/_components/FilterBar";
import { requirePageContext } from "@/lib/auth/context";
import { filtersToQuery, parseFilters } from "@/lib/schemas/dashboardFilters";
import { getDb } from "@/lib/db";
import { pageData } from "@/lib/http/page";
import { DIRECTION_LABEL, lagGoalText } from "@/lib/domain/status";
import { localDay } from "@/lib/domain/calendar/weeks";
import { weeksRangeLabel } from "@/lib/domain/format";
import styles from "../../teams/_drilldown/drilldown.module.css";
import { LagObservations } from "./LagObservations";
import { loadLagDrilldown } from "@/lib/views/lagDrilldown";
import { SourceCounts } from "./SourceCounts";

export const metadata: Metadata = { title: "Lag drill-down" };

export default async function LagDrilldownPage({
  params,
  searchParams,
}: {
  params: Promise<{ lagMeasureId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ lagMeasureId }, query] = await Promise.all([params, searchParams]);
  const ctx = await requirePageContext();
  const { locale, timeZone, weekStartsOn } = ctx.organization;
  const parsed = parseFilters(query, localDay(clock.now(), timeZone), weekStartsOn);
  const cursor = typeof query.observations === "string" ? query.observations : undefined;
  const d = await pageData(loadLagDrilldown(await getDb(), ctx, lagMeasureId, parsed, cursor));
  // The measure is the page itself; only the range and the teams filter it.
  const filters = { ...parsed, teamIds: d.teamIds, leadMeasureId: null, lagMeasureId: null };
  const { measure } = d;

  const here = `/dashboard/lags/${measure.id}`;
  const pageQuery = filtersToQuery({ firstWeek: filters.firstWeek, lastWeek: filters.lastWeek, teamIds: filters.teamIds });
  const dashboard = filtersToQuery({ ...filters, lagMeasureId: measure.id });
  const rangeLabel = weeksRangeLabel(filters.firstWeek, filters.lastWeek, locale);
  const teamNames = d.teams.filter((t) => filters.teamIds.includes(t.id)).map((t) => t.name);

  return (
    <>
      <div className="page-head">
        <p className={styles.crumbs}>
          <Link href={`/dashboard?${dashboard}`}>← Dashboard</Link>
        </p>
        <h1>{measure.name}</h1>
        <p>
          Goal: {lagGoalText(measure, locale)} ({measure.direction === "LOWER_IS_BETTER" ? "↓" : "↑"} {DIRECTION_LABEL[measure.direction]}
          ) · {measure.teamName ? `${measure.teamName}'s measure` : "organization-wide"}
          {measure.ownerName ? ` · owner: ${measure.ownerName}` : ""}
          {measure.archived ? " · archived" : ""}
        </p>
        <p className="muted">
          {rangeLabel}
          {teamNames.length ? ` · values for ${teamNames.join(", ")} only` : ""}
        </p>
        <p className={styles.links}>
          <Link href={`/measures/lag/${measure.id}`}>Record a result on the measure&apos;s page →</Link>
        </p>
      </div>
      <FilterBar filters={filters} teams={d.teams} />
      <div className={styles.stack}>
        <section className="card" aria-labelledby="sources-title">
          <h2 id="sources-title">Where the numbers come from</h2>
          <SourceCounts bySource={d.bySource} total={d.total} locale={locale} />
        </section>
        <section className="card" aria-labelledby="observations-title">
          <h2 id="observations-title">Observations</h2>
          <LagObservations
            observations={d.observations}
            unit={measure.unit}
            empty={
              d.total > 0
                ? "No more observations."
                : teamNames.length
                  ? "No values recorded for these teams in these weeks. Organization-wide values show with all teams."
                  : "No values recorded in these weeks."
            }
            pageLinks={{
              first: cursor ? `${here}?${pageQuery}#observations-title` : null,
              next: d.nextCursor ? `${here}?${pageQuery}&observations=${d.nextCursor}#observations-title` : null,
            }}
            locale={locale}
            timeZone={timeZone}
          />
        </section>
      </div>
    </>
  );
}
