"use client";

import Link from "@/app/_components/Link";
import { useId, useState } from "react";
import { useFormAction } from "@/app/_components/useFormAction";
import { FieldError, FormMessage } from "@/app/_components/Field";
import type { ActionState } from "@/lib/http/runAction";
import { addMembersAction } from "../actions";
import styles from "../teams.module.css";

type Person = { userId: string; name: string; email: string };

/** How many matches the picker lists at once; typing narrows a longer list. */
const SHOWN = 50;

/**
 * The add-person picker: the organization's active people who are not on the team, found by
 * name or email, ticked, and added together.
 */
export function AddMembersForm({ teamId, candidates }: { teamId: string; candidates: Person[] }) {
  const [state, onSubmit, pending] = useFormAction<ActionState>(addMembersAction, { status: "idle" });
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const id = useId();
  // Once added, people leave the candidates: forget them.
  const available = new Set(candidates.map((c) => c.userId));
  const picked = [...chosen].filter((u) => available.has(u));
  const q = query.trim().toLowerCase();
  const matches = candidates.filter((c) => !q || c.name.toLowerCase().includes(q) || c.email.toLowerCase().includes(q));
  const errors = state.status === "error" ? state.fieldErrors : {};

  if (candidates.length === 0) {
    return (
      <p className="muted">
        Everyone in the organization is on this team. Invite more people from <Link href="/settings/invitations">Invitations</Link>.
      </p>
    );
  }
  const toggle = (userId: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(userId);
      else next.delete(userId);
      return next;
    });
  return (
    <form onSubmit={onSubmit} className="stack" aria-label="Add people to the team" style={{ marginTop: "1rem" }}>
      <h3 style={{ margin: 0, fontSize: "1rem" }}>Add people</h3>
      <input type="hidden" name="teamId" value={teamId} />
      {picked.map((u) => (
        <input key={u} type="hidden" name="userIds" value={u} />
      ))}
      <div className="field">
        <label htmlFor={`${id}-find`}>Find a person</label>
        <input id={`${id}-find`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name or email" autoComplete="off" />
      </div>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }} aria-describedby={errors.userIds ? `${id}-error` : undefined}>
        <legend className="sr-only">People to add</legend>
        {matches.length === 0 ? (
          <p className="muted" style={{ margin: 0 }}>
            No one matches “{query}”.
          </p>
        ) : (
          <div className={styles.picker}>
            {matches.slice(0, SHOWN).map((c) => (
              <label key={c.userId}>
                <input type="checkbox" checked={chosen.has(c.userId)} onChange={(e) => toggle(c.userId, e.target.checked)} />
                <span>
                  {c.name} <span className={`muted ${styles.small}`}>{c.email}</span>
                </span>
              </label>
            ))}
            {matches.length > SHOWN ? <p className="muted" style={{ margin: 0 }}>{matches.length - SHOWN} more: type to narrow the list.</p> : null}
          </div>
        )}
      </fieldset>
      <FieldError id={`${id}-error`} errors={errors.userIds} />
      {errors.userIds ? null : <FormMessage state={state} />}
      <div>
        <button type="submit" disabled={pending || picked.length === 0}>
          {pending ? "Adding…" : picked.length > 1 ? `Add ${picked.length} people` : "Add to team"}
        </button>
      </div>
    </form>
  );
}
