"use client";
// Creates or edits a program: its name, dates, average salary (for the budget helper), the
// teams that take part and the teams it is compared with.
import { FormMessage, TextField } from "@/app/_components/Field";
import { useFormAction } from "@/app/_components/useFormAction";
import type { ActionState } from "@/lib/http/runAction";
import { saveProgramAction } from "./actions";

export type ProgramValues = {
  id: string | null;
  name: string;
  description: string;
  startDate: string;
  endDate: string;
  averageSalary: string;
  participantTeamIds: string[];
  controlTeamIds: string[];
};

const TOP = { alignItems: "flex-start" } as const;

export function ProgramForm({ values, teams }: { values: ProgramValues; teams: { id: string; name: string }[] }) {
  const [state, onSubmit, pending] = useFormAction<ActionState>(saveProgramAction, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={values.id ? "Edit program" : "New program"}>
      <FormMessage state={state} />
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      <TextField id="program-name" label="Name" name="name" defaultValue={values.name} maxLength={120} required errors={errors.name} hint="e.g. Customer service training, Q1" />
      <div className="field">
        <label htmlFor="program-description">Description</label>
        <textarea id="program-description" name="description" defaultValue={values.description} maxLength={2000} rows={2} />
      </div>
      <div className="row" style={TOP}>
        <TextField id="program-start" label="Start date" name="startDate" type="date" defaultValue={values.startDate} required errors={errors.startDate} />
        <TextField id="program-end" label="End date (optional)" name="endDate" type="date" defaultValue={values.endDate} errors={errors.endDate} />
        <TextField
          id="program-salary"
          label="Average salary (optional)"
          name="averageSalary"
          inputMode="decimal"
          defaultValue={values.averageSalary}
          errors={errors.averageSalary}
          hint="Yearly, per participant: for the training budget helper."
        />
      </div>
      <div className="row" style={TOP}>
        <TeamChecks legend="Participating teams" name="participantTeamIds" teams={teams} checked={values.participantTeamIds} errors={errors.participantTeamIds} />
        <TeamChecks
          legend="Control teams (optional)"
          name="controlTeamIds"
          teams={teams}
          checked={values.controlTeamIds}
          errors={errors.controlTeamIds}
          hint="Comparable teams that do not take part: their change is subtracted (difference-in-differences)."
        />
      </div>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : values.id ? "Save program" : "Create program"}
        </button>
      </div>
    </form>
  );
}

function TeamChecks(p: { legend: string; name: string; teams: { id: string; name: string }[]; checked: string[]; errors?: string[]; hint?: string }) {
  const errorId = `${p.name}-error`;
  return (
    <fieldset className="checks" aria-describedby={p.errors?.length ? errorId : undefined}>
      <legend>{p.legend}</legend>
      {p.hint ? <p className="muted" style={{ margin: 0, fontSize: "0.85rem" }}>{p.hint}</p> : null}
      {p.teams.length === 0 ? <p className="empty">No teams yet.</p> : null}
      {p.teams.map((t) => (
        <label key={t.id}>
          <input type="checkbox" name={p.name} value={t.id} defaultChecked={p.checked.includes(t.id)} /> {t.name}
        </label>
      ))}
      {p.errors?.length ? (
        <p id={errorId} className="field-error">
          {p.errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
