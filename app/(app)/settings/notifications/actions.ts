"use server";

import { revalidatePath } from "next/cache";
import { KIND_LABELS } from "@/lib/domain/notifications/schedule";
import { runAction, type ActionState } from "@/lib/http/runAction";
import { saveNotificationSchedule, saveTeamWebhook } from "@/lib/services/notificationPreferences";

export async function saveScheduleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const kind = await saveNotificationSchedule(db, ctx, form);
    revalidatePath("/settings/notifications");
    return `Saved: ${KIND_LABELS[kind]}.`;
  });
}

export async function saveWebhookAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    await saveTeamWebhook(db, ctx, form);
    revalidatePath("/settings/notifications");
    return "Webhook saved.";
  });
}
