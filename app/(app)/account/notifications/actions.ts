"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/lib/http/runAction";
import { saveMyNotificationPreferences } from "@/lib/services/notificationPreferences";

export async function saveNotificationPreferencesAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    await saveMyNotificationPreferences(db, ctx, form);
    revalidatePath("/account/notifications");
    return "Saved.";
  });
}
