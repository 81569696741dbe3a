"use client";

import { useState } from "react";
import { FormMessage } from "@/app/_components/Field";
import { OrganizationFields } from "@/app/_components/OrganizationFields";
import { useFormAction } from "@/app/_components/useFormAction";
import { checkLazily } from "@/app/_components/checkLazily";
import type { ActionState } from "@/lib/http/runAction";
import { createOrganizationAction } from "./actions";

export function NewOrganizationForm({ timeZones }: { timeZones: string[] }) {
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const [state, onSubmit, pending] = useFormAction<ActionState>(
    createOrganizationAction,
    { status: "idle" },
    {
      validate: async (form) => {
        const checked = await checkLazily(() => import("@/lib/schemas/signup").then((m) => m.newOrganizationSchema), Object.fromEntries(form));
        setClientErrors(checked.errors);
        return checked.ok;
      },
    },
  );
  const errors = Object.keys(clientErrors).length ? clientErrors : state.status === "error" ? state.fieldErrors : {};
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="New organization">
      <OrganizationFields timeZones={timeZones} errors={errors} />
      {state.status === "error" && !Object.keys(clientErrors).length ? <FormMessage state={state} /> : null}
      <button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create the organization"}
      </button>
    </form>
  );
}
