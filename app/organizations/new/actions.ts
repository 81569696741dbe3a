"use server";

import { redirect } from "next/navigation";
import { rememberOrganization } from "@/lib/auth/activeOrganization";
import { getViewer } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { runPublicAction, type ActionState } from "@/lib/http/runAction";
import { createOrganizationFor } from "@/lib/services/signup";

export async function createOrganizationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let created: string | null = null;
  const state = await runPublicAction(async (db) => {
    const viewer = await getViewer();
    if (!viewer) throw new AppError("unauthenticated", "Sign in to continue.");
    created = (await createOrganizationFor(db, viewer.user, Object.fromEntries(form))).organizationId;
    return "Created.";
  });
  if (created) {
    // The new organization becomes the active one.
    await rememberOrganization(created);
    redirect("/setup");
  }
  return state;
}
