import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/context";
import { SignInForm } from "./SignInForm";

export const metadata: Metadata = { title: "Sign in" };

/** Only same-site paths: a sign-in link must not send people elsewhere. */
function safeCallback(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  return v && v.startsWith("/") && !v.startsWith("//") ? v : "/";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  return (
    <div className="auth-wrap">
      <div className="card auth-card">
        <h1>
          Lead<span style={{ color: "var(--accent)" }}>lag</span>
        </h1>
        <p className="muted">Sign in to log this week&apos;s numbers and see whether your team is winning.</p>
        <SignInForm callbackUrl={callbackUrl} />
      </div>
    </div>
  );
}
