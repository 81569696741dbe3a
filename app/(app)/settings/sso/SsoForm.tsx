"use client";

import { useRef, useState } from "react";
import { FormMessage, SelectField, TextField } from "@/app/_components/Field";
import { useFormAction } from "@/app/_components/useFormAction";
import type { ActionState } from "@/lib/http/runAction";
import type { SsoPreset } from "@/lib/schemas/sso";
import type { SsoSettings } from "@/lib/views/sso";
import { ssoFormAction } from "./actions";

const PRESETS: { value: SsoPreset; label: string }[] = [
  { value: "google", label: "Google Workspace" },
  { value: "microsoft", label: "Microsoft Entra ID" },
  { value: "custom", label: "Another OpenID Connect provider" },
];

export function SsoForm({ settings, redirectUri }: { settings: SsoSettings | null; redirectUri: string }) {
  const [state, onSubmit, pending] = useFormAction<ActionState>(ssoFormAction, { status: "idle" });
  const [preset, setPreset] = useState<SsoPreset>(settings?.preset ?? "google");
  const [copied, setCopied] = useState(false);
  const uriRef = useRef<HTMLInputElement>(null);
  const errors = state.status === "error" ? state.fieldErrors : {};

  async function copy() {
    try {
      await navigator.clipboard.writeText(redirectUri);
      setCopied(true);
    } catch {
      uriRef.current?.select();
    }
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Single sign-on settings">
      <div className="field">
        <label htmlFor="sso-redirect-uri">Redirect URI to register at your provider</label>
        <div className="row">
          <input id="sso-redirect-uri" ref={uriRef} readOnly value={redirectUri} onFocus={(e) => e.currentTarget.select()} spellCheck={false} style={{ fontFamily: "monospace", flex: 1 }} />
          <button type="button" className="secondary" onClick={copy}>
            {copied ? "Copied" : "Copy"}
          </button>
        </div>
        <p className="muted" style={{ margin: 0, fontSize: "0.85rem" }}>
          Create a web application (OAuth client) at your identity provider with this redirect URI and the scopes openid, email and profile.
        </p>
      </div>

      <fieldset>
        <legend>Identity provider</legend>
        <div className="checks">
          {PRESETS.map((p) => (
            <label key={p.value}>
              <input type="radio" name="preset" value={p.value} checked={preset === p.value} onChange={() => setPreset(p.value)} /> {p.label}
            </label>
          ))}
        </div>
      </fieldset>
      {preset === "microsoft" ? (
        <TextField
          id="sso-tenant"
          label="Directory (tenant) ID"
          name="tenantId"
          defaultValue={settings?.tenantId}
          errors={errors.tenantId}
          hint="In the Entra admin center: Overview → Tenant ID. Add the optional claims email and xms_edov to the ID token."
        />
      ) : null}
      {preset === "custom" ? (
        <TextField
          id="sso-issuer"
          label="Issuer URL"
          name="issuer"
          type="url"
          defaultValue={settings?.preset === "custom" ? settings.issuer : ""}
          errors={errors.issuer}
          hint="Where your provider publishes /.well-known/openid-configuration, e.g. https://acme.okta.com."
        />
      ) : null}
      <TextField id="sso-client-id" label="Client ID" name="clientId" defaultValue={settings?.clientId} autoComplete="off" errors={errors.clientId} />
      <TextField
        id="sso-client-secret"
        label="Client secret"
        name="clientSecret"
        type="password"
        autoComplete="new-password"
        placeholder={settings?.secretSet ? "Set — type a new one to replace it" : ""}
        errors={errors.clientSecret}
        hint={settings?.secretSet ? "A secret is set. It is stored encrypted and never shown again." : "Stored encrypted; never shown again."}
      />
      <div className="field">
        <label htmlFor="sso-domains">Email domains that join automatically</label>
        <textarea
          id="sso-domains"
          name="allowedDomains"
          rows={2}
          defaultValue={settings?.allowedDomains.join(", ")}
          aria-invalid={errors.allowedDomains ? true : undefined}
          aria-describedby={errors.allowedDomains ? "sso-domains-error" : "sso-domains-hint"}
        />
        {errors.allowedDomains ? (
          <p id="sso-domains-error" className="field-error">
            {errors.allowedDomains.join(" ")}
          </p>
        ) : (
          <p id="sso-domains-hint" className="muted" style={{ margin: 0, fontSize: "0.85rem" }}>
            Such as acme.com, acme.co.uk. Anyone your provider signs in with one of these addresses joins; others need an invitation. Leave empty to admit only members and invited people.
          </p>
        )}
      </div>
      <SelectField id="sso-role" label="Role of people who join this way" name="defaultRole" defaultValue={settings?.defaultRole ?? "MEMBER"} errors={errors.defaultRole}>
        <option value="VIEWER">Viewer — reads dashboards and reports</option>
        <option value="MEMBER">Member — logs their own numbers</option>
        <option value="MANAGER">Manager — runs teams and measures</option>
      </SelectField>
      <div className="checks" style={{ flexDirection: "column", alignItems: "flex-start" }}>
        <label>
          <input type="checkbox" name="enabled" defaultChecked={settings?.enabled ?? true} /> Enabled
        </label>
        <label>
          <input type="checkbox" name="requireSso" defaultChecked={settings?.requireSso ?? false} /> Require SSO for members
        </label>
        <p className="muted" style={{ margin: 0, fontSize: "0.85rem" }}>
          Members must then sign in with SSO to open this organization, admins included. Owners can still sign in with their password, so a
          broken provider cannot lock everyone out.
        </p>
      </div>
      <FormMessage state={state} />
      <div className="row">
        <button type="submit" name="intent" value="save" disabled={pending}>
          {pending ? "Working…" : "Save"}
        </button>
        <button type="submit" name="intent" value="test" className="secondary" disabled={pending}>
          Test connection
        </button>
      </div>
    </form>
  );
}
