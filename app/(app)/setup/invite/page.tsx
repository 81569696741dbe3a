import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { InviteForm } from "@/app/(app)/settings/invitations/InviteForm";
import { requirePageContext } from "@/lib/auth/context";
import { getDb } from "@/lib/db";
import { pageData } from "@/lib/http/page";
import { invitationsPage } from "@/lib/views/invitationsPage";
import { setupWizard } from "@/lib/views/setup";
import { SetupFrame } from "../SetupFrame";

export const metadata: Metadata = { title: "Set up: invite people" };

export default async function SetupInvitePage() {
  const ctx = await requirePageContext();
  const db = await getDb();
  await pageData(setupWizard(db, ctx));
  const view = await pageData(invitationsPage(db, ctx));
  return (
    <SetupFrame
      step="invite"
      intro="Bring your colleagues in: each gets an email with a link to set a password and join the teams you choose. Without a mail server, the emails wait in Settings → Outbox and their links are printed in the server log."
    >
      <section className="card" style={{ maxWidth: "44rem" }} aria-labelledby="invite-title">
        <h2 id="invite-title">Invite people</h2>
        <InviteForm teams={view.teams} roles={view.roles} />
        <p className="muted">
          Follow, resend or withdraw invitations later at <Link href="/settings/invitations">Settings → Invitations</Link>.
        </p>
      </section>
    </SetupFrame>
  );
}
