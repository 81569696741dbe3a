import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/context";
import { getDb } from "@/lib/db";
import { mediumDateTime } from "@/lib/domain/format";
import { pageData } from "@/lib/http/page";
import { invitationsPage } from "@/lib/views/invitationsPage";
import { InvitationList } from "./InvitationList";
import { InviteForm } from "./InviteForm";

export const metadata: Metadata = { title: "Invitations" };

/** Invite people and follow the invitations: managers and above. */
export default async function InvitationsPage() {
  const ctx = await requirePageContext();
  const view = await pageData(invitationsPage(await getDb(), ctx));
  const { locale, timeZone } = ctx.organization;
  const at = (iso: string | null) => (iso ? mediumDateTime(iso, locale, timeZone) : null);
  return (
    <>
      <div className="page-head">
        <h1>Invitations</h1>
        <p className="muted">Bring your colleagues into {ctx.organization.name}: each gets an email with a link that works once, for 7 days.</p>
      </div>
      <div style={{ display: "grid", gap: "1.25rem", gridTemplateColumns: "minmax(0, 1fr)" }}>
        <section className="card" aria-labelledby="invite-title">
          <h2 id="invite-title">Invite people</h2>
          <InviteForm teams={view.teams} roles={view.roles} />
        </section>
        <section className="card" aria-labelledby="invitations-title">
          <h2 id="invitations-title">Sent invitations</h2>
          <InvitationList
            invitations={view.invitations.map((i) => ({
              id: i.id,
              email: i.email,
              role: i.role,
              teamNames: i.teamNames,
              status: i.status,
              sent: at(i.lastSentAt)!,
              sendCount: i.sendCount,
              expires: at(i.expiresAt)!,
              settled: i.acceptedAt ? `on ${at(i.acceptedAt)}` : i.revokedAt ? `on ${at(i.revokedAt)}` : null,
              invitedBy: i.invitedBy,
              manageable: i.manageable,
            }))}
          />
          {view.more ? <p className="muted">Showing the 200 most recent invitations.</p> : null}
        </section>
      </div>
    </>
  );
}
