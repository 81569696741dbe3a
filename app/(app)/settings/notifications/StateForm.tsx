"use client";

import { useActionState, type ReactNode } from "react";
import type { ActionState } from "@/lib/http/runAction";

/** A small form that shows its action's answer beside its button. */
export function StateForm(props: { action: (prev: ActionState, form: FormData) => Promise<ActionState>; children: ReactNode; submit: string; label: string }) {
  const [state, action, pending] = useActionState(props.action, { status: "idle" } as ActionState);
  return (
    <form action={action} aria-label={props.label} style={{ display: "flex", flexWrap: "wrap", gap: "0.6rem", alignItems: "end" }}>
      {props.children}
      <button type="submit" disabled={pending}>{props.submit}</button>
      {state.status === "error" ? (
        <span role="alert" className="error">
          {state.message} {Object.values(state.fieldErrors).flat().join(" ")}
        </span>
      ) : state.status === "ok" ? (
        <span role="status">{state.message}</span>
      ) : null}
    </form>
  );
}
