"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/_components/Field";
import type { ActionState } from "@/lib/http/runAction";
import { resendOutboxEmail } from "./actions";

/** Sends a failed or only stored email again, and says how it went. */
export function ResendButton({ id, label }: { id: string; label: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(resendOutboxEmail, { status: "idle" });
  return (
    <form action={action} className="stack" style={{ gap: "0.4rem" }}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="secondary" disabled={pending} aria-label={label}>
        {pending ? "Sending…" : "Resend"}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
