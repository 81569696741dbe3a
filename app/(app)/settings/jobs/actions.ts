"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/lib/http/runAction";
import { retryJob } from "@/lib/services/jobs";

export async function retryJobAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const label = await retryJob(db, ctx, String(form.get("id") ?? ""));
    revalidatePath("/settings/jobs");
    return `${label}: retrying now.`;
  });
}
