import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { unsubscribeTarget } from "@/lib/services/notificationPreferences";
import { unsubscribeAction } from "./actions";
import { UnsubscribeForm } from "./UnsubscribeForm";

// The token is in the address: never send it on to another site as a Referer.
export const metadata: Metadata = { title: "Unsubscribe", referrer: "no-referrer" };

/** An email's "stop these emails" link: asks first (a link scanner's GET changes nothing), then a button. */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const target = unsubscribeTarget(token);
  return (
    <main className="auth-wrap">
      <div className="card auth-card" style={{ display: "grid", gap: "0.9rem" }}>
        {target ? (
          <>
            <h1>Unsubscribe</h1>
            <p className="muted" style={{ margin: 0 }}>
              Stop getting “{target.label}” by email? Notifications in the app stay as you set them.
            </p>
            <UnsubscribeForm action={unsubscribeAction.bind(null, token)} />
          </>
        ) : (
          <>
            <h1>This link can&apos;t be used</h1>
            <p className="muted" style={{ margin: 0 }}>It is not an unsubscribe link we sent.</p>
            <Link href="/sign-in">Sign in to choose your notifications</Link>
          </>
        )}
      </div>
    </main>
  );
}
