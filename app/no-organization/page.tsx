import Link from "next/link";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/context";
import { getDb } from "@/lib/db";
import { organizationsAwaitingSso } from "@/lib/views/sso";

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
          <Link href="/sign-out">Sign out</Link>
        </div>
      </main>
    );
  }
  return (
    <main>
      <div className="card">
        <h1>You are not in an organization yet</h1>
        <p className="muted">
          Signed in as {viewer.user.email}. Ask an admin of your organization to add you, then sign in again.
        </p>
        <Link href="/sign-out">Sign out</Link>
      </div>
    </main>
  );
}
