"use client";

import { useState } from "react";
import { TemplatePicker } from "@/app/_components/TemplatePicker";
import { useFormAction } from "@/app/_components/useFormAction";
import { FormMessage, SelectField, TextField } from "@/app/_components/Field";
import type { ActionState } from "@/lib/http/runAction";
import type { LeadTemplate } from "@/lib/domain/templates";
import type { MeasureCatalog } from "@/lib/views/measureCatalog";
import { saveLeadMeasureAction } from "../../actions";

type Measure = MeasureCatalog["lead"][number];

export function LeadMeasureForm({
  measure,
  teams,
  people,
  templates,
  inSetup = false,
}: {
  measure: Measure | null;
  teams: MeasureCatalog["teams"];
  people: MeasureCatalog["people"];
  templates: LeadTemplate[];
  /** In the setup wizard: a new measure is added and the form stays for the next one. */
  inSetup?: boolean;
}) {
  const [state, onSubmit, pending] = useFormAction<ActionState>(saveLeadMeasureAction, { status: "idle" });
  const [template, setTemplate] = useState<LeadTemplate | null>(null);
  // A template re-keys the form so its values become the new defaults.
  const values = template ?? measure;
  const errors = state.status === "error" ? state.fieldErrors : {};
  const tracked = new Map(measure?.teams.map((t) => [t.teamId, t]) ?? []);
  const owners = new Set(measure?.owners.map((o) => o.userId) ?? []);

  return (
    <form onSubmit={onSubmit} className="stack" key={template?.name ?? "form"} aria-label="Lead measure">
      {measure ? <input type="hidden" name="id" value={measure.id} /> : null}
      {inSetup ? <input type="hidden" name="then" value="setup" /> : null}
      <TemplatePicker templates={templates} selected={template} onPick={setTemplate} />
      <TextField label="Name" name="name" defaultValue={values?.name ?? ""} errors={errors.name} required />
      <TextField label="Description" name="description" defaultValue={values?.description ?? ""} errors={errors.description} />
      <div className="row">
        <TextField label="Unit" name="unit" defaultValue={values?.unit ?? ""} errors={errors.unit} hint="e.g. conversations, hours" />
        <SelectField label="Entries add up as" name="aggregation" defaultValue={values?.aggregation ?? "COUNT"} errors={errors.aggregation}>
          <option value="COUNT">a count (whole numbers)</option>
          <option value="SUM">a sum (decimals allowed)</option>
        </SelectField>
      </div>
      <div className="row">
        <TextField label="Active from" name="activeFrom" type="date" defaultValue={measure?.activeFrom ?? ""} errors={errors.activeFrom} />
        <TextField label="Active until" name="activeTo" type="date" defaultValue={measure?.activeTo ?? ""} errors={errors.activeTo} />
      </div>
      <fieldset>
        <legend>Teams that track it</legend>
        {errors.targets ? <p className="field-error">{errors.targets.join(" ")}</p> : null}
        {teams.length === 0 ? <p className="muted">No teams yet.</p> : null}
        {teams.map((team) => {
          const current = tracked.get(team.id);
          const per = template?.personWeeklyTarget;
          return (
            <div key={team.id} className="row" style={{ alignItems: "end" }}>
              <label style={{ flex: "1 1 10rem", display: "flex", gap: "0.4rem", alignItems: "center", paddingBottom: "0.6rem" }}>
                <input type="checkbox" name={`track.${team.id}`} defaultChecked={Boolean(current) || (!measure && teams.length === 1)} />
                {team.name}
              </label>
              {current ? (
                <p className="muted" style={{ flex: "2 1 12rem", margin: "0 0 0.6rem" }}>
                  {current.weeklyTarget} a week{current.personWeeklyTarget != null ? `, ${current.personWeeklyTarget} each` : ""} — change it
                  on the right
                  <input type="hidden" name={`target.${team.id}`} value={current.weeklyTarget} />
                </p>
              ) : (
                <>
                  <TextField
                    id={`target-${team.id}`}
                    label="Weekly target"
                    name={`target.${team.id}`}
                    inputMode="decimal"
                    defaultValue={per != null ? per * 5 : ""}
                    errors={errors[`target.${team.id}`]}
                  />
                  <TextField
                    id={`person-${team.id}`}
                    label="Per person"
                    name={`personTarget.${team.id}`}
                    inputMode="decimal"
                    defaultValue={per ?? ""}
                    errors={errors[`personTarget.${team.id}`]}
                  />
                </>
              )}
            </div>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>Owners</legend>
        {errors.ownerIds ? <p className="field-error">{errors.ownerIds.join(" ")}</p> : null}
        <div className="checks">
          {people.map((p) => (
            <label key={p.userId}>
              <input type="checkbox" name="ownerIds" value={p.userId} defaultChecked={owners.has(p.userId)} />
              {p.name}
            </label>
          ))}
        </div>
      </fieldset>
      <FormMessage state={state} />
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : measure ? "Save" : inSetup ? "Add lead measure" : "Create lead measure"}
      </button>
    </form>
  );
}
