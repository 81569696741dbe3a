"use client";

import { useEffect, useRef, useState } from "react";
import { useFormAction } from "@/app/_components/useFormAction";
import { FormMessage, TextField } from "@/app/_components/Field";
import { SCOPE_DESCRIPTIONS } from "@/lib/auth/scopes";
import type { ApiScope } from "@/lib/services/apiTokens";
import { createToken, type CreateTokenState } from "./actions";

export function CreateTokenForm({ scopes }: { scopes: ApiScope[] }) {
  const [state, onSubmit, pending] = useFormAction<CreateTokenState>(createToken, { status: "idle" });
  // The token stays on screen until the admin dismisses it; it cannot be fetched again.
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [copiedToken, setCopiedToken] = useState<string | null>(null);
  const shown = state.token && state.token !== dismissed ? state.token : null;
  const copied = shown != null && copiedToken === shown;
  const tokenRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (shown) tokenRef.current?.focus();
  }, [shown]);
  const errors = state.status === "error" ? state.fieldErrors : {};

  async function copy() {
    if (!shown) return;
    try {
      await navigator.clipboard.writeText(shown);
      setCopiedToken(shown);
    } catch {
      // No clipboard permission: select the text so Ctrl/Cmd+C copies it.
      tokenRef.current?.select();
    }
  }

  if (shown) {
    return (
      <div className="stack" role="region" aria-label="New API token">
        <p className="form-ok" role="status">
          {state.status === "ok" ? state.message : "Token created."}
        </p>
        <div className="field">
          <label htmlFor="new-token">Your new token</label>
          <input id="new-token" ref={tokenRef} readOnly value={shown} onFocus={(e) => e.currentTarget.select()} spellCheck={false} style={{ fontFamily: "monospace" }} />
        </div>
        <p className="form-error" role="note">
          Copy it now and store it somewhere safe: it will not be shown again. Only a fingerprint of it is stored.
        </p>
        <div className="row">
          <button type="button" onClick={copy}>
            {copied ? "Copied" : "Copy token"}
          </button>
          <button type="button" className="secondary" onClick={() => setDismissed(shown)}>
            Done
          </button>
        </div>
        <span className="sr-only" aria-live="polite">
          {copied ? "Token copied to the clipboard." : ""}
        </span>
      </div>
    );
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Create an API token">
      {state.status === "error" && <FormMessage state={state} />}
      <TextField id="token-name" label="Token name" name="name" maxLength={80} hint="Which system uses it, e.g. “Zendesk CSAT sync”." errors={errors.name} />
      <fieldset aria-describedby={errors.scopes ? "scopes-error" : undefined}>
        <legend>Scopes</legend>
        <div className="checks" style={{ flexDirection: "column" }}>
          {scopes.map((s) => (
            <label key={s} style={{ alignItems: "baseline", flexWrap: "wrap" }}>
              <input type="checkbox" name="scopes" value={s} /> <code>{s}</code>
              <span className="muted" style={{ fontSize: "0.88rem" }}>
                {SCOPE_DESCRIPTIONS[s]}
              </span>
            </label>
          ))}
        </div>
        {errors.scopes && (
          <p id="scopes-error" className="field-error">
            {errors.scopes.join(" ")}
          </p>
        )}
      </fieldset>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </button>
      </div>
    </form>
  );
}
