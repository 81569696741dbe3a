"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { checkLazily } from "@/app/_components/checkLazily";
import { isLockMessage } from "./lockMessage";

type Errors = Partial<Record<"email" | "password" | "form", string>>;

/** The same answer for an unknown email and a wrong password: the page never says which. */
const WRONG = "Email or password is incorrect.";

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>(initialError ? { form: initialError } : {});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = await checkLazily(() => import("@/lib/schemas/auth").then((m) => m.credentialsSchema), data);
    if (!parsed.ok) {
      const next: Errors = {};
      for (const [field, messages] of Object.entries(parsed.errors)) next[field as "email" | "password"] ??= messages[0];
      setErrors(next);
      return;
    }
    setErrors({});
    setPending(true);
    const result = await signIn("credentials", { ...parsed.data, redirect: false });
    if (!result || result.error) {
      setPending(false);
      setErrors({ form: isLockMessage(result?.error) ? result.error : WRONG });
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="field">
        <label htmlFor="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          autoFocus
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "email-error" : undefined}
        />
        {errors.email && (
          <p id="email-error" className="field-error">
            {errors.email}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? "password-error" : undefined}
        />
        {errors.password && (
          <p id="password-error" className="field-error">
            {errors.password}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
