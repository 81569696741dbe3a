"use client";
// Adds a benefit line: which lag measure's movement it prices and how (retention, revenue,
// cost saving) or a manual value with its evidence, the margin and confidence, and how the
// program's share of the improvement is isolated.
import { useState } from "react";
import { FormMessage, SelectField, TextField } from "@/app/_components/Field";
import { useFormAction } from "@/app/_components/useFormAction";
import type { ActionState } from "@/lib/http/runAction";
import { addBenefitAction } from "../actions";
import { BENEFIT_KIND_LABEL, ISOLATION_LABEL } from "./labels";

const TOP = { alignItems: "flex-start" } as const;

type Kind = keyof typeof BENEFIT_KIND_LABEL;

export function BenefitForm({ programId, lagMeasures, hasControlTeams }: { programId: string; lagMeasures: { id: string; name: string; unit: string }[]; hasControlTeams: boolean }) {
  const [state, onSubmit, pending] = useFormAction<ActionState>(addBenefitAction, { status: "idle" });
  const [kind, setKind] = useState<Kind>("RETENTION");
  const [isolation, setIsolation] = useState<keyof typeof ISOLATION_LABEL>("CONSERVATIVE");
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Add a benefit line">
      <FormMessage state={state} />
      <input type="hidden" name="programId" value={programId} />
      <div className="row" style={TOP}>
        <TextField id="benefit-name" label="Name" name="name" maxLength={120} required errors={errors.name} />
        <SelectField id="benefit-kind" label="Kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)} errors={errors["p.kind"]}>
          {Object.entries(BENEFIT_KIND_LABEL).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </SelectField>
        {kind !== "MANUAL" ? (
          <SelectField id="benefit-lag" label="Lag measure it prices" name="lagMeasureId" defaultValue="" errors={errors.lagMeasureId}>
            <option value="">Choose…</option>
            {lagMeasures.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
                {m.unit ? ` (${m.unit})` : ""}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      <KindParameters kind={kind} errors={errors} />
      <div className="row" style={TOP}>
        <TextField id="benefit-margin" label="Margin (0–1)" name="margin" inputMode="decimal" defaultValue="1" errors={errors.margin} hint="Share of the value that is profit." />
        <TextField id="benefit-confidence" label="Confidence (0–1)" name="confidence" inputMode="decimal" defaultValue="1" errors={errors.confidence} hint="How sure you are of the inputs." />
      </div>
      <fieldset className="checks">
        <legend>How is the program&apos;s share isolated?</legend>
        {Object.entries(ISOLATION_LABEL).map(([method, label]) => (
          <label key={method}>
            <input
              type="radio"
              name="isolationMethod"
              value={method}
              checked={isolation === method}
              onChange={() => setIsolation(method as keyof typeof ISOLATION_LABEL)}
            />{" "}
            {label}
            {method === "CONTROL_GROUP" && !hasControlTeams ? <span className="muted"> — add control teams to the program first</span> : null}
          </label>
        ))}
        {errors.isolationMethod?.length ? <p className="field-error">{errors.isolationMethod.join(" ")}</p> : null}
      </fieldset>
      {isolation === "ESTIMATE" ? (
        <div className="row" style={TOP}>
          <TextField id="benefit-share" label="Share attributed to the program (0–1)" name="estimateShare" inputMode="decimal" errors={errors.estimateShare} />
          <TextField id="benefit-share-confidence" label="Their confidence in it (0–1)" name="estimateConfidence" inputMode="decimal" errors={errors.estimateConfidence} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="benefit-evidence">Evidence</label>
        <textarea
          id="benefit-evidence"
          name="evidence"
          rows={2}
          maxLength={2000}
          aria-invalid={errors.evidence?.length ? true : undefined}
          aria-describedby={errors.evidence?.length ? "benefit-evidence-error" : undefined}
        />
        {errors.evidence?.length ? (
          <p id="benefit-evidence-error" className="field-error">
            {errors.evidence.join(" ")}
          </p>
        ) : null}
      </div>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add benefit line"}
        </button>
      </div>
    </form>
  );
}

function KindParameters({ kind, errors }: { kind: Kind; errors: Record<string, string[]> }) {
  if (kind === "RETENTION") {
    return (
      <>
        <div className="row" style={TOP}>
          <TextField id="p-customerBase" label="Customers served" name="p.customerBase" inputMode="numeric" errors={errors["p.customerBase"]} hint="One point of retention keeps 1% of them." />
          <TextField
            id="p-valuePerCustomer"
            label="Monthly margin per retained customer"
            name="p.valuePerCustomer"
            inputMode="decimal"
            errors={errors["p.valuePerCustomer"]}
            hint="Or leave blank and give the CLV inputs."
          />
        </div>
        <details>
          <summary>Customer lifetime value inputs: CLV = margin × r ÷ (1 + i − r) − acquisition cost</summary>
          <div className="row" style={TOP}>
            <TextField id="p-clvMargin" label="Yearly margin per customer" name="p.clvMargin" inputMode="decimal" errors={errors["p.clvMargin"]} />
            <TextField id="p-clvRetention" label="Retention rate r (0–1)" name="p.clvRetention" inputMode="decimal" errors={errors["p.clvRetention"]} />
            <TextField id="p-clvDiscountRate" label="Discount rate i" name="p.clvDiscountRate" inputMode="decimal" errors={errors["p.clvDiscountRate"]} />
            <TextField id="p-clvAcquisitionCost" label="Acquisition cost" name="p.clvAcquisitionCost" inputMode="decimal" errors={errors["p.clvAcquisitionCost"]} />
          </div>
        </details>
      </>
    );
  }
  if (kind === "COST_SAVING") {
    return (
      <div className="row" style={TOP}>
        <TextField id="p-volumePerMonth" label="Volume per month" name="p.volumePerMonth" inputMode="decimal" errors={errors["p.volumePerMonth"]} hint="Contacts or cases the improvement applies to." />
        <TextField id="p-costPerUnit" label="Cost per unit" name="p.costPerUnit" inputMode="decimal" errors={errors["p.costPerUnit"]} hint="e.g. one minute of handling, one repeat contact." />
      </div>
    );
  }
  if (kind === "MANUAL") {
    return (
      <div className="row" style={TOP}>
        <TextField id="p-monthlyValue" label="Monthly value" name="p.monthlyValue" inputMode="decimal" errors={errors["p.monthlyValue"]} hint="e.g. upsell saved by service, recovered orders, referrals." />
      </div>
    );
  }
  return <p className="muted">The lag measure&apos;s change is taken as money per month, then × margin.</p>;
}
