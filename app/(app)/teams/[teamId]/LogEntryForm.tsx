"use client";

import { useEffect, useRef, useState } from "react";
import { FieldError } from "@/app/_components/Field";
import { useFormAction } from "@/app/_components/useFormAction";
import type { ActionState } from "@/lib/http/runAction";
import { checkLazily } from "@/app/_components/checkLazily";
import type { FieldErrors } from "@/lib/errors";
import { logLeadEntry } from "./actions";

type Props = {
  teamId: string;
  /** The days one may log, today first, with their labels. */
  days: { date: string; label: string }[];
  measures: { id: string; name: string; unit: string }[];
};


export function LogEntryForm({ teamId, days, measures }: Props) {
  // One key per intended entry: a double submit or a retry after a lost response reuses it,
  // so the server stores one row. A new key is drawn after each success.
  const [firstKey] = useState(() => crypto.randomUUID());
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [state, onSubmit, pending] = useFormAction<ActionState & { nextKey?: string }>(
    async (prev, form) => {
      const result = await logLeadEntry(prev, form);
      return result.status === "ok" ? { ...result, nextKey: crypto.randomUUID() } : { ...result, nextKey: prev.nextKey };
    },
    { status: "idle" },
    {
      async validate(form) {
        const checked = await checkLazily(() => import("@/lib/schemas/leadEntry").then((m) => m.createLeadEntrySchema), Object.fromEntries(form));
        setClientErrors(checked.errors);
        return checked.ok;
      },
    },
  );
  const idempotencyKey = state.nextKey ?? firstKey;
  // The unit goes with "How many", not into the measure's option, so the option shows the whole name.
  const [measureId, setMeasureId] = useState(measures[0]?.id);
  const unit = measures.find((m) => m.id === measureId)?.unit;
  const formRef = useRef<HTMLFormElement>(null);
  const valueRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state.status === "ok") {
      if (valueRef.current) valueRef.current.value = "";
      const note = formRef.current?.elements.namedItem("note");
      if (note instanceof HTMLInputElement) note.value = "";
      valueRef.current?.focus();
    }
  }, [state]);

  const errors: FieldErrors = { ...(state.status === "error" ? state.fieldErrors : {}), ...clientErrors };
  const described = (name: string) => (errors[name]?.length ? `${name}-error` : undefined);

  if (measures.length === 0) {
    return <p className="empty">This team does not track any lead measure yet.</p>;
  }

  return (
    <form ref={formRef} className="stack" onSubmit={onSubmit} noValidate aria-label="Log a lead entry">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {state.status === "ok" && (
        <p className="form-ok" role="status">
          {state.message}
        </p>
      )}
      {state.status === "error" && Object.keys(state.fieldErrors).length === 0 && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      <div className="field">
        <label htmlFor="leadMeasureId">Measure</label>
        <select
          id="leadMeasureId"
          name="leadMeasureId"
          defaultValue={measures[0]!.id}
          onChange={(e) => setMeasureId(e.target.value)}
          title={measures.find((m) => m.id === measureId)?.name}
          aria-invalid={errors.leadMeasureId ? true : undefined}
          aria-describedby={described("leadMeasureId")}
        >
          {measures.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        <FieldError id="leadMeasureId-error" errors={errors.leadMeasureId} />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor="value">
            How many{unit ? <span className="muted"> ({unit})</span> : null}
          </label>
          <input
            ref={valueRef}
            id="value"
            name="value"
            inputMode="decimal"
            autoComplete="off"
            aria-invalid={errors.value ? true : undefined}
            aria-describedby={described("value")}
          />
          <FieldError id="value-error" errors={errors.value} />
        </div>
        <div className="field">
          <label htmlFor="entryDate">Date</label>
          {/* One control, one Tab: a date input takes three (day, month, year). */}
          <select id="entryDate" name="entryDate" defaultValue={days[0]?.date} aria-invalid={errors.entryDate ? true : undefined} aria-describedby={described("entryDate")}>
            {days.map((d) => (
              <option key={d.date} value={d.date}>
                {d.label}
              </option>
            ))}
          </select>
          <FieldError id="entryDate-error" errors={errors.entryDate} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="note">Note (optional)</label>
        <input id="note" name="note" maxLength={500} aria-describedby={described("note")} />
        <FieldError id="note-error" errors={errors.note} />
      </div>
      <FieldError id="userId-error" errors={errors.userId} />
      <button type="submit" disabled={pending}>
        {pending ? "Logging…" : "Log it"}
      </button>
    </form>
  );
}
