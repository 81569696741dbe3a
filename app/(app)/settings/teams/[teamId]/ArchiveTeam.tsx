"use client";

import { useActionState, useState, type CSSProperties } from "react";
import { FormMessage } from "@/app/_components/Field";
import type { ActionState } from "@/lib/http/runAction";
import { archiveTeamAction } from "../actions";
import styles from "../teams.module.css";

/** Archiving asks once more: the team leaves the dashboard and nobody can log for it. Restoring does not. */
export function ArchiveTeam({ teamId, name, archived }: { teamId: string; name: string; archived: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(archiveTeamAction, { status: "idle" });
  const [confirming, setConfirming] = useState(false);
  // Once archived (or restored), a later archive asks again.
  const [shown, setShown] = useState(archived);
  if (shown !== archived) {
    setShown(archived);
    setConfirming(false);
  }
  const form = (label: string, busy: string, style?: CSSProperties) => (
    <form action={action}>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <button type="submit" disabled={pending} style={style}>
        {pending ? busy : label}
      </button>
    </form>
  );
  return (
    <div className={styles.stack}>
      {archived ? (
        <>
          <p className="muted" style={{ margin: 0 }}>
            Restoring brings the team back to the dashboard and the team lists, with its people and measures.
          </p>
          {form("Restore team", "Restoring…")}
        </>
      ) : confirming ? (
        <div className={styles.stack} role="group" aria-label={`Confirm archiving ${name}`}>
          <p style={{ margin: 0 }}>
            Archive <strong>{name}</strong>? It leaves the dashboard and the team lists and no one can log for it. Its entries,
            check-ins and members are kept, and you can restore it later.
          </p>
          <div className="row">
            {form("Yes, archive", "Archiving…", { background: "var(--red)" })}
            <button type="button" className="secondary" onClick={() => setConfirming(false)} autoFocus>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <>
          <p className="muted" style={{ margin: 0 }}>
            A team that stopped working together: it leaves the dashboard, its history stays.
          </p>
          <div>
            <button type="button" className="secondary" onClick={() => setConfirming(true)}>
              Archive team…
            </button>
          </div>
        </>
      )}
      <FormMessage state={state} />
    </div>
  );
}
