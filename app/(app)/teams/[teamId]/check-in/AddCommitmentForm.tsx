"use client";

import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/actions";
import { fieldErrorsOf, type FieldErrors } from "@/lib/errors";
import { commitmentsFromForm, createCommitmentsSchema, MAX_COMMITMENT_LENGTH } from "@/lib/schemas/checkIn";
import { addCommitmentsAction } from "./actions";
import { FieldError, FormMessage } from "./FieldError";
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
  const [state, action, pending] = useActionState<ActionState, FormData>(addCommitmentsAction, { status: "idle" });
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const errors: FieldErrors = { ...(state.status === "error" ? state.fieldErrors : {}), ...clientErrors };
  const id = (name: string) => `${name}-${person.userId}`;
  const textErrors = [...(errors["items.0.text"] ?? []), ...(errors.items ?? [])];
  const otherErrors = [...(errors["items.0.userId"] ?? []), ...(errors.weekStart ?? [])];

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    const parsed = createCommitmentsSchema.safeParse(commitmentsFromForm(new FormData(event.currentTarget)));
    if (!parsed.success) {
      event.preventDefault();
      const e = fieldErrorsOf(parsed.error);
      // A blank form is "write what you will do", next to the text box.
      setClientErrors(e.items ? { "items.0.text": ["Write what you will do."] } : e);
      return;
    }
    setClientErrors({});
  }

  return (
    <form className={styles.add} action={action} onSubmit={onSubmit} noValidate aria-label={`New commitment for ${person.name}`}>
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
          <button type="submit" disabled={pending}>
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
