"use client";

import { startTransition, useActionState } from "react";
import { FormMessage, SelectField, TextField } from "@/app/_components/Field";
import type { ActionState } from "@/lib/http/runAction";
import { WEEK_START_CHOICES } from "@/lib/schemas/formChoices";
import { saveOrganization } from "./actions";

type Values = {
  name: string;
  timeZone: string;
  weekStartsOn: number;
  currency: string;
  locale: string;
  greenPercent: number;
  amberPercent: number;
};

type Props = {
  values: Values;
  timeZones: string[];
  currencies: { code: string; label: string }[];
  locales: { value: string; label: string }[];
};

/** Fields side by side keep their own height, so a hint under one does not stretch its neighbour. */
const TOP = { alignItems: "flex-start" } as const;

export function OrganizationForm({ values, timeZones, currencies, locales }: Props) {
  const [state, action, pending] = useActionState<ActionState, FormData>(saveOrganization, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  // Submitted from onSubmit rather than as the form's action: React resets a form after its
  // action runs, which would throw away what the admin typed when a field needs fixing.
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => action(form));
  }
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Organization settings">
      <FormMessage state={state} />
      <TextField id="org-name" label="Name" name="name" defaultValue={values.name} maxLength={100} required errors={errors.name} />
      <div className="row" style={TOP}>
        <SelectField
          label="Time zone"
          name="timeZone"
          defaultValue={values.timeZone}
          errors={errors.timeZone}
          hint="Weeks and days start and end in this time zone."
        >
          {(timeZones.includes(values.timeZone) ? timeZones : [values.timeZone, ...timeZones]).map((tz) => (
            <option key={tz} value={tz}>
              {tz.replace(/_/g, " ")}
            </option>
          ))}
        </SelectField>
        <SelectField label="First day of the week" name="weekStartsOn" defaultValue={String(values.weekStartsOn)} errors={errors.weekStartsOn}>
          {WEEK_START_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="row" style={TOP}>
        <SelectField label="Currency" name="currency" defaultValue={values.currency} errors={errors.currency} hint="Used for ROI figures.">
          {currencies.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Number and date format" name="locale" defaultValue={values.locale} errors={errors.locale}>
          {locales.map((l) => (
            <option key={l.value} value={l.value}>
              {l.label}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset>
        <legend>Lead measure status colours</legend>
        <div className="row" style={TOP}>
          <TextField
            label="Green at or above"
            name="greenPercent"
            inputMode="decimal"
            defaultValue={String(values.greenPercent)}
            errors={errors.greenPercent}
            hint="% of the weekly target."
          />
          <TextField
            label="Amber at or above"
            name="amberPercent"
            inputMode="decimal"
            defaultValue={String(values.amberPercent)}
            errors={errors.amberPercent}
            hint="% of the weekly target; below is red."
          />
        </div>
      </fieldset>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save settings"}
        </button>
      </div>
    </form>
  );
}
