"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/http/runAction";
import { markCheckInHeldAction } from "./actions";
import { FormMessage } from "@/app/_components/Field";
import { SubmitButton } from "@/app/_components/SubmitButton";

/** The lead's last step: record that the check-in took place. */
export function MarkHeldForm({ teamId, weekStart }: { teamId: string; weekStart: string }) {
  const [state, action] = useActionState<ActionState, FormData>(markCheckInHeldAction, { status: "idle" });
  const errors = state.status === "error" ? Object.values(state.fieldErrors).flat() : [];
  return (
    <form className="stack" action={action}>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="weekStart" value={weekStart} />
      <SubmitButton>Mark check-in held</SubmitButton>
      {errors.length > 0 && (
        <p className="form-error" role="alert">
          {errors.join(" ")}
        </p>
      )}
      {state.status !== "idle" && errors.length === 0 && <FormMessage state={state} />}
    </form>
  );
}
