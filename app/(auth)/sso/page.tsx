import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { redirect } from "next/navigation";
import type { SsoFailure } from "@/lib/auth/sso";
import { getDb } from "@/lib/db";
import { safeCallbackUrl } from "@/lib/http/callbackUrl";
import { ssoOrganizationOfInvitation, ssoOrganizationsFor } from "@/lib/views/sso";
import { FindForm } from "./FindForm";

export const metadata: Metadata = { title: "Sign in with SSO" };

/** Why the last SSO sign-in did not happen, in words (lib/auth/sso.ts names the reasons). */
const FAILURES: Record<SsoFailure, string> = {
  unavailable: "Single sign-on isn't available for this organization right now: it may be turned off or need its settings checked. Ask an admin, or sign in with your password.",
  disabled: "Single sign-on is turned off for this organization. Sign in with your password, or ask an admin.",
  expired: "Your sign-in took too long or was started in another browser tab. Please start again.",
  provider: "Your identity provider did not sign you in (it may have been cancelled). Please try again.",
  failed: "We couldn't verify the answer from your identity provider. Please try again; if it keeps happening, ask an admin to check the SSO settings.",
  email_missing: "Your identity provider didn't share your email address, so we can't tell who you are. Ask an admin to allow the email scope for Leadlag.",
  email_unverified: "Your identity provider hasn't verified your email address, so we can't sign you in with it.",
  deactivated: "Your account in this organization is deactivated. Ask an admin to reactivate you.",
  removed: "You are no longer a member of this organization. Ask an admin to invite you again.",
  not_allowed: "Your organization hasn't allowed sign-in for this address. Ask an admin to invite you, or to add your email domain to its single sign-on settings.",
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";

function startUrl(organizationId: string, callbackUrl: string, email: string): string {
  const q = new URLSearchParams({ org: organizationId });
  if (callbackUrl !== "/") q.set("callbackUrl", callbackUrl);
  if (email) q.set("login_hint", email);
  return `/api/sso/start?${q}`;
}

export default async function SsoPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const email = one(params.email).slice(0, 320);
  const slug = one(params.slug).slice(0, 100);
  const error = one(params.error);
  const failure = error in FAILURES ? FAILURES[error as SsoFailure] : null;
  const searched = Boolean(email || slug);
  const db = await getDb();
  // Coming from an invitation link: its organization, when it uses SSO.
  const invitedTo = searched ? null : await ssoOrganizationOfInvitation(db, callbackUrl);
  const orgs = searched ? await ssoOrganizationsFor(db, { email, slug }) : invitedTo ? [invitedTo] : [];
  // One organization for this address: straight to its identity provider.
  if (searched && orgs.length === 1) redirect(startUrl(orgs[0]!.id, callbackUrl, email));

  return (
    <div className="auth-wrap">
      <div className="card auth-card" style={{ display: "grid", gap: "0.9rem" }}>
        <div>
          <h1>Sign in with SSO</h1>
          <p className="muted" style={{ marginBottom: 0 }}>
            Use your company&apos;s sign-in (Google Workspace, Microsoft Entra or another OpenID Connect provider).
          </p>
        </div>
        {failure ? (
          <p className="form-error" role="alert">
            {failure}
          </p>
        ) : null}
        {invitedTo ? (
          <a className="button" href={startUrl(invitedTo.id, callbackUrl, "")}>
            Continue to {invitedTo.name} with SSO
          </a>
        ) : null}
        {orgs.length > 1 ? (
          <div className="stack" role="group" aria-label="Choose your organization">
            <p style={{ margin: 0 }}>Several organizations use single sign-on for this address. Choose yours:</p>
            {orgs.map((o) => (
              <a key={o.id} className="button" href={startUrl(o.id, callbackUrl, email)}>
                Continue to {o.name}
              </a>
            ))}
          </div>
        ) : null}
        {searched && orgs.length === 0 ? (
          <p className="form-error" role="alert">
            {slug
              ? "No organization with that short name uses single sign-on."
              : "No organization has set up single sign-on for this email address. Sign in with your password, or ask an admin for an invitation."}
          </p>
        ) : null}
        <FindForm label="Find your organization" className="stack">
          {callbackUrl !== "/" ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
          <div className="field">
            <label htmlFor="sso-email">Work email</label>
            <input id="sso-email" name="email" type="email" autoComplete="email" defaultValue={email} required={!slug} />
          </div>
          <div>
            <button type="submit">Continue</button>
          </div>
        </FindForm>
        <details>
          <summary>Use your organization&apos;s short name instead</summary>
          <FindForm label="Find your organization by its short name" className="stack" style={{ marginTop: "0.6rem" }}>
            {callbackUrl !== "/" ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
            <div className="field">
              <label htmlFor="sso-slug">Organization short name</label>
              <input id="sso-slug" name="slug" defaultValue={slug} required />
            </div>
            <div>
              <button type="submit" className="secondary">
                Continue
              </button>
            </div>
          </FindForm>
        </details>
        <p style={{ margin: 0 }}>
          <Link href={callbackUrl === "/" ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in with a password</Link>
        </p>
      </div>
    </div>
  );
}
