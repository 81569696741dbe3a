"use client";

import { useEffect, useRef, useState } from "react";
import { useFormAction } from "@/app/_components/useFormAction";
import { useWeekChanging } from "@/app/_components/WeekNavigation";
import type { ActionState } from "@/lib/http/runAction";
import { checkLazily } from "@/app/_components/checkLazily";
import type { FieldErrors } from "@/lib/errors";
import { MAX_COMMITMENT_LENGTH } from "@/lib/schemas/formChoices";
import { addCommitmentsAction } from "./actions";
import { FieldError, FormMessage } from "@/app/_components/Field";
import styles from "./checkIn.module.css";

type Props = {
  teamId: string;
  weekStart: string;
  person: { userId: string; name: string };
  /** The caller is making their own commitment ("you") rather than recording someone else's. */
  isSelf: boolean;
  measures: { id: string; name: string }[];
};

/** One new commitment for one person, optionally tied to one of the team's lead measures. */
export function AddCommitmentForm({ teamId, weekStart, person, isSelf, measures }: Props) {
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [state, onSubmit, pending, busy] = useFormAction<ActionState>(
    addCommitmentsAction,
    { status: "idle" },
    {
      async validate(form) {
        const { commitmentsFromForm, createCommitmentsSchema } = await import("@/lib/schemas/checkIn");
        const checked = await checkLazily(async () => createCommitmentsSchema, commitmentsFromForm(form));
        // A blank form is "write what you will do", next to the text box.
        const e = checked.errors;
        setClientErrors(e.items ? { "items.0.text": ["Write what you will do."] } : e);
        return checked.ok;
      },
    },
  );
  const changingWeek = useWeekChanging();
  const formRef = useRef<HTMLFormElement>(null);
  // Clear the row once it is saved; a refused one keeps what was typed.
  useEffect(() => {
    if (state.status === "ok") formRef.current?.reset();
  }, [state]);
  const errors: FieldErrors = { ...(state.status === "error" ? state.fieldErrors : {}), ...clientErrors };
  const id = (name: string) => `${name}-${person.userId}`;
  const textErrors = [...(errors["items.0.text"] ?? []), ...(errors.items ?? [])];
  const otherErrors = [...(errors["items.0.userId"] ?? []), ...(errors.weekStart ?? [])];

  return (
    <form ref={formRef} className={styles.add} onSubmit={onSubmit} noValidate aria-label={`New commitment for ${person.name}`} aria-busy={busy}>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="weekStart" value={weekStart} />
      <input type="hidden" name="items.0.userId" value={person.userId} />
      <div className="field">
        <label htmlFor={id("text")}>{isSelf ? "I will…" : `${person.name} will…`}</label>
        <input
          id={id("text")}
          name="items.0.text"
          maxLength={MAX_COMMITMENT_LENGTH}
          autoComplete="off"
          disabled={changingWeek}
          placeholder="e.g. hold two coaching conversations on refund calls"
          aria-invalid={textErrors.length ? true : undefined}
          aria-describedby={textErrors.length ? id("text-error") : undefined}
        />
        <FieldError id={id("text-error")} errors={textErrors} />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor={id("measure")}>Moves lead measure</label>
          <select
            id={id("measure")}
            name="items.0.leadMeasureId"
            defaultValue=""
            disabled={changingWeek}
            aria-invalid={errors["items.0.leadMeasureId"] ? true : undefined}
            aria-describedby={errors["items.0.leadMeasureId"] ? id("measure-error") : undefined}
          >
            <option value="">(none)</option>
            {measures.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
          <FieldError id={id("measure-error")} errors={errors["items.0.leadMeasureId"]} />
        </div>
        <div className={styles.addButton}>
          <button type="submit" disabled={busy}>
            {pending ? "Adding…" : "Add commitment"}
          </button>
        </div>
      </div>
      <FieldError id={id("other-error")} errors={otherErrors} />
      {(state.status === "ok" || (state.status === "error" && Object.keys(state.fieldErrors).length === 0)) && (
        <FormMessage state={state} />
      )}
    </form>
  );
}
