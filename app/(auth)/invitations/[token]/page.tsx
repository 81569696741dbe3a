import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { getViewer } from "@/lib/auth/context";
import { getDb } from "@/lib/db";
import { requestClientIp } from "@/lib/http/clientIp";
import { pageData } from "@/lib/http/page";
import { invitationByToken } from "@/lib/views/invitationByToken";
import { AcceptForm } from "./AcceptForm";
import { JoinButton } from "./JoinButton";

// The link's token must not travel on in a Referer header, nor the page be indexed.
export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer", robots: { index: false, follow: false } };

const ROLE_WORDS: Record<string, string> = { ADMIN: "an admin", MANAGER: "a manager", MEMBER: "a member", VIEWER: "a viewer" };

function Shell({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="auth-wrap">
      <div className="card auth-card stack">
        <p style={{ margin: 0, fontWeight: 700 }}>
          Lead<span style={{ color: "var(--accent)" }}>lag</span>
        </p>
        <h1>{title}</h1>
        {children}
      </div>
    </div>
  );
}

/** Where an invitation email's link lands: anyone with the link may open it, signed in or not. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // pageData: a database that cannot answer now shows "busy, try again" (app/error.tsx).
  const [invitation, viewer] = await pageData(Promise.all([getDb().then(async (db) => invitationByToken(db, token, await requestClientIp())), getViewer()]));
  const home = viewer ? <Link href="/">Go to Leadlag</Link> : <Link href="/sign-in">Sign in</Link>;

  if (invitation.state === "limited") {
    return (
      <Shell title="Try again later">
        <p className="form-error" role="alert">
          {invitation.message}
        </p>
        {home}
      </Shell>
    );
  }
  if (invitation.state === "unknown") {
    return (
      <Shell title="This invitation link is not valid">
        <p>Check that you opened the whole link from the email. If it still does not work, ask the person who invited you to send a new invitation.</p>
        {home}
      </Shell>
    );
  }
  if (invitation.state !== "pending") {
    const title = { expired: "This invitation has expired", revoked: "This invitation was withdrawn", accepted: "This invitation was already used" }[invitation.state];
    const why = {
      expired: `Invitation links work for 7 days. Ask someone at ${invitation.organizationName} to send it again.`,
      revoked: `Someone at ${invitation.organizationName} withdrew it. Ask them for a new invitation if you still need one.`,
      accepted: `The invitation to ${invitation.organizationName} has been accepted. Sign in as ${invitation.email} to continue.`,
    }[invitation.state];
    return (
      <Shell title={title}>
        <p>{why}</p>
        {home}
      </Shell>
    );
  }

  const teams = invitation.teamNames.length ? ` on ${invitation.teamNames.join(", ")}` : "";
  const intro = (
    <p>
      {invitation.inviterName ?? `Someone at ${invitation.organizationName}`} invited <strong>{invitation.email}</strong> to join{" "}
      {invitation.organizationName} as {ROLE_WORDS[invitation.role] ?? invitation.role.toLowerCase()}
      {teams}.
    </p>
  );
  const title = `Join ${invitation.organizationName}`;
  const callback = `/sign-in?callbackUrl=${encodeURIComponent(`/invitations/${token}`)}`;

  if (viewer && viewer.user.email.toLowerCase() === invitation.email) {
    return (
      <Shell title={title}>
        {intro}
        <JoinButton token={token} organizationName={invitation.organizationName} />
      </Shell>
    );
  }
  if (viewer) {
    return (
      <Shell title={title}>
        {intro}
        <p className="form-error" role="alert">
          You are signed in as {viewer.user.email}, but this invitation is for {invitation.email}. Sign out, then open the link again and sign in as{" "}
          {invitation.email}.
        </p>
        <div className="row">
          <Link href="/sign-out">Sign out</Link>
          <Link href="/">Stay signed in as {viewer.user.email}</Link>
        </div>
      </Shell>
    );
  }
  if (invitation.accountExists) {
    return (
      <Shell title={title}>
        {intro}
        <p>You already have a Leadlag account. Sign in as {invitation.email}, and you will come back here to join with one click.</p>
        <Link className="button" href={callback}>
          Sign in to join
        </Link>
      </Shell>
    );
  }
  return (
    <Shell title={title}>
      {intro}
      <p className="muted">Choose your name and a password to join.</p>
      <AcceptForm token={token} email={invitation.email} />
    </Shell>
  );
}
