"use client";
// Adds a line to the cost ledger. Participants' time is hours × loaded hourly rate; any cost
// shared by several cohorts (typically design and development) is divided by the cohorts.
import { useState } from "react";
import { FormMessage, SelectField, TextField } from "@/app/_components/Field";
import { useFormAction } from "@/app/_components/useFormAction";
import type { ActionState } from "@/lib/http/runAction";
import { COST_CATEGORIES, COST_CATEGORY_LABEL } from "@/lib/schemas/formChoices";
import { addCostAction } from "../actions";

const TOP = { alignItems: "flex-start" } as const;

export function CostForm({ programId, today }: { programId: string; today: string }) {
  const [state, onSubmit, pending] = useFormAction<ActionState>(addCostAction, { status: "idle" });
  const [category, setCategory] = useState<string>("DELIVERY");
  const errors = state.status === "error" ? state.fieldErrors : {};
  const timeBased = category === "PARTICIPANT_TIME";
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Add a cost">
      <FormMessage state={state} />
      <input type="hidden" name="programId" value={programId} />
      <div className="row" style={TOP}>
        <SelectField id="cost-category" label="Category" name="category" value={category} onChange={(e) => setCategory(e.target.value)} errors={errors.category}>
          {COST_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {COST_CATEGORY_LABEL[c]}
            </option>
          ))}
        </SelectField>
        <TextField id="cost-description" label="Description" name="description" maxLength={300} errors={errors.description} />
        <TextField id="cost-date" label="Date" name="incurredOn" type="date" defaultValue={today} required errors={errors.incurredOn} />
      </div>
      <div className="row" style={TOP}>
        {timeBased ? (
          <>
            <TextField id="cost-hours" label="Hours" name="hours" inputMode="decimal" required errors={errors.hours} hint="All participants' hours away from work." />
            <TextField id="cost-rate" label="Loaded hourly rate" name="hourlyRate" inputMode="decimal" required errors={errors.hourlyRate} hint="Salary plus benefits, per hour." />
          </>
        ) : (
          <TextField id="cost-amount" label="Amount" name="amount" inputMode="decimal" required errors={errors.amount} />
        )}
        <TextField
          id="cost-cohorts"
          label="Cohorts sharing it"
          name="cohorts"
          inputMode="numeric"
          defaultValue="1"
          errors={errors.cohorts}
          hint="This program carries the cost ÷ cohorts."
        />
      </div>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add cost"}
        </button>
      </div>
    </form>
  );
}
