"use client";
// Lists an intangible benefit (morale, brand, teamwork): named and described, never priced.
import { FormMessage, TextField } from "@/app/_components/Field";
import { useFormAction } from "@/app/_components/useFormAction";
import type { ActionState } from "@/lib/http/runAction";
import { addIntangibleAction } from "../actions";

export function IntangibleForm({ programId }: { programId: string }) {
  const [state, onSubmit, pending] = useFormAction<ActionState>(addIntangibleAction, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Add an intangible benefit">
      <FormMessage state={state} />
      <input type="hidden" name="programId" value={programId} />
      <div className="row" style={{ alignItems: "flex-start" }}>
        <TextField id="intangible-name" label="Intangible benefit" name="name" maxLength={120} required errors={errors.name} hint="e.g. Employee engagement" />
        <TextField id="intangible-note" label="Note" name="note" maxLength={1000} errors={errors.note} />
      </div>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? "Adding…" : "List intangible"}
        </button>
      </div>
    </form>
  );
}
