"use client";

import { useState } from "react";
import { TemplatePicker } from "@/app/_components/TemplatePicker";
import { useFormAction } from "@/app/_components/useFormAction";
import { FormMessage, SelectField, TextField } from "@/app/_components/Field";
import type { ActionState } from "@/lib/http/runAction";
import type { LagTemplate } from "@/lib/domain/templates";
import type { MeasureCatalog } from "@/lib/views/measureCatalog";
import { saveLagMeasureAction } from "../../actions";

type Measure = MeasureCatalog["lag"][number];

export function LagMeasureForm({
  measure,
  teams,
  people,
  leadMeasures,
  templates,
  today,
  inSetup = false,
}: {
  measure: Measure | null;
  teams: MeasureCatalog["teams"];
  /** Who may answer for the goal: the organization's current members. */
  people: MeasureCatalog["people"];
  leadMeasures: { id: string; name: string }[];
  templates: LagTemplate[];
  today: string;
  /** In the setup wizard: a new measure is added and the form stays for the next one. */
  inSetup?: boolean;
}) {
  const [state, onSubmit, pending] = useFormAction<ActionState>(saveLagMeasureAction, { status: "idle" });
  const [template, setTemplate] = useState<LagTemplate | null>(null);
  const values = template ?? measure;
  const errors = state.status === "error" ? state.fieldErrors : {};
  const drivers = new Set(measure?.drivers.map((d) => d.leadMeasureId) ?? []);

  return (
    <form onSubmit={onSubmit} className="stack" key={template?.name ?? "form"} aria-label="Lag measure">
      {measure ? <input type="hidden" name="id" value={measure.id} /> : null}
      {inSetup ? <input type="hidden" name="then" value="setup" /> : null}
      <TemplatePicker templates={templates} selected={template} onPick={setTemplate} />
      <TextField label="Name" name="name" defaultValue={values?.name ?? ""} errors={errors.name} required />
      <TextField label="Description" name="description" defaultValue={values?.description ?? ""} errors={errors.description} />
      <div className="row">
        <SelectField label="Kind" name="kind" defaultValue={values?.kind ?? "PERCENTAGE"} errors={errors.kind}>
          <option value="PERCENTAGE">Percentage</option>
          <option value="SCORE">Score</option>
          <option value="CURRENCY">Money</option>
          <option value="COUNT">Count</option>
          <option value="DURATION">Duration</option>
        </SelectField>
        <TextField label="Unit" name="unit" defaultValue={values?.unit ?? ""} errors={errors.unit} hint="e.g. %, hours, USD" />
      </div>
      <div className="row">
        <SelectField label="Which way is better" name="direction" defaultValue={values?.direction ?? "HIGHER_IS_BETTER"} errors={errors.direction}>
          <option value="HIGHER_IS_BETTER">↑ Higher is better</option>
          <option value="LOWER_IS_BETTER">↓ Lower is better</option>
        </SelectField>
        <SelectField label="Observed" name="cadence" defaultValue={values?.cadence ?? "MONTHLY"} errors={errors.cadence}>
          <option value="WEEKLY">Weekly</option>
          <option value="MONTHLY">Monthly</option>
          <option value="QUARTERLY">Quarterly</option>
        </SelectField>
      </div>
      <fieldset>
        <legend>From X to Y by when</legend>
        <div className="row">
          <TextField label="Baseline (X)" name="baselineValue" inputMode="decimal" defaultValue={measure?.baselineValue ?? ""} errors={errors.baselineValue} />
          <TextField label="Measured on" name="baselineDate" type="date" defaultValue={measure?.baselineDate ?? today} errors={errors.baselineDate} />
        </div>
        <div className="row">
          <TextField label="Target (Y)" name="targetValue" inputMode="decimal" defaultValue={measure?.targetValue ?? ""} errors={errors.targetValue} />
          <TextField label="By" name="targetDate" type="date" defaultValue={measure?.targetDate ?? ""} errors={errors.targetDate} />
        </div>
      </fieldset>
      <SelectField label="Scope" name="teamId" defaultValue={measure?.teamId ?? ""} errors={errors.teamId}>
        <option value="">The whole organization</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Owner"
        name="ownerId"
        defaultValue={measure?.owner?.userId ?? ""}
        errors={errors.ownerId}
        hint="The person who answers for this goal."
      >
        <option value="">Nobody yet</option>
        {people.map((p) => (
          <option key={p.userId} value={p.userId}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <fieldset>
        <legend>Lead measures meant to drive it</legend>
        {errors.driverIds ? <p className="field-error">{errors.driverIds.join(" ")}</p> : null}
        <div className="checks">
          {leadMeasures.map((m) => (
            <label key={m.id}>
              <input type="checkbox" name="driverIds" value={m.id} defaultChecked={drivers.has(m.id)} />
              {m.name}
            </label>
          ))}
        </div>
      </fieldset>
      <FormMessage state={state} />
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : measure ? "Save" : inSetup ? "Add lag measure" : "Create lag measure"}
      </button>
    </form>
  );
}
