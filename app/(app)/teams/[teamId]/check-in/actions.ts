"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionState } from "@/lib/http/runAction";
import { commitmentsFromForm, meetingNotesFromForm } from "@/lib/schemas/checkIn";
import { createCommitments, deleteCommitment, editCommitment, markCheckInHeld, reviewCommitment } from "@/lib/services/checkIns";
import { endMeeting, moveMeetingStep, saveMeetingNotes, startMeeting } from "@/lib/services/checkInMeetings";

const REVIEWED: Record<string, string> = { DONE: "done", PARTIAL: "partly done", NOT_DONE: "not done" };
const pageOf = (teamId: string) => `/teams/${teamId}/check-in`;

export async function reviewCommitmentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const c = await reviewCommitment(db, ctx, Object.fromEntries(form));
    revalidatePath(pageOf(c.teamId));
    return `Marked ${REVIEWED[c.status] ?? c.status.toLowerCase()}.`;
  });
}

export async function addCommitmentsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const created = await createCommitments(db, ctx, commitmentsFromForm(form));
    revalidatePath(pageOf(created[0]!.teamId));
    return created.length === 1 ? "Commitment added." : `${created.length} commitments added.`;
  });
}

export async function editCommitmentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const c = await editCommitment(db, ctx, Object.fromEntries(form));
    revalidatePath(pageOf(c.teamId));
    return "Commitment saved.";
  });
}

/** What an undo sends back to addCommitmentsAction: the deleted commitment as a new one. */
export type DeleteCommitmentState = ActionState & { undo?: Record<string, string> };

export async function deleteCommitmentAction(_prev: DeleteCommitmentState, form: FormData): Promise<DeleteCommitmentState> {
  let undo: Record<string, string> | undefined;
  const state = await runAction(async (db, ctx) => {
    const c = await deleteCommitment(db, ctx, Object.fromEntries(form));
    undo = { teamId: c.teamId, weekStart: c.weekStart, "items.0.userId": c.userId, "items.0.text": c.text, "items.0.leadMeasureId": c.leadMeasureId ?? "" };
    // No revalidation: the row stays on screen with its undo until the page is next rendered.
    return `Deleted “${c.text}”.`;
  });
  return { ...state, undo };
}

export async function markCheckInHeldAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const { checkIn, created } = await markCheckInHeld(db, ctx, Object.fromEntries(form));
    revalidatePath(pageOf(checkIn.teamId));
    revalidatePath(`/teams/${checkIn.teamId}`);
    return created ? "Check-in marked held." : "This check-in was already marked held.";
  });
}

export async function startMeetingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const { meeting, created } = await startMeeting(db, ctx, Object.fromEntries(form));
    revalidatePath(pageOf(meeting.teamId));
    return created ? "The meeting has started." : "The meeting is under way.";
  });
}

export async function moveMeetingStepAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const meeting = await moveMeetingStep(db, ctx, Object.fromEntries(form));
    return `On step ${meeting.step + 1}.`;
  });
}

export async function saveMeetingNotesAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    await saveMeetingNotes(db, ctx, meetingNotesFromForm(form));
    return "Notes saved.";
  });
}

export async function endMeetingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async (db, ctx) => {
    const held = await endMeeting(db, ctx, meetingNotesFromForm(form));
    revalidatePath(pageOf(held.teamId));
    revalidatePath(`/teams/${held.teamId}`);
    return `Check-in held: ${held.durationMinutes} min, ${held.decisions.length} decision${held.decisions.length === 1 ? "" : "s"}.`;
  });
}
