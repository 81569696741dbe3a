"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/app/_components/Field";
import type { ActionState } from "@/lib/http/runAction";
import { updatePerson } from "./actions";
import styles from "./people.module.css";

export type PersonItem = {
  id: string;
  name: string;
  email: string;
  role: string;
  status: "active" | "deactivated";
  teams: { name: string; isLead: boolean }[];
  lastSeen: string | null;
  isMe: boolean;
  roles: string[];
  canDeactivate: boolean;
  canRemove: boolean;
  canTransfer: boolean;
};

const ROLE_NAMES: Record<string, string> = { OWNER: "Owner", ADMIN: "Admin", MANAGER: "Manager", MEMBER: "Member", VIEWER: "Viewer" };

type Act = (form: FormData) => void;

/** A destructive change asks once more, in place; Cancel takes the focus so Escape-like undo is one key. */
function Confirmed({ person, intent, label, question, action, pending }: { person: PersonItem; intent: string; label: string; question: string; action: Act; pending: boolean }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="secondary" onClick={() => setConfirming(true)} aria-label={`${label} ${person.name}`}>
        {label}
      </button>
    );
  }
  return (
    <form action={action} className={styles.confirm} aria-label={`Confirm: ${label} ${person.name}`}>
      <input type="hidden" name="userId" value={person.id} />
      <input type="hidden" name="intent" value={intent} />
      <span>{question}</span>
      <button type="submit" className={styles.danger} disabled={pending}>
        Yes, {label.toLowerCase()}
      </button>
      <button type="button" className="secondary" onClick={() => setConfirming(false)} autoFocus>
        Cancel
      </button>
    </form>
  );
}

function Person({ person, action, pending }: { person: PersonItem; action: Act; pending: boolean }) {
  const roleId = `role-${person.id}`;
  return (
    <li className={styles.person} data-testid={`person-${person.email}`}>
      <div className={styles.head}>
        <span className={styles.name}>
          {person.name}
          {person.isMe ? <span className="muted"> (you)</span> : null}
        </span>
        <span className={styles.email}>{person.email}</span>
        <span className="badge none">{ROLE_NAMES[person.role] ?? person.role}</span>
        {person.status === "deactivated" ? <span className="badge red">Deactivated</span> : <span className="badge green">Active</span>}
      </div>
      <div className={styles.meta}>
        <span>
          Teams:{" "}
          {person.teams.length ? person.teams.map((t) => `${t.name}${t.isLead ? " (lead)" : ""}`).join(", ") : "none"}
        </span>
        <span>Last seen: {person.lastSeen ?? "never"}</span>
      </div>
      <div className={styles.controls}>
        {person.roles.length ? (
          <form action={action} aria-label={`Role of ${person.name}`}>
            <input type="hidden" name="userId" value={person.id} />
            <input type="hidden" name="intent" value="role" />
            <div className="field">
              <label htmlFor={roleId}>Role</label>
              <select id={roleId} name="role" defaultValue={person.roles.includes(person.role) ? person.role : ""}>
                {person.roles.includes(person.role) ? null : (
                  <option value="" disabled>
                    {ROLE_NAMES[person.role]}
                  </option>
                )}
                {person.roles.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_NAMES[r]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="secondary" disabled={pending} aria-label={`Change role of ${person.name}`}>
              Change role
            </button>
          </form>
        ) : null}
        {person.canDeactivate && person.status === "active" ? (
          <form action={action}>
            <input type="hidden" name="userId" value={person.id} />
            <input type="hidden" name="intent" value="deactivate" />
            <button type="submit" className="secondary" disabled={pending} aria-label={`Deactivate ${person.name}`}>
              Deactivate
            </button>
          </form>
        ) : null}
        {person.canDeactivate && person.status === "deactivated" ? (
          <form action={action}>
            <input type="hidden" name="userId" value={person.id} />
            <input type="hidden" name="intent" value="reactivate" />
            <button type="submit" className="secondary" disabled={pending} aria-label={`Reactivate ${person.name}`}>
              Reactivate
            </button>
          </form>
        ) : null}
        {person.canRemove ? (
          <Confirmed
            person={person}
            intent="remove"
            label="Remove"
            question={`Remove ${person.name} from the organization? They lose access, leave their teams and no longer own any measure; their past entries stay.`}
            action={action}
            pending={pending}
          />
        ) : null}
        {person.canTransfer ? (
          <Confirmed
            person={person}
            intent="transfer"
            label="Make owner"
            question={`Hand the organization to ${person.name}? They become its owner and you become an admin.`}
            action={action}
            pending={pending}
          />
        ) : null}
      </div>
    </li>
  );
}

export function PeopleList({ people }: { people: PersonItem[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(updatePerson, { status: "idle" });
  const fieldErrors = state.status === "error" ? Object.values(state.fieldErrors).flat() : [];
  return (
    <div className="stack" style={{ display: "grid", gap: "0.75rem" }}>
      <div aria-live="polite">
        <FormMessage state={state} />
        {fieldErrors.length ? <p className="field-error">{fieldErrors.join(" ")}</p> : null}
      </div>
      {people.length === 0 ? (
        <p className="empty">Nobody matches.</p>
      ) : (
        <ul className={styles.list}>
          {people.map((p) => (
            <Person key={p.id} person={p} action={action} pending={pending} />
          ))}
        </ul>
      )}
    </div>
  );
}
