"use client";
// Removes one ledger line and offers to put it back: removal is immediate (no confirm dialog),
// so a slip costs one click to undo. The removed row unmounts when the page refreshes, so the
// undo lives in the section's RemovalArea, not in the row.
import { createContext, useContext, useState, useTransition, type ReactNode } from "react";
import { FormMessage } from "@/app/_components/Field";
import type { ActionState } from "@/lib/http/runAction";
import { removeLineAction, undoRemoveAction, type RemoveState } from "../actions";

type Removal = { set(state: RemoveState): void };
const RemovalContext = createContext<Removal | null>(null);

export function RemovalArea({ children }: { children: ReactNode }) {
  const [removed, setRemoved] = useState<RemoveState>({ status: "idle" });
  const [restored, setRestored] = useState<ActionState>({ status: "idle" });
  const [pending, startTransition] = useTransition();
  function undo() {
    const u = removed.undo;
    if (!u) return;
    const form = new FormData();
    form.set("kind", u.kind);
    form.set("programId", u.programId);
    form.set("fields", JSON.stringify(u.fields));
    startTransition(async () => {
      const state = await undoRemoveAction({ status: "idle" }, form);
      setRestored(state);
      if (state.status === "ok") setRemoved({ status: "idle" });
    });
  }
  return (
    <RemovalContext.Provider value={{ set: (s) => (setRestored({ status: "idle" }), setRemoved(s)) }}>
      {removed.status === "ok" ? (
        <p className="form-ok" role="status">
          {removed.message}{" "}
          <button type="button" className="link-button" onClick={undo} disabled={pending}>
            Undo
          </button>
        </p>
      ) : null}
      {removed.status === "error" ? <FormMessage state={removed} /> : null}
      <FormMessage state={restored} />
      {children}
    </RemovalContext.Provider>
  );
}

export function RemoveLineButton({ kind, id, label }: { kind: "cost" | "benefit" | "intangible"; id: string; label: string }) {
  const area = useContext(RemovalContext);
  const [pending, startTransition] = useTransition();
  function remove() {
    const form = new FormData();
    form.set("kind", kind);
    form.set("id", id);
    startTransition(async () => area?.set(await removeLineAction({ status: "idle" }, form)));
  }
  return (
    <button type="button" className="link-button" onClick={remove} disabled={pending} aria-label={`Remove ${label}`}>
      Remove
    </button>
  );
}
