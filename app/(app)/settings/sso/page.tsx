import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/context";
import { ssoRedirectUri } from "@/lib/auth/sso";
import { getDb } from "@/lib/db";
import { pageData } from "@/lib/http/page";
import { ssoSettingsOf } from "@/lib/views/sso";
import { SsoForm } from "./SsoForm";

export const metadata: Metadata = { title: "Single sign-on" };

export default async function SsoSettingsPage() {
  const ctx = await requirePageContext();
  const settings = await pageData(ssoSettingsOf(await getDb(), ctx));
  return (
    <>
      <div className="page-head">
        <h1>Single sign-on</h1>
        <p className="muted">
          Let people sign in to {ctx.organization.name} with your company&apos;s identity provider (OpenID Connect).
        </p>
      </div>
      <section className="card" aria-labelledby="sso-title">
        <h2 id="sso-title">Connection</h2>
        <SsoForm settings={settings} redirectUri={ssoRedirectUri()} />
      </section>
    </>
  );
}
