import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { getViewer, redirectToSignIn } from "@/lib/auth/context";
import { getDb } from "@/lib/db";
import { mediumDateTime } from "@/lib/domain/format";
import { accountView } from "@/lib/views/account";
import { ChangePasswordForm } from "./ChangePasswordForm";
import { SessionList } from "./SessionList";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const viewer = await getViewer();
  if (!viewer?.context) return redirectToSignIn();
  const { locale, timeZone } = viewer.context.organization;
  const when = (d: Date) => mediumDateTime(d, locale, timeZone);
  const account = await accountView(await getDb(), { userId: viewer.user.id, sessionId: viewer.sessionId });
  return (
    <>
      <div className="page-head">
        <h1>Your account</h1>
        <p className="muted">
          Your sign-in details and the devices you are signed in on. Reminders and digests: <Link href="/account/notifications">your notifications</Link>.
        </p>
      </div>
      <div style={{ display: "grid", gap: "1.25rem", gridTemplateColumns: "minmax(0, 1fr)" }}>
        <section className="card" aria-labelledby="profile-title">
          <h2 id="profile-title">Profile</h2>
          <dl style={{ display: "grid", gridTemplateColumns: "max-content 1fr", gap: "0.4rem 1rem", margin: 0 }}>
            <dt className="muted">Name</dt>
            <dd style={{ margin: 0 }}>{account.name}</dd>
            <dt className="muted">Email</dt>
            <dd style={{ margin: 0 }}>{account.email}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="password-title">
          <h2 id="password-title">Password</h2>
          {account.hasPassword ? (
            <>
              <p className="muted">
                {account.passwordChangedAt ? `Last changed ${when(account.passwordChangedAt)}. ` : null}
                Changing it signs you out on every other device.
              </p>
              <ChangePasswordForm email={account.email} />
            </>
          ) : (
            <p className="muted">
              You sign in with single sign-on and have no password. To be able to sign in with one as well,{" "}
              <Link href="/forgot-password">set a password by email</Link>.
            </p>
          )}
        </section>
        <section className="card" aria-labelledby="sessions-title">
          <h2 id="sessions-title">Where you&apos;re signed in</h2>
          <SessionList
            sessions={account.sessions.map((s) => ({
              id: s.id,
              device: s.device,
              method: s.method,
              current: s.current,
              createdAt: when(s.createdAt),
              lastSeenAt: when(s.lastSeenAt),
            }))}
          />
        </section>
      </div>
    </>
  );
}
