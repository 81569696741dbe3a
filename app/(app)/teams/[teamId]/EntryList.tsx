"use client";

import { useActionState, useState } from "react";
import { deleteEntryAction, restoreEntryAction, type DeleteState } from "./gridActions";

export type EntryItem = {
  id: string;
  label: string;
  detail: string;
  note: string;
  canDelete: boolean;
};

/** The week's latest entries; people delete their own (managers any), with an undo. `empty` says the week shown has none. */
export function EntryList({ entries, empty }: { entries: EntryItem[]; empty: string }) {
  const [state, remove, removing] = useActionState<DeleteState, FormData>(deleteEntryAction, { status: "idle" });
  const [undoState, undo, undoing] = useActionState<DeleteState, FormData>(restoreEntryAction, { status: "idle" });
  const [undoKey] = useState(() => crypto.randomUUID());
  const deleted = state.status === "ok" ? state.deleted : undefined;
  const undone = undoState.status === "ok";

  return (
    <>
      {deleted && !undone ? (
        <form action={undo} className="form-ok row" role="status" style={{ alignItems: "center", justifyContent: "space-between" }}>
          <span>Entry deleted.</span>
          {Object.entries({ ...deleted, id: undefined, idempotencyKey: `undo-${deleted.id}-${undoKey}` }).map(([k, v]) =>
            v === undefined ? null : <input key={k} type="hidden" name={k} value={String(v)} />,
          )}
          <button type="submit" className="secondary" disabled={undoing}>
            Undo
          </button>
        </form>
      ) : null}
      {undone ? (
        <p className="form-ok" role="status">
          {undoState.message}
        </p>
      ) : null}
      {state.status === "error" ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {entries.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="entries">
          {entries.map((e) => (
            <li key={e.id}>
              <span>
                {e.label}
                {e.note ? <span className="muted"> — {e.note}</span> : null}
              </span>
              <span className="muted" style={{ display: "flex", gap: "0.5rem", alignItems: "center", whiteSpace: "nowrap" }}>
                {e.detail}
                {e.canDelete ? (
                  <form action={remove}>
                    <input type="hidden" name="id" value={e.id} />
                    <button type="submit" className="link-button" disabled={removing} aria-label={`Delete ${e.label}, ${e.detail}`}>
                      Delete
                    </button>
                  </form>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
