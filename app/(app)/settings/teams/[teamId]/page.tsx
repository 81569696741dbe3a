import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { forbidden, notFound } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { canManageMeasures } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { teamSettingsPage } from "@/lib/views/teamSettings";
import { AddMembersForm } from "./AddMembersForm";
import { ArchiveTeam } from "./ArchiveTeam";
import { MemberList } from "./MemberList";
import { TeamNameForm } from "./TeamNameForm";
import { TrackedMeasures } from "./TrackedMeasures";

export const metadata: Metadata = { title: "Team settings" };

/** One team's name, people, leads and lead measures: managers and above. */
export default async function TeamSettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ teamId }, query] = await Promise.all([params, searchParams]);
  const ctx = await requirePageContext();
  if (!canManageMeasures(ctx.role)) forbidden();
  const page = await teamSettingsPage(await getDb(), ctx.organizationId, teamId);
  if (!page) notFound();
  const { team } = page;
  return (
    <>
      <div className="page-head">
        <p className="muted">
          <Link href={team.archived ? "/settings/teams?show=archived" : "/settings/teams"}>← Teams</Link>
        </p>
        <h1>
          {team.name}
          {team.archived ? <span className="muted"> (archived)</span> : null}
        </h1>
        {query.created ? (
          <p className="form-ok" role="status">
            Team created. Add its people and the lead measures it tracks.
          </p>
        ) : null}
        {team.archived ? (
          <p className="muted">Archived: it is off the dashboard and the team lists, and its history is kept. Restore it to change it.</p>
        ) : (
          <p>
            <Link href={`/teams/${team.id}`}>Open the team&apos;s page →</Link>
          </p>
        )}
      </div>
      <div className="grid">
        <div className="side">
          <section className="card" aria-labelledby="members-title">
            <h2 id="members-title">Members</h2>
            <MemberList teamId={team.id} members={page.members} editable={!team.archived} />
            {team.archived ? null : <AddMembersForm teamId={team.id} candidates={page.candidates} />}
          </section>
          <section className="card" aria-labelledby="measures-title">
            <h2 id="measures-title">Lead measures</h2>
            <p className="muted" style={{ marginTop: 0 }}>
              What the team does each week, with a weekly target for the team and, if you like, for each person. A changed
              target applies from this week on; earlier weeks keep theirs.
            </p>
            <TrackedMeasures teamId={team.id} measures={page.measures} available={page.available} editable={!team.archived} />
          </section>
        </div>
        <div className="side">
          <section className="card" aria-labelledby="name-title">
            <h2 id="name-title">Name</h2>
            <TeamNameForm teamId={team.id} name={team.name} />
          </section>
          <section className="card" aria-labelledby="archive-title">
            <h2 id="archive-title">{team.archived ? "Restore" : "Archive"}</h2>
            <ArchiveTeam teamId={team.id} name={team.name} archived={team.archived} />
          </section>
        </div>
      </div>
    </>
  );
}
