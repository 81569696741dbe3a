"use server";

import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { signInAs } from "@/lib/auth/signIn";
import { runPublicAction, type ActionState } from "@/lib/http/runAction";
import { confirmSignUp, signUp } from "@/lib/services/signup";

export type SignUpState = ActionState & { checkEmail?: string };

export async function signUpAction(_prev: SignUpState, form: FormData): Promise<SignUpState> {
  let checkEmail: string | undefined;
  let signedIn = false;
  const state = await runPublicAction(async (db) => {
    const result = await signUp(db, Object.fromEntries(form));
    if (result.kind === "check-email") {
      checkEmail = result.email;
      return "Check your email.";
    }
    await signInAs(db, result.user, "password", (await headers()).get("user-agent") ?? "");
    signedIn = true;
    return "Created.";
  });
  if (signedIn) redirect("/setup");
  return checkEmail ? { ...state, checkEmail } : state;
}

export async function confirmSignUpAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let done = false;
  const state = await runPublicAction(async (db) => {
    const { user } = await confirmSignUp(db, String(form.get("token") ?? ""));
    await signInAs(db, user, "password", (await headers()).get("user-agent") ?? "");
    done = true;
    return "Created.";
  });
  if (done) redirect("/setup");
  return state;
}
