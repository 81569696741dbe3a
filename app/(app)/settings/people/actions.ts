"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/lib/http/runAction";
import { changeRole, deactivateMember, reactivateMember, removeMember, transferOwnership } from "@/lib/services/people";

const DONE = {
  role: (name: string, role: string) => `${name} is now ${role === "ADMIN" ? "an" : "a"} ${role.toLowerCase()}.`,
  deactivate: (name: string) => `${name} is deactivated and can no longer sign in to this organization.`,
  reactivate: (name: string) => `${name} can sign in again.`,
  remove: (name: string) => `${name} was removed from the organization. Their past entries stay.`,
  transfer: (name: string) => `${name} now owns the organization; you are an admin.`,
};

/** One action for every row button: the form's `intent` says which change. */
export async function updatePerson(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const input = Object.fromEntries(form);
    const intent = String(form.get("intent"));
    const run = { role: changeRole, deactivate: deactivateMember, reactivate: reactivateMember, remove: removeMember, transfer: transferOwnership }[intent];
    if (!run) return "Nothing to do.";
    const r = await run(db, ctx, input);
    revalidatePath("/settings/people");
    if (intent === "transfer") revalidatePath("/", "layout"); // the header shows the caller's role
    return intent === "role" ? DONE.role(r.name, r.role) : DONE[intent as Exclude<keyof typeof DONE, "role">](r.name);
  });
}
