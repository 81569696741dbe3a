"use server";

import { runPublicAction, type ActionState } from "@/lib/http/runAction";
import { unsubscribe } from "@/lib/services/notificationPreferences";

/** The unsubscribe page's button: that person stops getting that kind by email. No sign-in: the link is signed. */
export async function unsubscribeAction(token: string, _prev: ActionState, _form: FormData): Promise<ActionState> {
  return runPublicAction(async (db) => {
    const done = await unsubscribe(db, token);
    return `Done: no more “${done.label}” emails from ${done.organizationName}. You can turn them back on in your account's notification settings.`;
  });
}
