"use server";

import { redirect } from "next/navigation";
import { switchOrganization } from "@/lib/auth/activeOrganization";
import { runPublicAction, type ActionState } from "@/lib/http/runAction";

/** The header's organization switcher: only to an organization the person belongs to; then home. */
export async function switchOrganizationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await runPublicAction(async () => {
    await switchOrganization(form.get("organizationId"));
    return "Switched.";
  });
  if (state.status === "ok") redirect("/");
  return state;
}
