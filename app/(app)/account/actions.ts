"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getViewer } from "@/lib/auth/context";
import { AppError, notFound } from "@/lib/errors";
import { runAction, type ActionState } from "@/lib/http/runAction";
import { changePassword, endOtherSessions, endOwnSession, type AccountCaller } from "@/lib/services/account";

/** The caller and the session this request came with (getViewer is cached per request). */
async function caller(): Promise<AccountCaller> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("unauthenticated", "Sign in to continue.");
  return { userId: viewer.user.id, sessionId: viewer.sessionId };
}

const others = (n: number) => (n === 1 ? "1 other session" : `${n} other sessions`);

export async function changePasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db) => {
    const ended = await changePassword(db, await caller(), {
      currentPassword: form.get("currentPassword") ?? "",
      newPassword: form.get("newPassword") ?? "",
      confirmPassword: form.get("confirmPassword") ?? "",
    });
    revalidatePath("/account");
    return ended > 0 ? `Password changed. ${others(ended)} signed out.` : "Password changed.";
  });
}

export async function endSessionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db) => {
    const id = z.uuid().safeParse(form.get("id"));
    if (!id.success || !(await endOwnSession(db, await caller(), id.data))) throw notFound("That session has already ended.");
    revalidatePath("/account");
    return "Signed out on that device.";
  });
}

export async function endOtherSessionsAction(_prev: ActionState): Promise<ActionState> {
  return runAction(async (db) => {
    const ended = await endOtherSessions(db, await caller());
    revalidatePath("/account");
    return ended > 0 ? `Signed out of ${others(ended)}.` : "You were signed in nowhere else.";
  });
}
