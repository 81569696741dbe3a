import Link from "@/app/_components/Link";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/context";
import { getDb } from "@/lib/db";
import { organizationsAwaitingSso } from "@/lib/views/sso";
import { SignOutButton } from "@/app/_components/SignOutButton";

export default async function NoOrganizationPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in");
  if (viewer.context) redirect("/");
  // Organizations that require SSO hide from a password session: say how to open them.
  const awaitingSso = await organizationsAwaitingSso(
    await getDb(),
    viewer.user.id,
    viewer.memberships.map((m) => m.organizationId),
  );
  if (awaitingSso.length > 0) {
    return (
      <main>
        <div className="card stack">
          <h1>Sign in with single sign-on</h1>
          <p className="muted" style={{ margin: 0 }}>
            Signed in as {viewer.user.email}. {awaitingSso.length === 1 ? "Your organization requires" : "Your organizations require"} you to
            sign in with your company&apos;s single sign-on:
          </p>
          {awaitingSso.map((o) => (
            <a key={o.id} className="button" href={`/api/sso/start?org=${o.id}&login_hint=${encodeURIComponent(viewer.user.email)}`}>
              Sign in to {o.name} with SSO
            </a>
          ))}
          <SignOutButton />
        </div>
      </main>
    );
  }
  // No organization left to open: name the usual reasons in words, and the two ways on (start one, or sign out).
  return (
    <main className="auth-wrap">
      <div className="card auth-card" style={{ display: "grid", gap: "0.9rem" }}>
        <h1>You are not in an organization</h1>
        <p className="muted" style={{ margin: 0 }}>
          Signed in as {viewer.user.email}. There is no organization you can open with this account right now. Usually it is one of these:
        </p>
        <ul style={{ margin: 0, paddingLeft: "1.2rem", display: "grid", gap: "0.5rem" }}>
          <li>
            <strong>No one has added you yet.</strong> Ask an admin of your organization to invite you: the invitation comes by email, with a
            link to join.
          </li>
          <li>
            <strong>Your access was deactivated, or you were removed.</strong> What you logged is kept. Only an admin of that organization can
            let you back in: ask them.
          </li>
          <li>
            <strong>Your organization uses single sign-on.</strong> <Link href="/sso">Sign in with SSO</Link> with your work email.
          </li>
        </ul>
        <p style={{ margin: 0 }}>Or start one of your own: you will be its owner and can invite your colleagues.</p>
        <div className="row" style={{ alignItems: "center" }}>
          <Link className="button" href="/organizations/new">
            Create an organization
          </Link>
          <SignOutButton />
        </div>
      </div>
    </main>
  );
}
