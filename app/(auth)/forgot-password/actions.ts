"use server";

import { after } from "next/server";
import { getDb } from "@/lib/db";
import { fieldErrorsOf, RateLimitedError } from "@/lib/errors";
import { requestClientIp } from "@/lib/http/clientIp";
import type { ActionState } from "@/lib/http/runAction";
import { forgotPasswordSchema } from "@/lib/schemas/passwords";
import { limitResetRequest, requestPasswordReset } from "@/lib/services/passwordReset";

const SENT = "If an account exists for that address, we've sent a link to choose a new password. It works once, for one hour.";

/**
 * The same answer, as fast, whether or not the address has an account: the lookup, the link and
 * the email happen after the response is sent (next/server `after`). Only the rate limits answer
 * first: they count the address whether or not it has an account.
 */
export async function requestReset(_prev: ActionState, form: FormData): Promise<ActionState> {
  const parsed = forgotPasswordSchema.safeParse({ email: form.get("email") ?? "" });
  if (!parsed.success) return { status: "error", message: "Enter the email address you sign in with.", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await limitResetRequest(await getDb(), parsed.data.email, await requestClientIp());
  } catch (err) {
    if (err instanceof RateLimitedError) return { status: "error", message: err.message, fieldErrors: {} };
    throw err;
  }
  after(async () => {
    try {
      await requestPasswordReset(await getDb(), parsed.data);
    } catch (err) {
      console.error("[password reset] could not handle a request", err);
    }
  });
  return { status: "ok", message: SENT };
}
