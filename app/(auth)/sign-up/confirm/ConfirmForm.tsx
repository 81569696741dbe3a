"use client";

import Link from "@/app/_components/Link";
import { FormMessage } from "@/app/_components/Field";
import { useFormAction } from "@/app/_components/useFormAction";
import type { ActionState } from "@/lib/http/runAction";
import { confirmSignUpAction } from "../actions";

export function ConfirmForm({ token }: { token: string }) {
  const [state, onSubmit, pending] = useFormAction<ActionState>(confirmSignUpAction, { status: "idle" });
  return (
    <form className="stack" onSubmit={onSubmit}>
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      {state.status === "error" ? (
        <p>
          <Link href="/sign-in">Sign in</Link>
        </p>
      ) : (
        <button type="submit" disabled={pending} autoFocus>
          {pending ? "Creating…" : "Create the organization"}
        </button>
      )}
    </form>
  );
}
