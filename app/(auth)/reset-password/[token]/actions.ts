"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signInAs } from "@/lib/auth/signIn";
import { getDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { AppError, asUnavailable } from "@/lib/errors";
import type { ActionState } from "@/lib/http/runAction";
import { resetPassword } from "@/lib/services/passwordReset";

export type ResetState = ActionState & { linkUnusable?: boolean };

/** Sets the new password, ends every session of the account and signs in afresh here. */
export async function resetPasswordAction(token: string, _prev: ResetState, form: FormData): Promise<ResetState> {
  let db: Db;
  let user: { id: string; name: string; email: string };
  try {
    db = await getDb();
    user = await resetPassword(db, token, { password: form.get("password") ?? "", confirmPassword: form.get("confirmPassword") ?? "" });
  } catch (caught) {
    // A saturated or absent database says "busy, try again", as runAction does.
    const err = caught instanceof AppError ? caught : (asUnavailable(caught) ?? caught);
    if (err instanceof AppError) {
      return { status: "error", message: err.message, fieldErrors: err.details?.fieldErrors ?? {}, linkUnusable: err.code === "not_found" };
    }
    console.error(err);
    return { status: "error", message: "Something went wrong on our side. Please try again.", fieldErrors: {} };
  }
  await signInAs(db, user, "password", (await headers()).get("user-agent") ?? "");
  redirect("/");
}
