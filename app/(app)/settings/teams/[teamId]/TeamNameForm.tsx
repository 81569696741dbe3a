"use client";

import { useFormAction } from "@/app/_components/useFormAction";
import { FormMessage, TextField } from "@/app/_components/Field";
import type { ActionState } from "@/lib/http/runAction";
import { renameTeamAction } from "../actions";

export function TeamNameForm({ teamId, name }: { teamId: string; name: string }) {
  const [state, onSubmit, pending] = useFormAction<ActionState>(renameTeamAction, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form onSubmit={onSubmit} className="stack" aria-label="Rename the team">
      <input type="hidden" name="teamId" value={teamId} />
      <TextField id="team-name" label="Team name" name="name" defaultValue={name} required maxLength={80} autoComplete="off" errors={errors.name} />
      {errors.name ? null : <FormMessage state={state} />}
      <div>
        <button type="submit" className="secondary" disabled={pending}>
          {pending ? "Renaming…" : "Rename"}
        </button>
      </div>
    </form>
  );
}
