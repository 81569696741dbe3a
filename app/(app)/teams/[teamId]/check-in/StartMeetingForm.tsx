"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import type { ActionState } from "@/lib/http/runAction";
import { FormMessage } from "@/app/_components/Field";
import { SubmitButton } from "@/app/_components/SubmitButton";
import { startMeetingAction } from "./actions";

/** The lead's way into meeting mode: starts the clock on the server (or resumes the meeting under way). */
export function StartMeetingForm({ teamId, weekStart, meetingHref, resume }: { teamId: string; weekStart: string; meetingHref: string; resume: boolean }) {
  const router = useRouter();
  const [state, action] = useActionState<ActionState, FormData>(startMeetingAction, { status: "idle" });
  useEffect(() => {
    if (state.status === "ok") router.push(meetingHref);
  }, [state, meetingHref, router]);
  return (
    <form className="stack" action={action}>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="weekStart" value={weekStart} />
      <SubmitButton pendingText="Starting…">{resume ? "Resume the meeting" : "Start the meeting"}</SubmitButton>
      {state.status === "error" && <FormMessage state={state} />}
    </form>
  );
}
