"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getViewer, ORG_COOKIE } from "@/lib/auth/context";
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
    (await cookies()).set(ORG_COOKIE, created, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 365 * 24 * 3600 });
    redirect("/setup");
  }
  return state;
}
