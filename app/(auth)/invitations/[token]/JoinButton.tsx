"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/_components/Field";
import type { ActionState } from "@/lib/http/runAction";
import { joinAction } from "./actions";

/** One click for someone already signed in with the invited address. */
export function JoinButton({ token, organizationName }: { token: string; organizationName: string }) {
  const [state, action, pending] = useActionState<ActionState>(joinAction.bind(null, token), { status: "idle" });
  return (
    <form action={action} className="stack">
      {state.status === "error" ? <FormMessage state={state} /> : null}
      <button type="submit" disabled={pending}>
        {pending ? "Joining…" : `Join ${organizationName}`}
      </button>
    </form>
  );
}
