"use client";
// Share this report with someone who has no account: a read-only link that expires (7, 30 or 90
// days) and can be revoked. The link is shown once, when it is made; the list shows the links
// that still work, with Revoke.
import { useActionState } from "react";
import { FormMessage, SelectField } from "@/app/_components/Field";
import { RowActionButton } from "@/app/_components/RowActionButton";
import { DEFAULT_SHARE_DAYS, SHARE_DAYS } from "@/lib/schemas/reports";
import { createShareAction, revokeShareAction, type ShareState } from "./actions";
import styles from "./report.module.css";

export type ShareRow = { id: string; created: string; expires: string; createdBy: string | null };

export function ShareLinks({ reportId, shares }: { reportId: string; shares: ShareRow[] }) {
  const [state, create, pending] = useActionState<ShareState, FormData>(createShareAction, { status: "idle" });
  return (
    <section className={styles.share} aria-labelledby="share-title">
      <h2 id="share-title">Share by link</h2>
      <p className="muted">Anyone with the link can read this report and download its PDF without an account, until it expires or you revoke it.</p>
      <form action={create} className={styles.shareForm}>
        <input type="hidden" name="reportId" value={reportId} />
        <SelectField label="Link lasts" name="days" defaultValue={String(DEFAULT_SHARE_DAYS)} errors={state.status === "error" ? state.fieldErrors.days : undefined}>
          {SHARE_DAYS.map((d) => (
            <option key={d} value={d}>
              {d} days
            </option>
          ))}
        </SelectField>
        <button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create share link"}
        </button>
      </form>
      <FormMessage state={state} />
      {state.url ? (
        <div className="field">
          <label htmlFor="share-url">Share link</label>
          <input id="share-url" readOnly value={state.url} onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : null}
      {shares.length ? (
        <table className={styles.shareTable}>
          <caption>Links that work now</caption>
          <thead>
            <tr>
              <th scope="col">Created</th>
              <th scope="col">By</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="sr-only">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shares.map((s) => (
              <tr key={s.id}>
                <td>{s.created}</td>
                <td>{s.createdBy ?? "—"}</td>
                <td>{s.expires}</td>
                <td>
                  <RowActionButton action={revokeShareAction} id={s.id} label={`Revoke the link created ${s.created}`} text="Revoke" pendingText="Revoking…" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No link to this report works now.</p>
      )}
    </section>
  );
}
