"use client";

import { FormMessage, SelectField, TextField } from "@/app/_components/Field";
import { useFormAction } from "@/app/_components/useFormAction";
import type { ActionState } from "@/lib/http/runAction";
import { recordObservationAction } from "../../actions";

/** Record a result in seconds: date, value, Enter. The same date again replaces the value. */
export function ObservationForm({
  lagMeasureId,
  unit,
  today,
  teams,
  fixedTeamId,
}: {
  lagMeasureId: string;
  unit: string;
  today: string;
  teams: { id: string; name: string }[];
  fixedTeamId: string | null;
}) {
  const [state, onSubmit, pending] = useFormAction<ActionState>(recordObservationAction, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form onSubmit={onSubmit} className="stack" aria-label="Record a result">
      <input type="hidden" name="lagMeasureId" value={lagMeasureId} />
      <div className="row">
        <TextField label={`Value${unit ? ` (${unit})` : ""}`} name="value" inputMode="decimal" autoComplete="off" errors={errors.value} autoFocus />
        <TextField label="Date" name="observedOn" type="date" defaultValue={today} max={today} errors={errors.observedOn} />
      </div>
      {fixedTeamId ? (
        <input type="hidden" name="teamId" value={fixedTeamId} />
      ) : (
        <SelectField label="For" name="teamId" defaultValue="" errors={errors.teamId}>
          <option value="">The whole organization</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
      )}
      <TextField label="Note (optional)" name="note" maxLength={500} errors={errors.note} />
      <FormMessage state={state} />
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Record"}
      </button>
    </form>
  );
}
