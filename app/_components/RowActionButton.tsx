"use client";
// One button that runs a server action on one row (an id), and says how it went beside it: the
// outbox's Resend, the jobs' Retry.
import { useActionState } from "react";
import { FormMessage } from "@/app/_components/Field";
import type { ActionState } from "@/lib/http/runAction";

export function RowActionButton({
  action: run,
  id,
  label,
  text,
  pendingText,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  id: string;
  /** The accessible name: what the button does to which row. */
  label: string;
  text: string;
  pendingText: string;
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(run, { status: "idle" });
  return (
    <form action={action} className="stack" style={{ gap: "0.4rem" }}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="secondary" disabled={pending} aria-label={label}>
        {pending ? pendingText : text}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
