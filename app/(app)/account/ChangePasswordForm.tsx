"use client";

import { useEffect, useRef } from "react";
import { FormMessage, TextField } from "@/app/_components/Field";
import { useFormAction } from "@/app/_components/useFormAction";
import type { ActionState } from "@/lib/http/runAction";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm({ email }: { email: string }) {
  const [state, onSubmit, pending] = useFormAction<ActionState>(changePasswordAction, { status: "idle" });
  const form = useRef<HTMLFormElement>(null);
  // Passwords do not stay on screen once changed.
  useEffect(() => {
    if (state.status === "ok") form.current?.reset();
  }, [state]);
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form ref={form} className="stack" onSubmit={onSubmit} noValidate aria-label="Change password">
      <FormMessage state={state} />
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" errors={errors.currentPassword} />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. Not a common password, nor your name or email."
        errors={errors.newPassword}
      />
      <TextField label="New password again" name="confirmPassword" type="password" autoComplete="new-password" errors={errors.confirmPassword} />
      <div>
        <button type="submit" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </button>
      </div>
    </form>
  );
}
