import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/context";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { safeCallbackUrl } from "@/lib/http/callbackUrl";
import { instanceIsEmpty } from "@/lib/services/signup";
import { isLockMessage } from "./lockMessage";
import { SignInForm } from "./SignInForm";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Only same-site paths: a sign-in link must not send people elsewhere.
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  // An empty instance: the first visit creates the first owner (whatever LEADLAG_SIGNUP says).
  if (await instanceIsEmpty(await getDb())) redirect("/sign-up");
  const sso = callbackUrl === "/" ? "/sso" : `/sso?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return (
    <div className="auth-wrap">
      <div className="card auth-card" style={{ display: "grid", gap: "0.9rem" }}>
        <div>
          <h1>
            Lead<span style={{ color: "var(--accent)" }}>lag</span>
          </h1>
          <p className="muted">Sign in to log this week&apos;s numbers and see whether your team is winning.</p>
        </div>
        {/* next-auth sends failed sign-ins of other kinds here with ?error=… */}
        <SignInForm
          callbackUrl={callbackUrl}
          initialError={isLockMessage(String(params.error)) ? String(params.error) : params.error ? "Sign-in failed. Please try again." : undefined}
        />
        <p style={{ margin: 0 }}>
          <Link href="/forgot-password">Forgot password?</Link>
        </p>
        <p style={{ margin: 0 }}>
          <Link href={sso}>Sign in with SSO</Link>
        </p>
        {env().LEADLAG_SIGNUP === "open" ? (
          <p className="muted" style={{ margin: 0 }}>
            New to Leadlag? <Link href="/sign-up">Create an organization</Link>
          </p>
        ) : null}
      </div>
    </div>
  );
}
