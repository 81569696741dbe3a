"use client";

import Link from "@/app/_components/Link";
import { FormMessage, TextField } from "@/app/_components/Field";
import { useFormAction } from "@/app/_components/useFormAction";
import type { ResetState } from "./actions";

export function ResetPasswordForm({ email, action }: { email: string; action: (prev: ResetState, form: FormData) => Promise<ResetState> }) {
  const [state, onSubmit, pending] = useFormAction<ResetState>(action, { status: "idle" });
  if (state.status === "error" && state.linkUnusable) {
    return (
      <div style={{ display: "grid", gap: "0.9rem" }}>
        <FormMessage state={state} />
        <Link href="/forgot-password">Ask for a new link</Link>
      </div>
    );
  }
  const errors = state.status === "error" ? state.fieldErrors : {};
  const formLevel = state.status === "error" && Object.keys(errors).length === 0;
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Choose a new password">
      {formLevel ? <FormMessage state={state} /> : null}
      {/* For password managers: which account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        autoFocus
        hint="At least 12 characters. Not a common password, nor your name or email."
        errors={errors.password}
      />
      <TextField label="New password again" name="confirmPassword" type="password" autoComplete="new-password" errors={errors.confirmPassword} />
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Set password and sign in"}
      </button>
    </form>
  );
}
