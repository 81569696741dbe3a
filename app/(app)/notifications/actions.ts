"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/http/runAction";
import { markNotificationsRead } from "@/lib/services/notificationPreferences";

/** Marks one notification (`id`) or all of the caller's (no `id`) read. */
export async function markReadAction(form: FormData): Promise<void> {
  await runAction(async (db, ctx) => {
    const n = await markNotificationsRead(db, ctx, String(form.get("id") ?? ""));
    revalidatePath("/", "layout");
    return `${n} marked read.`;
  });
}
