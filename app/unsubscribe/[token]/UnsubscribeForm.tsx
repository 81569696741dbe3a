"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/http/runAction";

export function UnsubscribeForm({ action }: { action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  if (state.status === "ok") return <p role="status">{state.message}</p>;
  return (
    <form action={formAction} style={{ display: "grid", gap: "0.6rem" }}>
      {state.status === "error" ? (
        <p role="alert" className="error">
          {state.message}
        </p>
      ) : null}
      <div>
        <button type="submit" disabled={pending}>Unsubscribe</button>
      </div>
    </form>
  );
}
