"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/lib/http/runAction";
import { createLeadEntry } from "@/lib/services/leadEntries";

export async function logLeadEntry(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const { entry, created } = await createLeadEntry(db, ctx, Object.fromEntries(form));
    revalidatePath(`/teams/${entry.teamId}`);
    revalidatePath("/dashboard");
    return created ? `Logged ${entry.value} for ${entry.entryDate}.` : "Already logged — nothing was added twice.";
  });
}
