"use client";

import Link from "@/app/_components/Link";
import { FormMessage, TextField } from "@/app/_components/Field";
import { useFormAction } from "@/app/_components/useFormAction";
import type { ActionState } from "@/lib/http/runAction";
import { requestReset } from "./actions";

export function ForgotPasswordForm() {
  const [state, onSubmit, pending] = useFormAction<ActionState>(requestReset, { status: "idle" });
  if (state.status === "ok") {
    return (
      <div style={{ display: "grid", gap: "0.9rem" }}>
        <FormMessage state={state} />
        <p className="muted" style={{ margin: 0 }}>
          No email after a few minutes? Check your spam folder, or ask again: only the newest link works.
        </p>
        <Link href="/sign-in">Back to sign in</Link>
      </div>
    );
  }
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Ask for a reset link">
      {state.status === "error" && !errors.email ? <FormMessage state={state} /> : null}
      <TextField label="Email" name="email" type="email" autoComplete="username" autoFocus required errors={errors.email} />
      <button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Email me a link"}
      </button>
      <Link href="/sign-in">Back to sign in</Link>
    </form>
  );
}
