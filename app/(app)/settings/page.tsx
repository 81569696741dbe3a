import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { canAdminister } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { mediumDateTime } from "@/lib/domain/format";
import { apiTokensOf } from "@/lib/queries/apiTokensOf";
import { LOCALE_CHOICES, timeZoneChoices } from "@/lib/schemas/organization";
import { API_SCOPES } from "@/lib/services/apiTokens";
import { CreateTokenForm } from "./CreateTokenForm";
import { OrganizationForm } from "./OrganizationForm";
import { TokenList } from "./TokenList";

export const metadata: Metadata = { title: "Settings" };

function currencyChoices(locale: string): { code: string; label: string }[] {
  const names = new Intl.DisplayNames([locale], { type: "currency" });
  return Intl.supportedValuesOf("currency").map((code) => ({ code, label: `${code} — ${names.of(code) ?? code}` }));
}

export default async function SettingsPage() {
  const ctx = await requirePageContext();
  if (!canAdminister(ctx.role)) forbidden();
  const db = await getDb();
  const tokens = await apiTokensOf(db, ctx.organizationId);
  const org = ctx.organization;
  const locales = LOCALE_CHOICES.some((l) => l.value === org.locale)
    ? [...LOCALE_CHOICES]
    : [...LOCALE_CHOICES, { value: org.locale, label: org.locale }];

  return (
    <>
      <div className="page-head">
        <h1>Settings</h1>
        <p className="muted">{org.name}: calendar, formats, status colours and API access.</p>
      </div>
      {/* One column that may shrink below the token table's width (minmax(0, …)): on a phone the
          table scrolls inside its wrapper instead of widening the page. */}
      <div style={{ display: "grid", gap: "1.25rem", gridTemplateColumns: "minmax(0, 1fr)" }}>
        <section className="card" aria-labelledby="org-title">
          <h2 id="org-title">Organization</h2>
          <OrganizationForm
            values={{
              name: org.name,
              timeZone: org.timeZone,
              weekStartsOn: org.weekStartsOn,
              currency: org.currency,
              locale: org.locale,
              // Shares are edited as percentages; rounding hides float noise such as 80.00000000000001.
              greenPercent: Math.round(org.greenThreshold * 10_000) / 100,
              amberPercent: Math.round(org.amberThreshold * 10_000) / 100,
            }}
            timeZones={timeZoneChoices()}
            currencies={currencyChoices(org.locale)}
            locales={locales}
          />
        </section>
        <section className="card" aria-labelledby="tokens-title">
          <h2 id="tokens-title">API tokens</h2>
          <p className="muted">
            Tokens let other systems (helpdesk, CRM, HR) read and write this organization&apos;s data through the{" "}
            <a href="/api/v1/openapi.json">REST API</a>. Send one as <code>Authorization: Bearer &lt;token&gt;</code>. A token
            can do only what its scopes allow.
          </p>
          <CreateTokenForm scopes={[...API_SCOPES]} />
          <h3>Tokens</h3>
          <TokenList
            tokens={tokens.map((t) => ({
              id: t.id,
              name: t.name,
              prefix: t.prefix,
              scopes: t.scopes,
              createdAt: mediumDateTime(t.createdAt, org.locale, org.timeZone),
              createdBy: t.createdBy,
              lastUsedAt: t.lastUsedAt ? mediumDateTime(t.lastUsedAt, org.locale, org.timeZone) : null,
              revokedAt: t.revokedAt ? mediumDateTime(t.revokedAt, org.locale, org.timeZone) : null,
            }))}
          />
        </section>
      </div>
    </>
  );
}
