import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { forbidden } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { canManageMeasures } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { formatNumber } from "@/lib/domain/format";
import { teamSettingsList } from "@/lib/views/teamSettings";
import { CreateTeamForm } from "./CreateTeamForm";
import styles from "./teams.module.css";
import { WideTable } from "@/app/_components/WideTable";

export const metadata: Metadata = { title: "Teams" };

/** Every team of the organization, active or archived: managers and above. */
export default async function TeamsSettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  if (!canManageMeasures(ctx.role)) forbidden();
  const show = (await searchParams).show === "archived" ? "archived" : "active";
  const { teams, activeCount, archivedCount } = await teamSettingsList(await getDb(), ctx.organizationId, show);
  const { locale } = ctx.organization;
  const none = activeCount + archivedCount === 0;
  return (
    <>
      <div className="page-head">
        <h1>Teams</h1>
        <p className="muted">Who is on each team, who leads it, and which lead measures it tracks each week.</p>
      </div>
      <div style={{ display: "grid", gap: "1.25rem", gridTemplateColumns: "minmax(0, 1fr)" }}>
        <section className="card" aria-labelledby="create-title">
          <h2 id="create-title">{none ? "Create your first team" : "New team"}</h2>
          <CreateTeamForm />
        </section>
        <section className="card" aria-labelledby="teams-title">
          <h2 id="teams-title">{show === "archived" ? "Archived teams" : "Teams"}</h2>
          {none ? null : (
            <nav className={`row ${styles.filter}`} aria-label="Show teams" style={{ marginBottom: "0.75rem" }}>
              <Link href="/settings/teams" aria-current={show === "active" ? "page" : undefined}>
                Active ({activeCount})
              </Link>
              <Link href="/settings/teams?show=archived" aria-current={show === "archived" ? "page" : undefined}>
                Archived ({archivedCount})
              </Link>
            </nav>
          )}
          {none ? (
            <p className="empty">No teams yet — create your first team.</p>
          ) : teams.length === 0 ? (
            <p className="empty">{show === "archived" ? "No archived teams." : "Every team is archived. Create a team, or restore one."}</p>
          ) : (
            <WideTable label="Teams">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Team</th>
                    <th scope="col" className="num">
                      Members
                    </th>
                    <th scope="col">Leads</th>
                    <th scope="col">Lead measures and weekly targets</th>
                  </tr>
                </thead>
                <tbody>
                  {teams.map((t) => (
                    <tr key={t.id} data-testid={`team-${t.name}`}>
                      <td>
                        <Link href={`/settings/teams/${t.id}`}>{t.name}</Link>
                        {t.archived ? <span className="muted"> (archived)</span> : null}
                      </td>
                      <td className="num">{t.memberCount}</td>
                      <td>{t.leads.join(", ") || <span className="muted">No lead</span>}</td>
                      <td>
                        {t.measures.length === 0 ? (
                          <span className="muted">None yet</span>
                        ) : (
                          t.measures.map((m) => `${m.name}: ${formatNumber(m.weeklyTarget, locale, 2)}`).join(" · ")
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </WideTable>
          )}
        </section>
      </div>
    </>
  );
}
