"use client";

import { useFormAction } from "@/app/_components/useFormAction";
import { FormMessage, TextField } from "@/app/_components/Field";
import type { ActionState } from "@/lib/http/runAction";
import { createTeamAction } from "./actions";

/** A name is all a new team needs; its page then takes people and measures. */
export function CreateTeamForm() {
  const [state, onSubmit, pending] = useFormAction<ActionState>(createTeamAction, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form onSubmit={onSubmit} className="row" style={{ alignItems: "end" }} aria-label="Create a team">
      <TextField id="new-team-name" label="Team name" name="name" required maxLength={80} autoComplete="off" errors={errors.name} />
      <button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create team"}
      </button>
      <div style={{ flexBasis: "100%" }}>{errors.name ? null : <FormMessage state={state} />}</div>
    </form>
  );
}
