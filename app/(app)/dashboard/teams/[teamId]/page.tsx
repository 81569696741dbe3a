import * as clock from "@/lib/clock";
import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { FilterBar } from "@/app/_components/FilterBar";
import { requirePageContext } from "@/lib/auth/context";
import { filtersToQuery, parseFilters } from "@/lib/schemas/dashboardFilters";
import { getDb } from "@/lib/db";
import { pageData } from "@/lib/http/page";
import { addDays, localDay } from "@/lib/domain/calendar/weeks";
import { weeksRangeLabel } from "@/lib/domain/format";
import styles from "../_drilldown/drilldown.module.css";
import { CommitmentsByWeek } from "./CommitmentsByWeek";
import { loadTeamDrilldown } from "@/lib/views/teamDrilldown";
import { MemberTotals } from "./MemberTotals";
import { TeamEntries } from "./TeamEntries";

export const metadata: Metadata = { title: "Team drill-down" };

export default async function TeamDrilldownPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ teamId }, query] = await Promise.all([params, searchParams]);
  const ctx = await requirePageContext();
  const { locale, timeZone, weekStartsOn } = ctx.organization;
  // Only the date range applies here: the page is one team, and it shows all its measures.
  const filters = { ...parseFilters(query, localDay(clock.now(), timeZone), weekStartsOn), teamIds: [], leadMeasureId: null, lagMeasureId: null };
  const cursor = typeof query.entries === "string" ? query.entries : undefined;
  const d = await pageData(loadTeamDrilldown(await getDb(), ctx, teamId, filters, cursor));

  const range = filtersToQuery({ firstWeek: filters.firstWeek, lastWeek: filters.lastWeek });
  const rangeLabel = weeksRangeLabel(filters.firstWeek, filters.lastWeek, locale);
  const here = `/dashboard/teams/${teamId}`;
  const tableTitle = `${d.team.name}: lead measures per person, ${filters.firstWeek} to ${addDays(filters.lastWeek, 6)}`;

  return (
    <>
      <div className="page-head">
        <p className={styles.crumbs}>
          <Link href={`/dashboard?${range}`}>← Dashboard</Link>
        </p>
        <h1>{d.team.name}</h1>
        <p className="muted">{rangeLabel}</p>
        <p className={styles.links}>
          <Link href={`/teams/${teamId}/check-in`}>Weekly check-in →</Link>
          <Link href={`/teams/${teamId}`}>Team page →</Link>
        </p>
      </div>
      <div className={styles.rangeOnly}>
        <FilterBar filters={filters} teams={[]} />
      </div>
      <div className={styles.stack}>
        <section className="card" aria-labelledby="members-title">
          <h2 id="members-title">Lead measures per person</h2>
          <MemberTotals summary={d.members} title={tableTitle} locale={locale} />
        </section>

        <section className="card" aria-labelledby="commitments-title">
          <h2 id="commitments-title">Commitments</h2>
          <CommitmentsByWeek commitments={d.commitments.commitments} counts={d.commitments.counts} locale={locale} />
        </section>

        <section className="card" aria-labelledby="entries-title">
          <h2 id="entries-title">Entries</h2>
          <TeamEntries
            entries={d.entries.entries}
            total={d.entries.total}
            pageLinks={{
              first: cursor ? `${here}?${range}#entries-title` : null,
              next: d.entries.nextCursor ? `${here}?${range}&entries=${d.entries.nextCursor}#entries-title` : null,
            }}
            locale={locale}
            timeZone={timeZone}
          />
        </section>
      </div>
    </>
  );
}
