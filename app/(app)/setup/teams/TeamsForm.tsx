"use client";

import { FieldError, FormMessage } from "@/app/_components/Field";
import { useFormAction } from "@/app/_components/useFormAction";
import type { ActionState } from "@/lib/http/runAction";
import { setupTeamsAction } from "../actions";

export function TeamsForm({ hasTeams }: { hasTeams: boolean }) {
  const [state, onSubmit, pending] = useFormAction<ActionState>(setupTeamsAction, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form className="stack" onSubmit={onSubmit} aria-label="Add teams">
      <div className="field">
        <label htmlFor="names">{hasTeams ? "More teams (one per line)" : "Team names (one per line)"}</label>
        <textarea
          id="names"
          name="names"
          rows={4}
          placeholder={"Tier 1 Support\nBilling Care"}
          autoFocus
          aria-invalid={errors.names ? true : undefined}
          aria-describedby={errors.names ? "names-error" : undefined}
        />
        <FieldError id="names-error" errors={errors.names} />
      </div>
      <label style={{ display: "flex", gap: "0.4rem", alignItems: "center" }}>
        <input type="checkbox" name="joinAsLead" defaultChecked />
        Put me on these teams as their lead (to log and run the weekly check-in)
      </label>
      {state.status === "error" && !errors.names ? <FormMessage state={state} /> : null}
      <button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add teams and continue"}
      </button>
    </form>
  );
}
