"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionState } from "@/lib/http/runAction";
import { notFound } from "@/lib/errors";
import { inviteFromCsv, inviteFromList, inviteSummary, resendInvitation, revokeInvitation } from "@/lib/services/invitations";

/** Invites the pasted addresses, or the people of the uploaded CSV file when one is chosen. */
export async function invitePeople(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const defaults = { role: form.get("role") || undefined, teamIds: form.getAll("teamIds") };
    const file = form.get("file");
    const result =
      file instanceof File && file.size > 0
        ? await inviteFromCsv(db, ctx, new Uint8Array(await file.arrayBuffer()), defaults)
        : await inviteFromList(db, ctx, { ...defaults, emails: form.get("emails") ?? "" });
    revalidatePath("/settings/invitations");
    return inviteSummary(result);
  });
}

const idOf = (form: FormData) => {
  const id = z.uuid().safeParse(form.get("id"));
  if (!id.success) throw notFound("Invitation not found.");
  return id.data;
};

export async function resendInvitationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const sent = await resendInvitation(db, ctx, idOf(form));
    revalidatePath("/settings/invitations");
    return `Sent again to ${sent.email}. The earlier link no longer works.`;
  });
}

export async function revokeInvitationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const revoked = await revokeInvitation(db, ctx, idOf(form));
    revalidatePath("/settings/invitations");
    return `Invitation to ${revoked.email} revoked. Its link no longer works.`;
  });
}
