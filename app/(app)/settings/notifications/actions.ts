"use server";

import { revalidatePath } from "next/cache";
import { KIND_LABELS } from "@/lib/domain/notifications/schedule";
import { tickOrganizationNow } from "@/lib/jobs/notificationTick";
import { runAction, type ActionState } from "@/lib/http/runAction";
import { saveNotificationSchedule, saveTeamWebhook } from "@/lib/services/notificationPreferences";

export async function saveScheduleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const kind = await saveNotificationSchedule(db, ctx, form);
    // What the new schedule makes due (say, a reminder at an hour already past this week) goes out now, not at the next tick.
    const now = await tickOrganizationNow(ctx.organizationId);
    revalidatePath("/settings/notifications");
    return `Saved: ${KIND_LABELS[kind]}.${now ? " Anything it makes due is being sent now." : ""}`;
  });
}

export async function saveWebhookAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    await saveTeamWebhook(db, ctx, form);
    revalidatePath("/settings/notifications");
    return "Webhook saved.";
  });
}
