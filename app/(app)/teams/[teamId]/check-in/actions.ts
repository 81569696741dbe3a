"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/lib/http/runAction";
import { commitmentsFromForm } from "@/lib/schemas/checkIn";
import { createCommitments, markCheckInHeld, reviewCommitment } from "@/lib/services/checkIns";

const REVIEWED: Record<string, string> = { DONE: "done", PARTIAL: "partly done", NOT_DONE: "not done" };

export async function reviewCommitmentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const c = await reviewCommitment(db, ctx, Object.fromEntries(form));
    revalidatePath(`/teams/${c.teamId}/check-in`);
    return `Marked ${REVIEWED[c.status] ?? c.status.toLowerCase()}.`;
  });
}

export async function addCommitmentsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const created = await createCommitments(db, ctx, commitmentsFromForm(form));
    revalidatePath(`/teams/${created[0]!.teamId}/check-in`);
    return created.length === 1 ? "Commitment added." : `${created.length} commitments added.`;
  });
}

export async function markCheckInHeldAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const { checkIn, created } = await markCheckInHeld(db, ctx, Object.fromEntries(form));
    revalidatePath(`/teams/${checkIn.teamId}/check-in`);
    revalidatePath(`/teams/${checkIn.teamId}`);
    return created ? "Check-in marked held." : "This check-in was already marked held.";
  });
}
