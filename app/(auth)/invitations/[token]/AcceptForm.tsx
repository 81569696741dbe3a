"use client";

import { FormMessage, TextField } from "@/app/_components/Field";
import { useFormAction } from "@/app/_components/useFormAction";
import type { ActionState } from "@/lib/http/runAction";
import { MIN_PASSWORD_LENGTH } from "@/lib/schemas/formChoices";
import { acceptAsNewPersonAction } from "./actions";

/** A new person's name and password; the email is the invitation's. */
export function AcceptForm({ token, email }: { token: string; email: string }) {
  const [state, onSubmit, pending] = useFormAction<ActionState>(acceptAsNewPersonAction.bind(null, token), { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Create your account">
      {state.status === "error" ? <FormMessage state={state} /> : null}
      <TextField id="invite-account-email" label="Email" name="email" value={email} readOnly autoComplete="username" />
      <TextField id="invite-name" label="Your name" name="name" autoComplete="name" maxLength={120} errors={errors.name} autoFocus />
      <TextField
        id="invite-password"
        label="Choose a password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters; a few unrelated words work well.`}
        errors={errors.password}
      />
      <button type="submit" disabled={pending}>
        {pending ? "Joining…" : "Join"}
      </button>
    </form>
  );
}
