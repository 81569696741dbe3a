"use client";

import { useState } from "react";
import { useFormAction } from "@/app/_components/useFormAction";
import type { ActionState } from "@/lib/http/runAction";
import { checkLazily } from "@/app/_components/checkLazily";
import type { FieldErrors } from "@/lib/errors";
import { reviewCommitmentAction } from "./actions";
import { FieldError, FormMessage } from "@/app/_components/Field";
import styles from "./checkIn.module.css";

const CHOICES = [
  { value: "DONE", label: "Done" },
  { value: "PARTIAL", label: "Partly done" },
  { value: "NOT_DONE", label: "Not done" },
] as const;

type Props = { /** The form's name: whose commitment, which, and its words. */ label: string; commitmentId: string; text: string; status: string; reason: string };

/** Done / partly done / not done for one commitment, with the reason when it was not done. */
export function ReviewCommitmentForm({ label, commitmentId, text, status, reason }: Props) {
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [state, onSubmit, pending, busy] = useFormAction<ActionState>(
    reviewCommitmentAction,
    { status: "idle" },
    {
      async validate(form) {
        const checked = await checkLazily(() => import("@/lib/schemas/checkIn").then((m) => m.reviewCommitmentSchema), Object.fromEntries(form));
        setClientErrors(checked.errors);
        return checked.ok;
      },
    },
  );
  const [choice, setChoice] = useState(status === "OPEN" ? "" : status);
  const errors: FieldErrors = { ...(state.status === "error" ? state.fieldErrors : {}), ...clientErrors };
  const id = (name: string) => `${name}-${commitmentId}`;

  return (
    <form className={styles.review} onSubmit={onSubmit} noValidate aria-label={label}>
      <input type="hidden" name="commitmentId" value={commitmentId} />
      <fieldset className={styles.choices} aria-describedby={errors.status ? id("status-error") : undefined}>
        <legend className={styles.srOnly}>How did “{text}” go?</legend>
        {CHOICES.map((c) => (
          <label key={c.value} className={styles.choice}>
            <input
              type="radio"
              name="status"
              value={c.value}
              checked={choice === c.value}
              onChange={() => setChoice(c.value)}
            />{" "}
            {c.label}
          </label>
        ))}
      </fieldset>
      <FieldError id={id("status-error")} errors={errors.status} />
      {choice !== "" && choice !== "DONE" && (
        <div className="field">
          <label htmlFor={id("reason")}>Why was it not (fully) done?</label>
          <input
            id={id("reason")}
            name="reason"
            defaultValue={reason}
            maxLength={500}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={errors.reason ? id("reason-error") : undefined}
          />
          <FieldError id={id("reason-error")} errors={errors.reason} />
        </div>
      )}
      <div className={styles.formFoot}>
        <button type="submit" className="secondary" disabled={busy}>
          {pending ? "Saving…" : "Save review"}
        </button>
        {(state.status === "ok" || (state.status === "error" && Object.keys(state.fieldErrors).length === 0)) && (
          <FormMessage state={state} />
        )}
      </div>
    </form>
  );
}
