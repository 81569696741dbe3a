"use server";

import { revalidatePath } from "next/cache";
import { formatDay, formatNumber } from "@/lib/domain/format";
import { runAction, type ActionState } from "@/lib/http/runAction";
import { createLeadEntry } from "@/lib/services/leadEntries";

export async function logLeadEntry(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const { entry, created } = await createLeadEntry(db, ctx, Object.fromEntries(form));
    revalidatePath(`/teams/${entry.teamId}`);
    revalidatePath("/dashboard");
    const { locale } = ctx.organization;
    return created ? `Logged ${formatNumber(entry.value, locale)} for ${formatDay(entry.entryDate, locale)}.` : "Already logged — nothing was added twice.";
  });
}
