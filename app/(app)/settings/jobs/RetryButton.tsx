"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/_components/Field";
import type { ActionState } from "@/lib/http/runAction";
import { retryJobAction } from "./actions";

/** Puts a failed job back in line, and says how it went. */
export function RetryButton({ id, label }: { id: string; label: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(retryJobAction, { status: "idle" });
  return (
    <form action={action} className="stack" style={{ gap: "0.4rem" }}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="secondary" disabled={pending} aria-label={label}>
        {pending ? "Retrying…" : "Retry"}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
