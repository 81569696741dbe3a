"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/app/_components/Field";
import type { ActionState } from "@/lib/http/runAction";
import { revokeToken } from "./actions";
import { WideTable } from "@/app/_components/WideTable";

export type TokenItem = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

/** Revoking asks once more: integrations using the token stop working at once. */
function RevokeButton({ token, action, pending }: { token: TokenItem; action: (form: FormData) => void; pending: boolean }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="secondary" onClick={() => setConfirming(true)} aria-label={`Revoke ${token.name}`}>
        Revoke
      </button>
    );
  }
  return (
    <form action={action} className="row" style={{ alignItems: "center" }} aria-label={`Confirm revoking ${token.name}`}>
      <input type="hidden" name="id" value={token.id} />
      <span>Systems using it will be refused at once.</span>
      <button type="submit" disabled={pending} style={{ background: "var(--red)" }}>
        {pending ? "Revoking…" : "Yes, revoke"}
      </button>
      <button type="button" className="secondary" onClick={() => setConfirming(false)} autoFocus>
        Cancel
      </button>
    </form>
  );
}

export function TokenList({ tokens }: { tokens: TokenItem[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(revokeToken, { status: "idle" });
  if (tokens.length === 0) {
    return <p className="empty">No API tokens yet. Create one above to connect another system.</p>;
  }
  return (
    <div className="stack">
      <FormMessage state={state} />
      <WideTable label="API tokens">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Token</th>
              <th scope="col">Scopes</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} data-testid={`token-${t.name}`}>
                <td>{t.name}</td>
                <td>
                  <code style={{ whiteSpace: "nowrap" }}>{t.prefix}</code>
                </td>
                <td>{t.scopes.join(", ")}</td>
                <td>
                  {t.createdAt}
                  {t.createdBy ? <span className="muted"> by {t.createdBy}</span> : null}
                </td>
                <td>{t.lastUsedAt ?? <span className="muted">Never</span>}</td>
                <td>
                  {t.revokedAt ? (
                    <span className="badge red">Revoked {t.revokedAt}</span>
                  ) : (
                    <RevokeButton token={t} action={action} pending={pending} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </WideTable>
    </div>
  );
}
