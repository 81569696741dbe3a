"use client";

import Link from "@/app/_components/Link";
import { useState } from "react";
import { FormMessage, TextField } from "@/app/_components/Field";
import { OrganizationFields } from "@/app/_components/OrganizationFields";
import { useFormAction } from "@/app/_components/useFormAction";
import { checkLazily } from "@/app/_components/checkLazily";
import { signUpAction, type SignUpState } from "./actions";

export function SignUpForm({ timeZones, firstOwner }: { timeZones: string[]; firstOwner: boolean }) {
  // The browser checks the same rules as the server (but the list of common passwords) first.
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const [state, onSubmit, pending] = useFormAction<SignUpState>(
    signUpAction,
    { status: "idle" },
    {
      validate: async (form) => {
        const checked = await checkLazily(() => import("@/lib/schemas/signup").then((m) => m.signUpSchema), Object.fromEntries(form));
        setClientErrors(checked.errors);
        return checked.ok;
      },
    },
  );
  if (state.checkEmail) {
    return (
      <div role="status" className="stack">
        <h2>Check your email</h2>
        <p>
          We sent a message to <strong>{state.checkEmail}</strong>. Open the link in it to finish: it creates your organization and
          signs you in. The link works for 24 hours.
        </p>
        <p className="muted">No email after a few minutes? Check the spam folder, or sign up again.</p>
      </div>
    );
  }
  const errors = Object.keys(clientErrors).length ? clientErrors : state.status === "error" ? state.fieldErrors : {};
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Sign up">
      <TextField label="Your name" name="name" autoComplete="name" autoFocus errors={errors.name} required />
      <TextField label="Work email" name="email" type="email" autoComplete="email" errors={errors.email} required />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        errors={errors.password}
        hint="At least 12 characters; not a common password, nor your name or email."
        required
      />
      <OrganizationFields timeZones={timeZones} errors={errors} />
      {Object.keys(clientErrors).length === 0 && state.status === "error" ? <FormMessage state={state} /> : null}
      <button type="submit" disabled={pending}>
        {pending ? "Creating…" : firstOwner ? "Create the organization" : "Create an organization"}
      </button>
      <p className="muted">
        Already have an account? <Link href="/sign-in">Sign in</Link>
      </p>
    </form>
  );
}
