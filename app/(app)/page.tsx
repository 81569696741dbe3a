import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { redirect } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { canAdminister, canManageMeasures, canViewDashboard } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { teamsVisibleTo } from "@/lib/queries/teamsVisibleTo";
import { setupPending } from "@/lib/views/setup";

export const metadata: Metadata = { title: "My teams" };

export default async function HomePage() {
  const ctx = await requirePageContext();
  const db = await getDb();
  // A new organization's admins start with the setup wizard until they finish or skip it.
  if (canAdminister(ctx.role) && (await setupPending(db, ctx.organizationId))) redirect("/setup");
  const teams = await teamsVisibleTo(db, ctx);
  const mine = teams.filter((t) => t.isMine);
  // A front-line member with one team goes straight to where they log.
  if (!canViewDashboard(ctx.role) && mine.length === 1) redirect(`/teams/${mine[0]!.id}`);
  return (
    <>
      <div className="page-head">
        <h1>Teams</h1>
        <p className="muted">{ctx.organization.name}</p>
      </div>
      {teams.length === 0 ? (
        canManageMeasures(ctx.role) ? (
          <p className="empty">
            No teams yet. <Link href={canAdminister(ctx.role) ? "/setup/teams" : "/settings/teams"}>Add your first team</Link>, then give it
            lead measures to log.
          </p>
        ) : (
          <p className="empty">You are not on a team yet. Ask your manager to add you to one.</p>
        )
      ) : (
        <div className="card">
          <ul className="team-list">
            {teams.map((t) => (
              <li key={t.id}>
                <Link href={`/teams/${t.id}`}>{t.name}</Link>{" "}
                <span className="muted">
                  · {t.memberCount} {t.memberCount === 1 ? "person" : "people"}
                  {t.isMine ? " · your team" : ""}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {canViewDashboard(ctx.role) && (
        <p>
          <Link href="/dashboard">Open the manager dashboard →</Link>
        </p>
      )}
      <p className="muted">
        <Link href="/organizations/new">Create another organization</Link>
      </p>
    </>
  );
}
