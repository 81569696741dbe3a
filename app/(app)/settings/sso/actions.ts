"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/lib/http/runAction";
import { saveSsoConnection, testSsoConnection } from "@/lib/services/sso";

/** Save, or (the "Test connection" button) run discovery against the issuer the form names. */
export async function ssoFormAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = Object.fromEntries(form);
  if (form.get("intent") === "test") {
    let failed: string | null = null;
    const state = await runAction(async (_db, ctx) => {
      const result = await testSsoConnection(ctx, input);
      if (!result.ok) failed = result.message;
      return result.message;
    });
    return failed ? { status: "error", message: `Connection failed: ${failed}`, fieldErrors: {} } : state;
  }
  return runAction(async (db, ctx) => {
    const { created } = await saveSsoConnection(db, ctx, input);
    revalidatePath("/settings/sso");
    return created ? "Single sign-on is set up." : "Single sign-on settings saved.";
  });
}
