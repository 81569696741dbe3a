"use server";

import { revalidatePath } from "next/cache";
import { AppError } from "@/lib/errors";
import { runAction, type ActionState } from "@/lib/http/runAction";
import { resendEmail } from "@/lib/services/email";

export async function resendOutboxEmail(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const sent = await resendEmail(db, ctx, String(form.get("id") ?? ""));
    revalidatePath("/settings/outbox", "layout");
    if (sent.status !== "SENT") throw new AppError("unavailable", `The mail server did not take it: ${sent.error ?? "no reason given"}`);
    return "Email sent.";
  });
}
