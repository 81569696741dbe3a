import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { getDb } from "@/lib/db";
import { pageData } from "@/lib/http/page";
import { passwordResetLink } from "@/lib/views/passwordResetLink";
import { resetPasswordAction } from "./actions";
import { ResetPasswordForm } from "./ResetPasswordForm";

// The token is in the address: never send it on to another site as a Referer.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // pageData: a database that cannot answer now shows "busy, try again" (app/error.tsx).
  const link = await pageData(getDb().then((db) => passwordResetLink(db, token)));
  return (
    <div className="auth-wrap">
      <div className="card auth-card" style={{ display: "grid", gap: "0.9rem" }}>
        {link.usable ? (
          <>
            <div>
              <h1>{link.hasPassword ? "Choose a new password" : "Set a password"}</h1>
              <p className="muted" style={{ marginBottom: 0 }}>
                For <strong>{link.email}</strong>. Saving it signs you out on every device and signs you in here.
              </p>
            </div>
            <ResetPasswordForm email={link.email} action={resetPasswordAction.bind(null, token)} />
          </>
        ) : (
          <>
            <div>
              <h1>This link can&apos;t be used</h1>
              <p className="muted" style={{ marginBottom: 0 }}>
                A password link works once, for one hour, and only the newest one you asked for works. This one has expired,
                has already been used, or is not a link we sent.
              </p>
            </div>
            <Link href="/forgot-password">Ask for a new link</Link>
            <Link href="/sign-in">Back to sign in</Link>
          </>
        )}
      </div>
    </div>
  );
}
